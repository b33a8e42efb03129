#include "PathFiles.h"

#include "canvas/BlockIcons.h"
#include "io/LearningPathReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace scalelab::widgets {

namespace {

struct Place {
    model::PathStep::Kind kind;
    const char* folder;
    const char* extension;
};

constexpr Place kPlaces[] = {
    {model::PathStep::Kind::Lesson, "lessons", ".scalelab"},
    {model::PathStep::Kind::Tradeoff, "tradeoffs", ".tradeoff"},
    {model::PathStep::Kind::Challenge, "challenges", ".scalelab"},
    {model::PathStep::Kind::Interview, "interviews", ".scalelab"},
};

} // namespace

model::LearningPath PathFiles::loadBundled()
{
    BlockIcons::ensureResources();
    QFile file(kPathResource);
    file.open(QIODevice::ReadOnly); // a missing resource reads as empty text: the reader says so
    return io::parseLearningPath(file.readAll().toStdString(), "learning-path.json");
}

QString PathFiles::resourcePath(const model::PathStep& step)
{
    for (const Place& place : kPlaces)
        if (place.kind == step.kind)
            return QStringLiteral(":/%1/%2%3").arg(place.folder, QString::fromStdString(step.ref), place.extension);
    return {};
}

QString PathFiles::stepIdFor(const QString& filePath)
{
    const QFileInfo info(filePath);
    const QString folder = info.dir().dirName();
    for (const Place& place : kPlaces) {
        if (folder != place.folder || !info.fileName().endsWith(place.extension))
            continue;
        QString stem = info.fileName().chopped(qsizetype(qstrlen(place.extension)));
        for (const char* variant : {".naive", ".solution"})
            if (stem.endsWith(variant))
                stem.chop(qsizetype(qstrlen(variant)));
        return QString(model::LearningPath::kindName(place.kind)) + ":" + stem;
    }
    return {};
}

} // namespace scalelab::widgets
