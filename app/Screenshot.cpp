#include "Screenshot.h"

#include "MainWindow.h"
#include "RunDocks.h"
#include "canvas/CanvasView.h"
#include "run/RunController.h"

#include <QApplication>
#include <QEventLoop>
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

QString Screenshot::runFor(MainWindow& window, double simSeconds)
{
    widgets::RunController* run = window.run()->controller();
    QString error;
    QEventLoop loop;
    // Done when the snapshot taken at the target has reached every plot and
    // the canvas (they are fed one per event-loop pass after it arrives).
    QObject::connect(window.run(), &RunDocks::viewsUpdated, &loop, [&](double seconds) {
        if (seconds >= simSeconds - 1e-9)
            loop.quit();
    });
    QObject::connect(run, &widgets::RunController::failed, &loop, [&](const QString& message) {
        error = message;
        loop.quit();
    });
    QObject::connect(run, &widgets::RunController::startRefused, &loop, [&](const QString& message) {
        error = message;
        loop.quit();
    });
    run->setSpeed(widgets::RunController::kMaxSpeed);
    run->runTo(simSeconds);
    if (run->state() == widgets::RunController::State::Stopped && error.isEmpty())
        return QObject::tr("the simulation did not start");
    if (error.isEmpty())
        loop.exec();
    return error;
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
