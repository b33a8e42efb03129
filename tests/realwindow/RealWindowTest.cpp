// The editor in a real X server, driven by real input: xdotool moves the X
// pointer and presses keys through XTEST, so every event reaches the app the
// way a user's does (X server -> xcb -> Qt), drag and drop included. The
// test drags a block from the palette onto the canvas, wires it by dragging
// from a port, presses Play with the mouse while the run is live, undoes with
// the keyboard, and checks the model and the run each time; then it takes
// screenshots of the real framebuffer at the screen sizes people have.
//
// Run by run-in-xvfb.sh (ctest: RealWindowTest), which starts Xvfb, or
// skips with a message when Xvfb or xdotool is missing.
#include "../widgets/WidgetTestSupport.h"
#include "MainWindow.h"
#include "RunDocks.h"
#include "canvas/BlockItem.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignDocument.h"
#include "palette/BlockPalette.h"
#include "run/RunController.h"
#include "run/RunToolBar.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace scalelab;
using testing::waitForSnapshot;

namespace {

// One xdotool command line, run without blocking the event loop: a drag
// starts a nested event loop in Qt (QDrag::exec) that only ends on the
// release, so the whole gesture must already be on its way from another
// process. Its short pauses pace the input as a hand would, so that Qt sees
// the press, the motion past the drag distance and the release as separate
// moments; nothing is measured from them.
class Xdotool {
public:
    explicit Xdotool(QStringList arguments)
    {
        m_process.start("xdotool", arguments);
    }
    // Waits, serving events, until xdotool has sent everything.
    bool finish(int timeoutMs = 15'000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_process.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(10);
        return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit
            && m_process.exitCode() == 0;
    }
    QString errors() { return QString::fromLocal8Bit(m_process.readAllStandardError()); }

private:
    QProcess m_process;
};

QStringList point(QPoint global) { return {QString::number(global.x()), QString::number(global.y())}; }

// A press at `from`, a move past the drag distance, a move onto `to` and a
// release there.
QStringList dragGesture(QPoint from, QPoint to)
{
    const QPoint start = from + QPoint(12, 6);
    return QStringList{"mousemove", "--sync"} + point(from) + QStringList{"sleep", "0.1", "mousedown", "1", "sleep", "0.1",
                                                                             "mousemove", "--sync"}
        + point(start) + QStringList{"sleep", "0.1", "mousemove", "--sync"} + point((start + to) / 2)
        + QStringList{"sleep", "0.1", "mousemove", "--sync"} + point(to) + QStringList{"sleep", "0.2", "mouseup", "1"};
}

QPoint globalOfScenePoint(widgets::CanvasView* view, QPointF scenePos)
{
    return view->viewport()->mapToGlobal(view->mapFromScene(scenePos));
}

} // namespace

class RealWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void drag_wire_play_undo_with_real_input();
    void screenshots_at_common_sizes();
    void cleanupTestCase() { m_window.reset(); }

private:
    void showAt(QSize size);
    widgets::RunController& run() { return *m_window->run()->controller(); }
    std::unique_ptr<app::MainWindow> m_window;
};

void RealWindowTest::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == "xcb",
             qPrintable("this test needs a real X server (xcb), not " + QGuiApplication::platformName()));
    QStandardPaths::setTestModeEnabled(true);
    m_window = std::make_unique<app::MainWindow>(app::MainWindow::Options::headless());
    QCOMPARE(m_window->openFile(testing::examplePath("three-tier.scalelab")), QString());
    showAt({1280, 800});
}

void RealWindowTest::showAt(QSize size)
{
    // No window manager runs on the Xvfb display: the window is exactly where
    // and how large it is asked to be, and activating it gives it the focus.
    m_window->showNormal();
    m_window->setGeometry(QRect(QPoint(0, 0), size));
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isActiveWindow(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->size(), size, 5000);
}

void RealWindowTest::drag_wire_play_undo_with_real_input()
{
    widgets::DesignDocument* document = m_window->document();
    const size_t blocksBefore = document->architecture().blocks.size();
    const size_t linksBefore = document->architecture().links.size();
    widgets::CanvasView* view = m_window->view();

    // Play, clicked on the toolbar button.
    auto* play = qobject_cast<QToolButton*>(
        m_window->run()->toolBar()->widgetForAction(m_window->run()->toolBar()->playPauseAction()));
    QVERIFY2(play && play->isVisible(), "the Play button is not on screen");
    Xdotool click(QStringList{"mousemove", "--sync"} + point(play->mapToGlobal(play->rect().center()))
                  + QStringList{"click", "1"});
    QVERIFY2(click.finish(), qPrintable(click.errors()));
    QTRY_COMPARE_WITH_TIMEOUT(run().state(), widgets::RunController::State::Running, 5000);
    run().setSpeed(widgets::RunController::kMaxSpeed);
    QVERIFY2(waitForSnapshot(run(), [](const stats::Snapshot& s) { return s.simSeconds >= 5; }),
             qPrintable(testing::describeRun(run())));

    // A service dragged from the palette onto empty canvas, right of the design.
    widgets::BlockPalette* palette = m_window->palette();
    QTreeWidgetItem* entry = palette->itemForKind("service");
    QVERIFY(entry);
    palette->scrollToItem(entry);
    const QPoint from = palette->viewport()->mapToGlobal(palette->visualItemRect(entry).center());
    const QPoint to = view->viewport()->mapToGlobal(view->viewport()->rect().center()
                                                    + QPoint(0, view->viewport()->height() / 3));
    QVERIFY2(m_window->scene()->items(view->mapToScene(view->viewport()->mapFromGlobal(to))).isEmpty(),
             "the drop point is on an item; the test needs empty canvas there");
    Xdotool drop(dragGesture(from, to));
    QVERIFY2(drop.finish(), qPrintable(drop.errors()));
    QTRY_COMPARE_WITH_TIMEOUT(document->architecture().blocks.size(), blocksBefore + 1, 5000);
    const std::string added = document->architecture().blocks.back().id;
    QCOMPARE(document->architecture().blocks.back().kind, std::string("service"));

    // Wired by dragging from the balancer's output port onto the new block.
    widgets::BlockItem* balancer = m_window->scene()->blockItem("lb");
    widgets::BlockItem* service = m_window->scene()->blockItem(QString::fromStdString(added));
    QVERIFY(balancer && service);
    Xdotool wire(dragGesture(globalOfScenePoint(view, balancer->outputPortPos()),
                             globalOfScenePoint(view, service->sceneBoundingRect().center())));
    QVERIFY2(wire.finish(), qPrintable(wire.errors()));
    QTRY_COMPARE_WITH_TIMEOUT(document->architecture().links.size(), linksBefore + 1, 5000);
    QVERIFY2(document->findLink({"lb", added}), "the new link is not lb -> the new service");

    // The live run takes the new block without starting over: the balancer
    // now sends it traffic, and simulated time went on from where it was.
    const double timeAtEdit = run().latestSnapshot()->simSeconds;
    QVERIFY2(waitForSnapshot(run(),
                             [&](const stats::Snapshot& s) {
                                 const auto* block = testing::blockOf(s, added);
                                 return block && block->arrivals > 0 && s.simSeconds > timeAtEdit;
                             }),
             qPrintable("the new service gets no traffic: " + testing::describeRun(run())));
    QVERIFY2(run().latestSnapshot()->simSeconds > timeAtEdit,
             qPrintable(QString("the run restarted at the edit: %1 s before, %2 s after")
                            .arg(timeAtEdit)
                            .arg(run().latestSnapshot()->simSeconds)));

    // Ctrl+Z twice, typed: the link goes, then the block; the run goes on.
    m_window->activateWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isActiveWindow(), 5000);
    view->setFocus();
    Xdotool undo({"key", "--delay", "100", "ctrl+z", "ctrl+z"});
    QVERIFY2(undo.finish(), qPrintable(undo.errors()));
    QTRY_COMPARE_WITH_TIMEOUT(document->architecture().blocks.size(), blocksBefore, 5000);
    QCOMPARE(document->architecture().links.size(), linksBefore);
    const double timeAtUndo = run().latestSnapshot()->simSeconds;
    QVERIFY2(waitForSnapshot(run(),
                             [&](const stats::Snapshot& s) {
                                 return !testing::blockOf(s, added) && s.simSeconds > timeAtUndo;
                             }),
             qPrintable("the removed block is still simulated: " + testing::describeRun(run())));
    QVERIFY2(run().latestSnapshot()->simSeconds > timeAtEdit, "the undo restarted the run");
    QCOMPARE(run().state(), widgets::RunController::State::Running);
}

void RealWindowTest::screenshots_at_common_sizes()
{
    // What a user sees, read back from the X server's framebuffer, for a
    // person to look at (build/<preset>/screenshots/); the test checks that
    // the canvas keeps a good share of the window at each size.
    const QString folder = QDir(SCALELAB_BINARY_DIR).filePath("screenshots");
    QDir().mkpath(folder);
    const qreal ratio = m_window->devicePixelRatio();
    // Thirty more seconds, then paused: every size shows the same moment.
    // The engine's clock counts whole nanoseconds: the run stops at the
    // target rounded to one, which may lie an ulp below the sum in seconds.
    const double target =
        sim::toSeconds(sim::fromSeconds((run().latestSnapshot() ? run().latestSnapshot()->simSeconds : 0) + 30));
    double shownSeconds = -1; // the moment the plots and the canvas last showed
    QObject::connect(m_window->run(), &app::RunDocks::viewsUpdated, m_window.get(),
                     [&](double seconds) { shownSeconds = seconds; });
    run().runTo(target);
    QVERIFY2(waitForSnapshot(run(), [&](const stats::Snapshot& s) { return s.simSeconds >= target; }),
             qPrintable(testing::describeRun(run())));
    // The views take a snapshot in turns (RunDocks staggers them): shoot once all have it.
    QTRY_VERIFY_WITH_TIMEOUT(shownSeconds >= target, 10000);
    for (const QSize size : {QSize(1280, 800), QSize(1366, 768), QSize(1920, 1080)}) {
        showAt(size);
        // Painted now, so the X server's framebuffer holds this snapshot's frame.
        m_window->repaint();
        const QPixmap shot = m_window->screen()->grabWindow(0, 0, 0, size.width(), size.height());
        const QString name = QString("%1/real-window-%2x%3@%4x.png")
                                 .arg(folder)
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(ratio);
        QVERIFY2(shot.save(name), qPrintable("cannot write " + name));
        const QSize canvas = m_window->view()->size();
        const double share = double(canvas.width() * canvas.height()) / (size.width() * size.height());
        QVERIFY2(share >= 0.35, qPrintable(QString("at %1x%2 the canvas has %3% of the window")
                                               .arg(size.width())
                                               .arg(size.height())
                                               .arg(100 * share, 0, 'f', 0)));
        qInfo("%s: canvas %dx%d (%.0f%% of the window)", qPrintable(name), canvas.width(), canvas.height(),
              100 * share);
    }
}

QTEST_MAIN(RealWindowTest)
#include "RealWindowTest.moc"
