#include "TradeoffCardFile.h"


#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <stdexcept>

namespace scalelab::widgets {

namespace {

std::string readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()).toStdString());
    return file.readAll().toStdString();
}

} // namespace

QStringList TradeoffCardFile::bundled()
{
    QStringList paths;
    const QDir folder(kBundledFolder);
    for (const QString& name : folder.entryList({"*.tradeoff"}, QDir::Files, QDir::Name))
        paths.append(folder.filePath(name));
    return paths;
}

model::TradeoffCard TradeoffCardFile::readCard(const QString& cardPath)
{
    return io::parseTradeoffCard(readText(cardPath), QFileInfo(cardPath).fileName().toStdString());
}

io::TradeoffPair TradeoffCardFile::load(const QString& cardPath)
{
    return io::loadTradeoffPair(cardPath.toStdString(),
                                [](const std::string& path) { return readText(QString::fromStdString(path)); });
}

QString TradeoffCardFile::cardName(const QString& cardPath)
{
    return QFileInfo(cardPath).completeBaseName();
}

} // namespace scalelab::widgets
