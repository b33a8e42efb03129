// The Faults dock: it offers only the targets the catalogue allows for each
// action, follows the design as blocks come, go and are renamed, prefers the
// canvas selection, refuses to inject without a run, and a fault injected
// through it reaches the running engine (the event log records it and the
// errors it causes show in the snapshot). Every wait is QSignalSpy::wait on
// a signal of the live run; nothing sleeps.
#include "WidgetTestSupport.h"
#include "commands/AddBlocksCommand.h"
#include "commands/ChangeBlockIdCommand.h"
#include "document/DesignDocument.h"
#include "faults/FaultsPanel.h"
#include "model/Validator.h"
#include "run/RunController.h"
#include "core/Outcome.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>

using namespace scalelab;
using namespace scalelab::widgets;
using namespace scalelab::testing;

namespace {

// users -> svc -> cache -> db, with svc and db in region "eu".
model::Architecture design()
{
    model::Architecture a;
    a.name = "faults";
    model::Block users = model::makeBlock("client", "users", "Users");
    users.params["rate_rps"] = 400;
    model::Block svc = model::makeBlock("service", "svc", "Service");
    svc.region = "eu";
    model::Block cache = model::makeBlock("cache", "cache", "Cache");
    model::Block db = model::makeBlock("database", "db", "Database");
    db.region = "eu";
    a.blocks = {users, svc, cache, db};
    a.links = {model::makeLink("users", "svc"), model::makeLink("svc", "cache"), model::makeLink("cache", "db")};
    return a;
}

QStringList targetIds(const FaultsPanel& panel)
{
    QStringList ids;
    for (const auto& target : panel.targets())
        ids << QString::fromStdString(target.region.empty() ? target.block + (target.to.empty() ? "" : ">" + target.to)
                                                            : target.region);
    return ids;
}

bool hasLogEntry(const stats::Snapshot& snapshot, stats::EventLogEntry::Kind kind, const std::string& block)
{
    return std::any_of(snapshot.eventLog.begin(), snapshot.eventLog.end(), [&](const stats::EventLogEntry& e) {
        return e.kind == kind && std::count(e.blocks.begin(), e.blocks.end(), block) > 0;
    });
}

uint64_t failedAt(const stats::Snapshot& snapshot, const std::string& id)
{
    const stats::BlockSnapshot* block = blockOf(snapshot, id);
    return block ? block->errors[sim::Outcome::Failed] : 0;
}

} // namespace

class FaultsPanelTest : public QObject {
    Q_OBJECT
private slots:
    void offers_only_applicable_targets();
    void follows_blocks_added_removed_and_renamed();
    void prefers_the_canvas_selection_when_it_fits();
    void value_row_follows_the_catalogue();
    void inject_is_refused_without_a_run();
    void injected_error_rate_reaches_the_engine_and_recovers();
    void lists_the_faults_scheduled_in_the_file();
};

void FaultsPanelTest::offers_only_applicable_targets()
{
    DesignDocument document;
    document.reset(design());
    QVERIFY2(!model::hasErrors(document.problems()), "the test design must be runnable");
    RunController run(&document);
    FaultsPanel panel(&document, &run);
    auto* targetBox = panel.findChild<QComboBox*>("faultTarget");

    QVERIFY(panel.setAction("flush"));
    QCOMPARE(targetIds(panel), QStringList({"cache"}));
    QCOMPARE(targetBox->count(), 1);
    QVERIFY(panel.setAction("crash"));
    QCOMPARE(targetIds(panel), QStringList({"svc", "db"}));
    QVERIFY(panel.setAction("error_rate")); // any block but a client
    QCOMPARE(targetIds(panel), QStringList({"svc", "cache", "db"}));
    QVERIFY(panel.setAction("cut_link"));
    QCOMPARE(targetIds(panel), QStringList({"users>svc", "svc>cache", "cache>db"}));
    QVERIFY(panel.setAction("lose_region"));
    QCOMPARE(targetIds(panel), QStringList({"eu"}));
    QCOMPARE(panel.targets().front().blocks, (std::vector<std::string>{"svc", "db"}));

    QVERIFY(panel.setAction("kill_primary")); // no replicated database here
    QVERIFY2(panel.targets().empty(), qPrintable("kill_primary offered targets: " + targetIds(panel).join(", ")));
    QCOMPARE(targetBox->count(), 0);
    QVERIFY2(panel.injectRefusal().contains("replicas"),
             qPrintable("the reason should name the kind that is missing, got: " + panel.injectRefusal()));
    QVERIFY2(!panel.findChild<QPushButton*>("injectFault")->isEnabled(), "Inject is enabled with no target");
    QVERIFY2(!panel.setAction("no_such_action"), "an action the catalogue lacks was accepted");
}

void FaultsPanelTest::follows_blocks_added_removed_and_renamed()
{
    DesignDocument document;
    document.reset(design());
    RunController run(&document);
    FaultsPanel panel(&document, &run);
    QVERIFY(panel.setAction("flush"));

    document.undoStack()->push(
        new AddBlocksCommand(&document, {model::makeBlock("cache", "cache2", "Second cache")}, {}, "add cache"));
    QCOMPARE(targetIds(panel), QStringList({"cache", "cache2"}));
    document.undoStack()->undo();
    QCOMPARE(targetIds(panel), QStringList({"cache"}));

    QVERIFY(panel.setAction("crash"));
    panel.setSelectedBlock("db");
    QCOMPARE(panel.currentFault().block, std::string("db"));
    document.undoStack()->push(new ChangeBlockIdCommand(&document, "db", "primary"));
    QCOMPARE(targetIds(panel), QStringList({"svc", "primary"}));
    QCOMPARE(panel.currentFault().block, std::string("primary")); // the choice survives the rename
}

void FaultsPanelTest::prefers_the_canvas_selection_when_it_fits()
{
    DesignDocument document;
    document.reset(design());
    RunController run(&document);
    FaultsPanel panel(&document, &run);
    QVERIFY(panel.setAction("crash"));
    QCOMPARE(panel.currentFault().block, std::string("svc"));
    panel.setSelectedBlock("db");
    QCOMPARE(panel.currentFault().block, std::string("db"));
    panel.setSelectedBlock("cache"); // a cache cannot crash: the target stays
    QCOMPARE(panel.currentFault().block, std::string("db"));
    QVERIFY(panel.setAction("flush")); // the selected cache is now the natural target
    QCOMPARE(panel.currentFault().block, std::string("cache"));
}

void FaultsPanelTest::value_row_follows_the_catalogue()
{
    DesignDocument document;
    document.reset(design());
    RunController run(&document);
    FaultsPanel panel(&document, &run);
    auto* value = panel.findChild<QDoubleSpinBox*>("faultValue");
    for (const auto& spec : model::faultSpecs()) {
        const QString action = QString::fromStdString(spec.action);
        QVERIFY2(panel.setAction(action), qPrintable("the panel does not offer the catalogue's action " + action));
        QCOMPARE(value->isVisibleTo(&panel), spec.hasValue);
        if (!spec.hasValue)
            continue;
        QCOMPARE(value->minimum(), spec.minValue);
        QCOMPARE(value->maximum(), spec.maxValue);
        QCOMPARE(value->value(), spec.defaultValue);
        QCOMPARE(panel.currentFault().value, spec.defaultValue);
    }
}

void FaultsPanelTest::inject_is_refused_without_a_run()
{
    DesignDocument document;
    document.reset(design());
    RunController run(&document);
    FaultsPanel panel(&document, &run);
    QVERIFY(panel.setAction("crash"));
    QVERIFY2(panel.injectRefusal().contains("Play"), qPrintable(panel.injectRefusal()));
    QVERIFY2(!panel.findChild<QPushButton*>("injectFault")->isEnabled(), "Inject is enabled without a run");
    QVERIFY2(!panel.findChild<QPushButton*>("recoverFault")->isEnabled(), "Recover is enabled without a run");

    // The controller says so too, for callers other than the panel.
    QSignalSpy refused(&run, &RunController::faultRefused);
    QSignalSpy notices(&run, &RunController::notice);
    run.injectFault(panel.currentFault());
    QCOMPARE(refused.count(), 1);
    QCOMPARE(notices.count(), 1);
    QCOMPARE(run.state(), RunController::State::Stopped);
}

void FaultsPanelTest::injected_error_rate_reaches_the_engine_and_recovers()
{
    DesignDocument document;
    document.reset(design());
    RunController run(&document);
    FaultsPanel panel(&document, &run);
    auto* inject = panel.findChild<QPushButton*>("injectFault");
    QSignalSpy applied(&run, &RunController::faultApplied);
    run.setSpeed(100);
    run.play();
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) { return s.simSeconds >= 2; }),
             qPrintable("the run never reached 2 s: " + describeRun(run)));
    const uint64_t failedBefore = failedAt(*run.latestSnapshot(), "svc");
    QVERIFY2(failedBefore == 0, qPrintable(QString("%1 calls failed at svc before any fault").arg(failedBefore)));

    QVERIFY(panel.setAction("error_rate"));
    panel.setSelectedBlock("svc");
    panel.findChild<QDoubleSpinBox*>("faultValue")->setValue(1);
    QVERIFY2(inject->isEnabled(), qPrintable(panel.injectRefusal()));
    inject->click();
    QVERIFY2(applied.wait(10000), "the fault never reached the engine");
    QVERIFY2(applied.first().at(0).toString().contains("svc"), qPrintable(applied.first().at(0).toString()));
    const double at = applied.first().at(1).toDouble();
    QVERIFY2(waitForSnapshot(run, [&](const stats::Snapshot& s) {
                 return s.simSeconds >= at + 2 && hasLogEntry(s, stats::EventLogEntry::Kind::Fault, "svc");
             }),
             qPrintable(QString("no fault on svc in the event log 2 s after %1 s: ").arg(at) + describeRun(run)));
    const uint64_t failed = failedAt(*run.latestSnapshot(), "svc");
    QVERIFY2(failed > 100, qPrintable(QString("error rate 1 at 400 rps for 2 s should fail hundreds of calls, got %1").arg(failed)));

    panel.findChild<QPushButton*>("recoverFault")->click();
    QVERIFY2(applied.wait(10000), "the recovery never reached the engine");
    QVERIFY2(waitForSnapshot(run, [](const stats::Snapshot& s) {
                 return hasLogEntry(s, stats::EventLogEntry::Kind::Recovery, "svc");
             }),
             qPrintable("no recovery of svc in the event log: " + describeRun(run)));
}

void FaultsPanelTest::lists_the_faults_scheduled_in_the_file()
{
    model::Architecture scheduled = design();
    model::Fault crash;
    crash.atS = 5;
    crash.action = "crash";
    crash.block = "svc";
    crash.value = 1;
    crash.durationS = 10;
    scheduled.faults = {crash};
    DesignDocument document;
    document.reset(scheduled);
    RunController run(&document);
    FaultsPanel panel(&document, &run);
    auto* list = panel.findChild<QTreeWidget*>("scheduledFaults");
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QString("5.0"));
    QCOMPARE(list->topLevelItem(0)->text(1), QString::fromStdString(model::describeFault(crash)));

    // Renaming the block carries the scheduled fault along, so the design stays valid.
    document.undoStack()->push(new ChangeBlockIdCommand(&document, "svc", "api"));
    QCOMPARE(document.architecture().faults.front().block, std::string("api"));
    QVERIFY2(list->topLevelItem(0)->text(1).contains("api"),
             qPrintable("the scheduled fault should name the new id api: " + list->topLevelItem(0)->text(1)));
    QVERIFY2(!model::hasErrors(document.problems()), "the renamed fault should still fit the design");
}

QTEST_MAIN(FaultsPanelTest)
#include "FaultsPanelTest.moc"
