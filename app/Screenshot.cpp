#include "Screenshot.h"

#include "MainWindow.h"
#include "canvas/CanvasView.h"

#include <QApplication>
#include <QFileInfo>
#include <QPixmap>
#include <QRegularExpression>

namespace scalelab::app {

QSize Screenshot::parseSize(const QString& text)
{
    static const QRegularExpression pattern("^(\\d{2,5})[xX](\\d{2,5})$");
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}

QString Screenshot::capture(MainWindow& window, QSize size, const QString& outPath)
{
    window.resize(size);
    window.show();
    // Let layouts, docks and the first paint settle before fitting and grabbing.
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    window.view()->fitToView();
    QApplication::processEvents();
    const QPixmap pixmap = window.grab();
    if (pixmap.isNull())
        return QObject::tr("cannot render the window");
    if (!pixmap.save(outPath, "PNG"))
        return QObject::tr("cannot write %1").arg(outPath);
    return {};
}

} // namespace scalelab::app
