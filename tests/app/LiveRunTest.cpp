// The main window as a live view, offscreen: a run fills the plot docks and
// tints the canvas, Reset clears both, and `--screenshot --run-for` writes a
// picture taken after the simulated time has passed.
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
    QVERIFY(window.openExample(":/examples/three-tier.scalelab").isEmpty());
    window.resize(1400, 900);
    window.show();
    QVERIFY(app::Screenshot::runFor(window, 5).isEmpty());
    widgets::RunController* run = window.run()->controller();
    QCOMPARE(run->state(), widgets::RunController::State::Paused);
    QCOMPARE(run->latestSnapshot()->simSeconds, 5.0);

    widgets::BlockItem* app = window.scene()->blockItem("app");
    QVERIFY2(app->liveStats().has_value(), "the canvas must show live figures after a run");
    QVERIFY(app->liveStats()->hasWorkers);
    QVERIFY(app->liveStats()->rps > 500);
    QVERIFY2(window.scene()->linkItem({"users", "lb"})->hasFlow(), "links must show their flow while live");
    QVERIFY2(window.run()->latencyPlot()->lastSeconds() >= 4, "the latency plot must hold the run's windows");

    run->reset();
    QVERIFY2(!app->liveStats().has_value(), "reset must clear the live canvas");
    QVERIFY(!window.scene()->linkItem({"users", "lb"})->hasFlow());
    QVERIFY(window.run()->latencyPlot()->lastSeconds() < 0);
}

void LiveRunTest::screenshot_after_run_for_writes_png()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("live.png");
    const QString example = QStringLiteral(SCALELAB_SOURCE_DIR) + "/resources/examples/three-tier.scalelab";
    const int status = app::GuiStartup::run(
        {"scalelab", "--screenshot", out, example, "--run-for", "3s", "--size", "1200x800"});
    QCOMPARE(status, 0);
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1200, 800));
}

QTEST_MAIN(LiveRunTest)
#include "LiveRunTest.moc"
