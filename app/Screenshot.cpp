#include "Screenshot.h"

#include "MainWindow.h"
#include "RunDocks.h"
#include "canvas/CanvasView.h"
#include "compare/CompareRun.h"
#include "compare/CompareWindow.h"
#include "compare/DifferenceTable.h"
#include "examples/ExampleLibrary.h"
#include "examples/GalleryDialog.h"
#include "run/RunController.h"

#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
#include <QMap>
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

QString Screenshot::runCompareFor(widgets::CompareWindow& window, double simSeconds)
{
    widgets::CompareRun* run = window.run();
    QString error;
    QEventLoop loop;
    QObject::connect(&window, &widgets::CompareWindow::viewsUpdated, &loop, [&](double seconds) {
        if (seconds >= simSeconds - 1e-9)
            loop.quit();
    });
    QObject::connect(run, &widgets::CompareRun::failed, &loop, [&](const QString& message) {
        error = message;
        loop.quit();
    });
    run->setSpeed(widgets::RunController::kMaxSpeed);
    run->runTo(simSeconds);
    if (run->state() == widgets::RunController::State::Stopped && error.isEmpty())
        return QObject::tr("the simulations did not start");
    if (error.isEmpty())
        loop.exec();
    return error;
}

QString Screenshot::captureCompare(widgets::CompareWindow& window, QSize size, double runSeconds, bool difference,
                                  const QString& outPath)
{
    window.resize(size);
    window.show();
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    if (runSeconds > 0)
        if (const QString error = runCompareFor(window, runSeconds); !error.isEmpty())
            return error;
    if (difference) {
        widgets::DifferenceTable* table = window.differenceTable();
        QEventLoop loop;
        QObject::connect(table, &widgets::DifferenceTable::comparisonFinished, &loop, &QEventLoop::quit);
        QObject::connect(table, &widgets::DifferenceTable::comparisonCancelled, &loop, &QEventLoop::quit);
        table->runComparison();
        if (table->running())
            loop.exec();
        if (table->comparison().replications == 0)
            return QObject::tr("the paired comparison failed: %1").arg(table->statusLabel()->text());
    }
    window.fitDesigns();
    QApplication::processEvents();
    return save(window, outPath);
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
    return save(window, outPath);
}

QString Screenshot::captureGallery(const QString& gallery, const QString& filter, QSize size, const QString& outPath)
{
    const QMap<QString, const char*> folders{{"examples", widgets::ExampleLibrary::kExamplesFolder},
                                             {"lessons", widgets::ExampleLibrary::kLessonsFolder},
                                             {"challenges", widgets::ExampleLibrary::kChallengesFolder}};
    if (!folders.contains(gallery))
        return QObject::tr("--gallery wants examples, lessons or challenges, got \"%1\"").arg(gallery);
    widgets::GalleryDialog dialog(folders.value(gallery), gallery, QObject::tr("No %1 are built in yet.").arg(gallery));
    dialog.setFilterText(filter);
    dialog.resize(size);
    dialog.show();
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    return save(dialog, outPath);
}

QString Screenshot::save(QWidget& widget, const QString& outPath)
{
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull())
        return QObject::tr("cannot render the window");
    if (!pixmap.save(outPath, "PNG"))
        return QObject::tr("cannot write %1").arg(outPath);
    return {};
}

} // namespace scalelab::app
