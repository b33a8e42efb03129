// The live run through the real controller and worker thread, offscreen:
// snapshots arrive while the engine runs, a parameter edit reaches the
// running engine without a restart (and so do its undo and redo), an edit
// made while no engine exists is in the next one, the run-control state
// machine holds, structural edits (and their undo) go live without a
// restart, a design with transient errors keeps running its last valid
// version, an id or region change restarts, and a design with errors never
// starts.
// Timing comes from the engine's clock (runTo, step, snapshot times), never
// from sleeps: every wait is QSignalSpy::wait on a signal.
#include "WidgetTestSupport.h"
#include "commands/AddBlocksCommand.h"
#include "commands/AddLinkCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "commands/ChangeBlockRegionCommand.h"
#include "commands/ChangeParamCommand.h"
#include "commands/ChangeTextParamCommand.h"
#include "document/DesignDocument.h"
#include "model/Validator.h"
#include "run/RunController.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <variant>

using namespace scalelab;
using namespace scalelab::widgets;
using namespace scalelab::testing;

namespace {

// Users -> one service of `instances` x 4 workers, 10 ms exponential service:
// at 600 rps and 3 instances the service is 50% busy.
model::Architecture serviceDesign(int instances)
{
    model::Architecture a;
    a.name = "live";
    model::Block users = model::makeBlock("client", "users", "Users");
    users.params["rate_rps"] = 600;
    model::Block svc = model::makeBlock("service", "svc", "Service");
    svc.params["instances"] = instances;
    svc.params["workers"] = 4;
    svc.params["service_time_ms"] = 10;
    a.blocks = {users, svc};
    model::Link link = model::makeLink("users", "svc");
    link.params["latency_ms"] = 0;
    a.links = {link};
    return a;
}

int instancesOf(const stats::Snapshot& snapshot, const std::string& id)
{
    const stats::BlockSnapshot* block = blockOf(snapshot, id);
    return block ? block->instances : -1;
}

// The "Live edit refused: ..." notices among those `notices` caught.
QStringList refusals(const QSignalSpy& notices)
{
    QStringList found;
    for (const auto& arguments : notices)
        if (arguments.at(0).toString().contains("refused"))
            found << arguments.at(0).toString();
    return found;
}

// Mean utilisation of `id` over the windows ending in (from, to].
double meanUtilization(const stats::Snapshot& snapshot, const std::string& id, double from, double to)
{
    double sum = 0;
    int count = 0;
    for (const auto& window : blockOf(snapshot, id)->series)
        if (window.endSeconds > from && window.endSeconds <= to) {
            sum += window.utilization;
            ++count;
        }
    return count ? sum / count : -1;
}

} // namespace

class RunControllerTest : public QObject {
    Q_OBJECT
private slots:
    void snapshots_arrive_while_running();
    void live_edit_of_instances_halves_utilization();
    void document_reports_each_edit_once_including_undo();
    void undo_and_redo_of_a_live_edit_reach_the_engine();
    void text_and_link_edits_reach_the_engine();
    void edit_while_stopped_is_in_the_next_run();
    void edit_before_the_engine_is_built_is_kept();
    void region_change_while_running_restarts();
    void play_pause_step_reset_state_machine();
    void step_yields_exactly_one_more_window();
    void structural_edit_while_running_goes_live();
    void undo_of_a_structural_edit_is_live();
    void removing_a_block_live_ends_its_calls_as_removed();
    void transient_errors_keep_the_last_valid_design_running();
    void invalid_design_does_not_start();
};

void RunControllerTest::snapshots_arrive_while_running()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(10);
    run.play();
    QCOMPARE(run.state(), RunController::State::Running);
    QSignalSpy spy(&run, &RunController::snapshotReady);
    double last = -1;
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(spy.wait(10000), "no snapshot arrived while the simulation was running");
        const double now = spy.last().at(0).value<RunController::SnapshotPtr>()->simSeconds;
        QVERIFY2(now > last, "the simulated clock must advance from one snapshot to the next");
        last = now;
    }
}

void RunControllerTest::live_edit_of_instances_halves_utilization()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(100);
    QSignalSpy applied(&run, &RunController::editApplied);
    QSignalSpy cleared(&run, &RunController::cleared);
    run.play();
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 12; }),
             qPrintable("the run never reached 12 s: " + describeRun(run)));

    document.undoStack()->push(new ChangeParamCommand(&document, "svc", "instances", 6));
    QVERIFY2(applied.wait(10000), "the edit never reached the running engine");
    const double at = applied.first().at(0).toDouble();
    QVERIFY2(waitForSnapshot(run, [at](const stats::Snapshot& s) { return s.simSeconds >= at + 22; }),
             qPrintable(QString("the run never reached %1 s, 22 s after the edit: ").arg(at + 22) + describeRun(run)));
    QCOMPARE(cleared.count(), 0); // a parameter edit does not restart the run

    const stats::Snapshot& snapshot = *run.latestSnapshot();
    const double before = meanUtilization(snapshot, "svc", 1, at);
    const double after = meanUtilization(snapshot, "svc", at + 1, at + 21);
    QVERIFY2(before > 0.4 && before < 0.6, qPrintable(QString("utilisation before the edit: %1, expected about 0.5").arg(before)));
    QVERIFY2(after / before > 0.4 && after / before < 0.6,
             qPrintable(QString("6 instances instead of 3 should halve utilisation: %1 -> %2").arg(before).arg(after)));
    QCOMPARE(blockOf(snapshot, "svc")->instances, 6);
    QVERIFY2(snapshot.series.front().endSeconds < at, "the run must go on from before the edit, not restart");
}

void RunControllerTest::document_reports_each_edit_once_including_undo()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    QSignalSpy edits(&document, &DesignDocument::edited);
    auto instancesEdit = [&](int i) {
        const auto edit = edits.at(i).at(0).value<model::DesignEdit>();
        const auto* set = std::get_if<model::DesignEdit::SetBlockParam>(&edit.change);
        return set && set->blockId == "svc" && set->key == "instances" ? set->value : -1.0;
    };
    document.undoStack()->push(new ChangeParamCommand(&document, "svc", "instances", 5));
    document.undoStack()->undo();
    document.undoStack()->redo();
    QCOMPARE(edits.count(), 3);
    QCOMPARE(instancesEdit(0), 5.0);
    QCOMPARE(instancesEdit(1), 3.0);
    QCOMPARE(instancesEdit(2), 5.0);

    // Setting a value to itself changes nothing a run needs to hear about.
    document.undoStack()->push(new ChangeParamCommand(&document, "svc", "workers", 4));
    QCOMPARE(edits.count(), 3);

    document.undoStack()->push(new ChangeParamCommand(&document, LinkKey{"users", "svc"}, "latency_ms", 2));
    document.undoStack()->push(new ChangeTextParamCommand(&document, "users", "ramp_stages", "10s:100"));
    QCOMPARE(edits.count(), 5);
    const model::DesignEdit link{model::DesignEdit::SetLinkParam{"users", "svc", "latency_ms", 2}};
    const model::DesignEdit text{model::DesignEdit::SetBlockText{"users", "ramp_stages", "10s:100"}};
    QVERIFY2(edits.at(3).at(0).value<model::DesignEdit>() == link,
             qPrintable(QString::fromStdString("expected " + link.describe() + ", got "
                                               + edits.at(3).at(0).value<model::DesignEdit>().describe())));
    QVERIFY2(edits.at(4).at(0).value<model::DesignEdit>() == text,
             qPrintable(QString::fromStdString("expected " + text.describe() + ", got "
                                               + edits.at(4).at(0).value<model::DesignEdit>().describe())));
}

void RunControllerTest::undo_and_redo_of_a_live_edit_reach_the_engine()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(100);
    QSignalSpy applied(&run, &RunController::editApplied);
    QSignalSpy cleared(&run, &RunController::cleared);
    QSignalSpy notices(&run, &RunController::notice);
    run.play();
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 2; }));

    document.undoStack()->push(new ChangeParamCommand(&document, "svc", "instances", 5));
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return instancesOf(s, "svc") == 5; }),
             "the edit never showed in the running engine's snapshot");
    const double afterEdit = run.latestSnapshot()->simSeconds;

    document.undoStack()->undo();
    QVERIFY2(waitForSnapshot(run, [&](const stats::Snapshot& s) {
                 return instancesOf(s, "svc") == 3 && s.simSeconds > afterEdit;
             }),
             "the undo never showed in the running engine's snapshot");
    const double afterUndo = run.latestSnapshot()->simSeconds;

    document.undoStack()->redo();
    QVERIFY2(waitForSnapshot(run, [&](const stats::Snapshot& s) {
                 return instancesOf(s, "svc") == 5 && s.simSeconds > afterUndo;
             }),
             "the redo never showed in the running engine's snapshot");
    QTRY_COMPARE(applied.count(), 3);
    QCOMPARE(cleared.count(), 0); // live edits, not restarts
    QVERIFY2(run.latestSnapshot()->series.front().endSeconds < 2, "the run must go on from its start, not restart");
    QVERIFY2(refusals(notices).isEmpty(), qPrintable(refusals(notices).join("; ")));
}

void RunControllerTest::text_and_link_edits_reach_the_engine()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(100);
    QSignalSpy applied(&run, &RunController::editApplied);
    QSignalSpy cleared(&run, &RunController::cleared);
    QSignalSpy notices(&run, &RunController::notice);
    run.play();
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 1; }));

    document.undoStack()->push(new ChangeParamCommand(&document, LinkKey{"users", "svc"}, "latency_ms", 20));
    document.undoStack()->push(new ChangeTextParamCommand(&document, "users", "ramp_stages", "10s:300, 10s:600"));
    QTRY_VERIFY2(applied.count() == 2 || !refusals(notices).isEmpty(), "the edits never reached the running engine");
    QVERIFY2(refusals(notices).isEmpty(), qPrintable(refusals(notices).join("; ")));
    QCOMPARE(applied.count(), 2);
    // 20 ms each way on the only call: no request can now finish faster than 40 ms.
    const double at = applied.last().at(0).toDouble();
    QVERIFY(waitForSnapshot(run, [at](const stats::Snapshot& s) { return s.simSeconds >= at + 2; }));
    const auto& windows = run.latestSnapshot()->series;
    const auto after = std::find_if(windows.begin(), windows.end(), [at](const auto& w) { return w.endSeconds > at + 1; });
    QVERIFY2(after != windows.end() && after->p50Ms >= 40,
             qPrintable(QString("median latency in the first window after the link edit: %1 ms, expected at least 40")
                            .arg(after == windows.end() ? -1.0 : after->p50Ms)));
    QCOMPARE(cleared.count(), 0);
}

void RunControllerTest::edit_while_stopped_is_in_the_next_run()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(100);
    QSignalSpy applied(&run, &RunController::editApplied);

    document.undoStack()->push(new ChangeParamCommand(&document, "svc", "instances", 4));
    run.play();
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds > 0; }), "no snapshot");
    QCOMPARE(instancesOf(*run.latestSnapshot(), "svc"), 4);

    run.reset();
    document.undoStack()->push(new ChangeParamCommand(&document, "svc", "instances", 7));
    document.undoStack()->push(new ChangeParamCommand(&document, LinkKey{"users", "svc"}, "latency_ms", 1));
    run.play();
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds > 0; }), "no snapshot");
    QVERIFY2(instancesOf(*run.latestSnapshot(), "svc") == 7,
             qPrintable(QString("an edit made while stopped must be in the next run: %1 instances, expected 7")
                            .arg(instancesOf(*run.latestSnapshot(), "svc"))));
    QCOMPARE(applied.count(), 0); // nothing was sent live: the start handed the design over
}

void RunControllerTest::edit_before_the_engine_is_built_is_kept()
{
    // A seed change while paused hands the worker a design but builds its
    // engine only at the next step: an edit in between must not be lost.
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    QSignalSpy reached(&run, &RunController::targetReached);
    QSignalSpy notices(&run, &RunController::notice);
    run.step();
    QVERIFY(reached.wait(10000));
    run.setSeed(99);
    document.undoStack()->push(new ChangeParamCommand(&document, "svc", "instances", 6));
    run.step();
    QVERIFY(reached.wait(10000));
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds == 1; }));
    QVERIFY2(instancesOf(*run.latestSnapshot(), "svc") == 6,
             qPrintable(QString("the edit made before the engine was built is lost: %1 instances, expected 6")
                            .arg(instancesOf(*run.latestSnapshot(), "svc"))));
    QVERIFY2(refusals(notices).isEmpty(), qPrintable(refusals(notices).join("; ")));
}

void RunControllerTest::region_change_while_running_restarts()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(10);
    run.play();
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 1; }));
    QSignalSpy notices(&run, &RunController::notice);
    QSignalSpy cleared(&run, &RunController::cleared);
    document.undoStack()->push(new ChangeBlockRegionCommand(&document, "svc", "eu-west"));
    QVERIFY2(notices.wait(10000), "a region change must restart the run: routing is built at start");
    QVERIFY2(notices.first().at(0).toString().contains("restarted"), qPrintable(notices.first().at(0).toString()));
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(run.state(), RunController::State::Running);
}

void RunControllerTest::play_pause_step_reset_state_machine()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    QSignalSpy states(&run, &RunController::stateChanged);
    QSignalSpy cleared(&run, &RunController::cleared);
    QSignalSpy reached(&run, &RunController::targetReached);
    QCOMPARE(run.state(), RunController::State::Stopped);

    run.setSpeed(10);
    run.play();
    QCOMPARE(run.state(), RunController::State::Running);
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot&) { return true; }),
             qPrintable("no snapshot after play: " + describeRun(run)));
    run.pause();
    QCOMPARE(run.state(), RunController::State::Paused);
    run.togglePlay();
    QCOMPARE(run.state(), RunController::State::Running);
    run.togglePlay();
    QCOMPARE(run.state(), RunController::State::Paused);

    run.step(); // from Paused: one window, then paused
    QCOMPARE(run.state(), RunController::State::Paused);
    QVERIFY2(reached.wait(10000), qPrintable("a step never reached its target: " + describeRun(run)));
    QCOMPARE(run.state(), RunController::State::Paused);

    run.reset();
    QCOMPARE(run.state(), RunController::State::Stopped);
    QVERIFY2(cleared.count() >= 1, "reset did not emit cleared");
    QVERIFY2(!run.latestSnapshot(), "reset must drop the run's data");

    // Play after reset starts a new run from t = 0: its first step ends at 1 s.
    run.step();
    QVERIFY2(reached.wait(10000), qPrintable("a step after reset never reached its target: " + describeRun(run)));
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds == 1; }),
             qPrintable("the first step of a new run should end at 1 s: " + describeRun(run)));
    QCOMPARE(run.latestSnapshot()->series.size(), size_t(1));
    run.play();
    QCOMPARE(run.state(), RunController::State::Running);
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds > 1; }),
             qPrintable("play after a step did not go on past 1 s: " + describeRun(run)));
    QVERIFY2(states.count() >= 6, qPrintable(QString("%1 state changes, expected at least 6").arg(states.count())));
}

void RunControllerTest::step_yields_exactly_one_more_window()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    QSignalSpy reached(&run, &RunController::targetReached);
    run.setSpeed(100);
    run.play();
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 3; }),
             qPrintable("the run never reached 3 s: " + describeRun(run)));
    run.pause();
    run.step(); // runs to the end of the window in progress
    QVERIFY2(reached.wait(10000), qPrintable("the step never reached its target: " + describeRun(run)));
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds == std::floor(s.simSeconds); }),
             qPrintable("a step should end on a whole second: " + describeRun(run)));
    const auto first = run.latestSnapshot();
    QCOMPARE(first->series.size(), size_t(first->simSeconds));

    run.step();
    QVERIFY2(reached.wait(10000), qPrintable("the second step never reached its target: " + describeRun(run)));
    QVERIFY2(waitForSnapshot(run, [&](const stats::Snapshot& s) { return s.simSeconds > first->simSeconds; }),
             qPrintable(QString("the second step did not go past %1 s: ").arg(first->simSeconds) + describeRun(run)));
    const auto second = run.latestSnapshot();
    QCOMPARE(second->simSeconds, first->simSeconds + 1);
    QCOMPARE(second->series.size(), first->series.size() + 1);
    QCOMPARE(run.state(), RunController::State::Paused);
}

void RunControllerTest::structural_edit_while_running_goes_live()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(10);
    QSignalSpy applied(&run, &RunController::editApplied);
    run.play();
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 2; }),
             qPrintable("the run never reached 2 s: " + describeRun(run)));
    QSignalSpy notices(&run, &RunController::notice);
    QSignalSpy cleared(&run, &RunController::cleared);

    model::Block extra = model::makeBlock("service", "svc2", "Second service");
    model::Link link = model::makeLink("users", "svc2");
    document.undoStack()->push(new AddBlocksCommand(&document, {extra}, {link}, "Add"));
    QVERIFY2(applied.wait(10000), "adding a block while running never reached the engine");
    const double at = applied.last().at(0).toDouble();
    QVERIFY(at >= 2);
    QCOMPARE(applied.count(), 1); // the block and its link as one edit
    QCOMPARE(cleared.count(), 0); // live: no restart
    QVERIFY2(!notices.isEmpty() && notices.first().at(0).toString().contains("live"),
             qPrintable(notices.isEmpty() ? QString("no notice") : notices.first().at(0).toString()));
    QVERIFY2(notices.first().at(0).toString().contains("svc2 added"), qPrintable(notices.first().at(0).toString()));
    QCOMPARE(run.state(), RunController::State::Running);
    QVERIFY2(waitForSnapshot(run, [at](const stats::Snapshot& s) {
                 const stats::BlockSnapshot* added = blockOf(s, "svc2");
                 return added && added->arrivals > 0 && s.simSeconds >= at + 2;
             }),
             qPrintable("the added block svc2 never got traffic: " + describeRun(run)));
    const auto& snapshot = *run.latestSnapshot();
    // The run's history is kept: its windows still start at 1 s.
    QCOMPARE(snapshot.series.front().endSeconds, 1.0);
    QVERIFY(blockOf(snapshot, "svc2")->series.front().endSeconds > at);
    const auto design = std::find_if(snapshot.eventLog.begin(), snapshot.eventLog.end(), [](const auto& e) {
        return e.kind == stats::EventLogEntry::Kind::Design && e.text == "svc2 added";
    });
    QVERIFY2(design != snapshot.eventLog.end(), "the event log has no design entry for the added block");
    QCOMPARE(design->atS, at);
}

void RunControllerTest::undo_of_a_structural_edit_is_live()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(10);
    QSignalSpy applied(&run, &RunController::editApplied);
    QSignalSpy cleared(&run, &RunController::cleared);
    run.play();
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 1; }));
    document.undoStack()->push(new AddBlocksCommand(&document, {model::makeBlock("service", "svc2", "Second")},
                                                    {model::makeLink("users", "svc2")}, "Add"));
    QVERIFY(applied.wait(10000));
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return blockOf(s, "svc2") != nullptr; }));

    document.undoStack()->undo();
    QVERIFY2(applied.wait(10000), "the undo of the added block never reached the engine");
    const double undoneAt = applied.last().at(0).toDouble();
    QVERIFY2(waitForSnapshot(run, [undoneAt](const stats::Snapshot& s) {
                 return blockOf(s, "svc2") == nullptr && s.simSeconds > undoneAt;
             }),
             qPrintable("the block stayed in the run after its undo: " + describeRun(run)));
    document.undoStack()->redo();
    QVERIFY2(applied.wait(10000), "the redo never reached the engine");
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return blockOf(s, "svc2") != nullptr; }));
    QCOMPARE(cleared.count(), 0);
    QCOMPARE(run.latestSnapshot()->series.front().endSeconds, 1.0);
    QCOMPARE(run.state(), RunController::State::Running);
}

void RunControllerTest::removing_a_block_live_ends_its_calls_as_removed()
{
    // users -> svc -> db, with a slow database so calls are in flight in it.
    model::Architecture design = serviceDesign(3);
    design.findBlock("svc")->params["workers"] = 64;
    model::Block db = model::makeBlock("service", "db", "Database");
    db.params["workers"] = 200;
    db.params["service_time_ms"] = 100;
    design.blocks.push_back(db);
    design.links.push_back(model::makeLink("svc", "db"));
    DesignDocument document;
    document.reset(design);
    QVERIFY(!model::hasErrors(document.problems()));
    RunController run(&document);
    run.setSpeed(10);
    QSignalSpy applied(&run, &RunController::editApplied);
    QSignalSpy cleared(&run, &RunController::cleared);
    run.play();
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 2; }));
    document.undoStack()->push(new RemoveItemsCommand(&document, {"db"}, {LinkKey{"svc", "db"}}));
    QVERIFY2(applied.wait(10000), "removing the block never reached the engine");
    const double at = applied.last().at(0).toDouble();
    QVERIFY2(waitForSnapshot(run, [at](const stats::Snapshot& s) { return s.simSeconds >= at + 1; }),
             qPrintable(describeRun(run)));
    const auto& snapshot = *run.latestSnapshot();
    QVERIFY(blockOf(snapshot, "db") == nullptr);
    // About 600 rps x 100 ms = 60 calls were in the database.
    QVERIFY2(snapshot.errors[sim::Outcome::Removed] > 20,
             qPrintable(QString("%1 removed").arg(snapshot.errors[sim::Outcome::Removed])));
    QCOMPARE(cleared.count(), 0);
    QCOMPARE(run.state(), RunController::State::Running);
}

void RunControllerTest::transient_errors_keep_the_last_valid_design_running()
{
    DesignDocument document;
    document.reset(serviceDesign(3));
    RunController run(&document);
    run.setSpeed(10);
    QSignalSpy applied(&run, &RunController::editApplied);
    QSignalSpy cleared(&run, &RunController::cleared);
    QSignalSpy notices(&run, &RunController::notice);
    run.play();
    QVERIFY(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 1; }));

    // A second client that calls nothing yet: an error until it is wired.
    document.undoStack()->push(new AddBlocksCommand(&document, {model::makeBlock("client", "more", "More users")}, {}, "Add"));
    QVERIFY(model::hasErrors(document.problems()));
    QVERIFY2(notices.wait(10000), "no notice that the run goes on with the last valid design");
    QVERIFY2(notices.last().at(0).toString().contains("errors"), qPrintable(notices.last().at(0).toString()));
    const double heldAt = run.latestSnapshot()->simSeconds;
    QVERIFY2(waitForSnapshot(run, [heldAt](const stats::Snapshot& s) { return s.simSeconds >= heldAt + 1; }),
             qPrintable("the run stopped while the design had errors: " + describeRun(run)));
    QVERIFY(blockOf(*run.latestSnapshot(), "more") == nullptr);
    QCOMPARE(run.state(), RunController::State::Running);
    QCOMPARE(applied.count(), 0);
    // A value edit meanwhile waits with the rest.
    document.undoStack()->push(new ChangeParamCommand(&document, "more", "rate_rps", 50));

    document.undoStack()->push(new AddLinkCommand(&document, model::makeLink("more", "svc")));
    QVERIFY(!model::hasErrors(document.problems()));
    QVERIFY2(applied.wait(10000), "the design valid again never reached the engine");
    QCOMPARE(applied.count(), 1);
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) {
                 const stats::BlockSnapshot* more = blockOf(s, "more");
                 return more && more->arrivals > 0;
             }),
             qPrintable("the new client never sent: " + describeRun(run)));
    QCOMPARE(cleared.count(), 0);
    QCOMPARE(run.latestSnapshot()->series.front().endSeconds, 1.0);
}

void RunControllerTest::invalid_design_does_not_start()
{
    model::Architecture design;
    design.blocks = {model::makeBlock("client", "users", "Users")}; // a client that calls nothing
    DesignDocument document;
    document.reset(design);
    QVERIFY2(model::hasErrors(document.problems()), "a client that calls nothing should be an error");
    RunController run(&document);
    QSignalSpy refused(&run, &RunController::startRefused);
    QSignalSpy snapshots(&run, &RunController::snapshotReady);
    run.play();
    QCOMPARE(run.state(), RunController::State::Stopped);
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.first().at(0).toString().contains("error"), qPrintable(refused.first().at(0).toString()));
    run.step();
    QCOMPARE(run.state(), RunController::State::Stopped);
    QCoreApplication::processEvents();
    QCOMPARE(snapshots.count(), 0);
}

QTEST_MAIN(RunControllerTest)
#include "RunControllerTest.moc"
