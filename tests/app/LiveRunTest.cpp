// The main window as a live view, offscreen: a run fills the plot docks and
// tints the canvas, Reset clears both, and `--screenshot --run-for` writes a
// picture taken after the simulated time has passed.
#include "../widgets/WidgetTestSupport.h"
#include "GuiStartup.h"
#include "MainWindow.h"
#include "RunDocks.h"
#include "Screenshot.h"
#include "canvas/BlockItem.h"
#include "canvas/CanvasScene.h"
#include "canvas/LinkItem.h"
#include "examples/ExampleLibrary.h"
#include "plots/LatencyPlot.h"
#include "run/RunController.h"

#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace scalelab;

class LiveRunTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void run_fills_plots_and_canvas_and_reset_clears_them();
    void screenshot_after_run_for_writes_png();
};

void LiveRunTest::run_fills_plots_and_canvas_and_reset_clears_them()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openExample(":/examples/three-tier.scalelab"), QString());
    window.resize(1400, 900);
    window.show();
    QCOMPARE(app::Screenshot::runFor(window, 5), QString());
    widgets::RunController* run = window.run()->controller();
    QCOMPARE(run->state(), widgets::RunController::State::Paused);
    QCOMPARE(run->latestSnapshot()->simSeconds, 5.0);

    widgets::BlockItem* app = window.scene()->blockItem("app");
    QVERIFY2(app->liveStats().has_value(), "the canvas must show live figures after a run");
    QVERIFY2(app->liveStats()->hasWorkers, "the app tier's card shows no worker figures");
    QVERIFY2(app->liveStats()->rps > 500,
             qPrintable(QString("the app tier's card shows %1 rps, expected over 500").arg(app->liveStats()->rps)));
    QVERIFY2(window.scene()->linkItem({"users", "lb"})->hasFlow(), "links must show their flow while live");
    QVERIFY2(window.run()->latencyPlot()->lastSeconds() >= 4,
             qPrintable(QString("the latency plot must hold the run's windows; its newest ends at %1 s")
                            .arg(window.run()->latencyPlot()->lastSeconds())));

    run->reset();
    QVERIFY2(!app->liveStats().has_value(), "reset must clear the live canvas");
    QVERIFY2(!window.scene()->linkItem({"users", "lb"})->hasFlow(), "reset must clear the links' flow");
    QVERIFY2(window.run()->latencyPlot()->lastSeconds() < 0,
             qPrintable(QString("reset must empty the latency plot; it still ends at %1 s")
                            .arg(window.run()->latencyPlot()->lastSeconds())));
}

void LiveRunTest::screenshot_after_run_for_writes_png()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("live.png");
    const QString example = testing::examplePath("three-tier.scalelab");
    const int status = app::GuiStartup::run(
        {"scalelab", "--screenshot", out, example, "--run-for", "3s", "--size", "1200x800"});
    QCOMPARE(status, 0);
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1200, 800));
}

QTEST_MAIN(LiveRunTest)
#include "LiveRunTest.moc"
