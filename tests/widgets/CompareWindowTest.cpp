// Compare mode: two runs on one seed see the same traffic (A vs A gives
// identical snapshots; two designs sharing their client see the same
// requests), a trade-off card opens with both designs and its text, one
// fault reaches both runs, and the difference table fills from worker
// threads without blocking and stops on Cancel.
#include "WidgetTestSupport.h"

#include "compare/CompareFaultBar.h"
#include "compare/CompareOverlayPlot.h"
#include "compare/CompareRun.h"
#include "compare/CompareWindow.h"
#include "compare/DifferenceTable.h"
#include "compare/TradeoffCardBrowser.h"
#include "document/DesignDocument.h"
#include "model/MetricCatalog.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>

#include <qcustomplot.h>

using namespace scalelab;
using namespace scalelab::widgets;
using scalelab::testing::readExample;

namespace {

const QString kPush = "twitter-fanout-write.scalelab";
const QString kPull = "twitter-fanout-read.scalelab";

// Runs both sides of `window` to `seconds` of simulated time and waits
// until the views hold both runs' snapshots of that time; false when they
// do not get there.
bool runBothTo(CompareWindow& window, double seconds)
{
    QSignalSpy shown(&window, &CompareWindow::viewsUpdated);
    window.run()->setSpeed(RunController::kMaxSpeed);
    window.run()->runTo(seconds);
    const QDeadlineTimer deadline(120'000);
    while (shown.isEmpty() || shown.last().first().toDouble() < seconds - 1e-9)
        if (deadline.hasExpired() || !shown.wait(int(deadline.remainingTime())))
            return false;
    return true;
}

int rowOf(const QTableWidget& table, const QString& label)
{
    for (int row = 0; row < table.rowCount(); ++row)
        if (table.item(row, DifferenceTable::Figure)->text() == label)
            return row;
    return -1;
}

} // namespace

class CompareWindowTest : public QObject {
    Q_OBJECT
private slots:
    void a_versus_a_gives_identical_runs();
    void shared_clients_send_the_same_requests_to_both_designs();
    void opens_a_card_with_both_designs_and_its_text();
    void a_fault_picked_once_reaches_both_runs();
    void difference_table_fills_from_a_worker();
    void cancel_stops_the_comparison();
};

void CompareWindowTest::a_versus_a_gives_identical_runs()
{
    CompareWindow window;
    window.setDesigns(readExample(kPush), "A", readExample(kPush), "B");
    QVERIFY2(runBothTo(window, 8), "both runs should reach 8 s of simulated time");
    const auto a = window.run()->latest(CompareRun::A);
    const auto b = window.run()->latest(CompareRun::B);
    QVERIFY(a && b);
    QCOMPARE(a->simSeconds, b->simSeconds);
    QVERIFY2(a->requests > 1000, qPrintable(QString("too few requests to compare: %1").arg(a->requests)));
    QCOMPARE(b->requests, a->requests);
    QCOMPARE(b->completed, a->completed);
    QCOMPARE(b->latency.p95Ms, a->latency.p95Ms);
    QCOMPARE(b->series.size(), a->series.size());
    for (size_t i = 0; i < a->series.size(); ++i)
        QVERIFY2(a->series[i].p95Ms == b->series[i].p95Ms && a->series[i].throughputPerSecond == b->series[i].throughputPerSecond,
                 qPrintable(QString("window %1 differs between two runs of one design on one seed").arg(i)));
    // The overlay draws the two sides on top of each other.
    QApplication::processEvents();
    CompareOverlayPlot* latency = window.plots().front();
    QVERIFY2(latency->sampleCount() >= 7, qPrintable(QString("%1 rows plotted").arg(latency->sampleCount())));
    const auto solid = latency->graph(0)->data();
    const auto dashed = latency->graph(1)->data();
    QCOMPARE(dashed->size(), solid->size());
    for (int i = 0; i < solid->size(); ++i)
        QCOMPARE(dashed->at(i)->value, solid->at(i)->value);
    QCOMPARE(latency->graph(1)->pen().style(), Qt::DashLine);
    QCOMPARE(latency->graph(0)->pen().style(), Qt::SolidLine);
    QCOMPARE(latency->graph(1)->pen().color(), latency->graph(0)->pen().color());
}

void CompareWindowTest::shared_clients_send_the_same_requests_to_both_designs()
{
    // Push and pull differ in the timeline service only; the client "users"
    // is the same block in both, so on one seed both get the same requests.
    CompareWindow window;
    window.setDesigns(readExample(kPush), "push", readExample(kPull), "pull");
    QVERIFY2(runBothTo(window, 8), "both runs should reach 8 s of simulated time");
    const auto a = window.run()->latest(CompareRun::A);
    const auto b = window.run()->latest(CompareRun::B);
    QCOMPARE(b->requests, a->requests);
    QVERIFY2(b->latency.p95Ms > a->latency.p95Ms,
             qPrintable(QString("pull pays the merge on every read: p95 %1 ms (pull) vs %2 ms (push)")
                            .arg(b->latency.p95Ms)
                            .arg(a->latency.p95Ms)));
    // The live columns of the table show both runs' figures.
    QTableWidget* table = window.differenceTable()->table();
    const int p95 = rowOf(*table, "p95 latency");
    QVERIFY2(p95 >= 0, "the table should list p95 latency");
    QVERIFY(table->item(p95, DifferenceTable::LiveA)->text().endsWith("ms"));
    QVERIFY(table->item(p95, DifferenceTable::LiveB)->text() != table->item(p95, DifferenceTable::LiveA)->text());
}

void CompareWindowTest::opens_a_card_with_both_designs_and_its_text()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(testing::examplePath(kPush), dir.filePath("push.scalelab")));
    QVERIFY(QFile::copy(testing::examplePath(kPull), dir.filePath("pull.scalelab")));
    const QByteArray card = R"json({"format": "scalelab-tradeoff", "version": 1,
      "title": "Push vs pull fan-out", "topic": "Feeds", "tier": "intermediate",
      "question": "Copy each post to every follower's timeline, or gather at read time?",
      "a": {"design": "push.scalelab", "label": "Push (fan-out on write)"},
      "b": {"design": "pull.scalelab", "label": "Pull (fan-out on read)"},
      "look_for": "The dashed p95 line sits well above the solid one.",
      "choose_a_when": "Reads dominate.", "choose_b_when": "Celebrities post.",
      "run": {"warmup_s": 2, "duration_s": 10, "replications": 3},
      "claims": [{"metric": "p95_ms", "expect": "b_higher", "text": "Pull pays the gather."},
                 {"metric": "timeline.utilization", "expect": "b_higher", "text": "Merging costs CPU."}]})json";
    const QString cardPath = testing::writeFile(dir, "push-pull.tradeoff", card);

    CompareWindow window;
    QSignalSpy finished(&window, &CompareWindow::comparisonFinished);
    const QString error = window.openCard(cardPath);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(window.cardName(), QString("push-pull"));
    QCOMPARE(window.document(0)->architecture(), io::readScenario(dir.filePath("push.scalelab").toStdString()));
    QCOMPARE(window.document(1)->architecture(), io::readScenario(dir.filePath("pull.scalelab").toStdString()));
    const QString question = window.cardLabel()->text();
    QVERIFY2(!window.cardLabel()->isHidden(), "the card's question should be shown");
    QVERIFY2(question.contains("gather at read time") && question.contains("Push vs pull fan-out"),
             qPrintable("the card label should hold the title and the question, got: " + question));
    const QString notes = window.differenceTable()->notes()->toPlainText();
    QVERIFY2(!window.differenceTable()->notes()->isHidden(), "what to look for should be shown");
    QVERIFY2(notes.contains("dashed p95 line") && notes.contains("? Pull pays the gather.") &&
                 notes.contains("Celebrities post."),
             qPrintable("the notes should hold what to look for, the unchecked claims and when to choose B, got: " + notes));
    // The claims' figures join the table's rows.
    QTableWidget* table = window.differenceTable()->table();
    const QString utilisation =
        QString::fromStdString(model::metricLabel("timeline.utilization", window.document(0)->architecture()));
    QVERIFY2(rowOf(*table, utilisation) >= 0, qPrintable("the card's block figure should be a row: " + utilisation));

    // The card's comparison announces itself by the card's name.
    window.differenceTable()->runComparison();
    QVERIFY2(finished.wait(120'000), "the card's comparison should finish");
    QCOMPARE(finished.first().first().toString(), QString("push-pull"));
    const QString checked = window.differenceTable()->notes()->toPlainText();
    QVERIFY2(checked.contains("✔ Pull pays the gather.") && checked.contains("✔ Merging costs CPU."),
             qPrintable("both claims hold for push vs pull and should be ticked, got: " + checked));

    const QString bad = window.openCard(dir.filePath("missing.tradeoff"));
    QVERIFY2(bad.contains("missing.tradeoff"), qPrintable("the error should name the file, got: " + bad));
}

void CompareWindowTest::a_fault_picked_once_reaches_both_runs()
{
    CompareWindow window;
    window.setDesigns(readExample(kPush), "push", readExample(kPull), "pull");
    CompareFaultBar* faults = window.faultBar();
    QVERIFY(faults->setAction("error_rate"));
    QVERIFY2(faults->setTarget("timeline"), "the timeline service is in both designs: it should be offered");
    QVERIFY2(runBothTo(window, 3), "both runs should reach 3 s");
    QSignalSpy appliedA(window.run()->controller(CompareRun::A), &RunController::faultApplied);
    QSignalSpy appliedB(window.run()->controller(CompareRun::B), &RunController::faultApplied);
    faults->inject();
    QVERIFY2(appliedA.count() > 0 || appliedA.wait(30'000), "A should take the fault");
    QVERIFY2(appliedB.count() > 0 || appliedB.wait(30'000), "B should take the fault");
    QCOMPARE(appliedB.first().first().toString(), appliedA.first().first().toString());
    QVERIFY2(std::abs(appliedA.first().at(1).toDouble() - appliedB.first().at(1).toDouble()) < 1e-9,
             "paused at the same time, both runs should take the fault at the same simulated time");
    QVERIFY2(runBothTo(window, 6), "both runs should reach 6 s");
    for (auto side : {CompareRun::A, CompareRun::B}) {
        const auto snapshot = window.run()->latest(side);
        const stats::BlockSnapshot* timeline = testing::blockOf(*snapshot, "timeline");
        QVERIFY(timeline);
        QVERIFY2(timeline->errors.total() > 0,
                 qPrintable(QString("side %1: the injected errors should show at the timeline service").arg(side)));
    }
}

void CompareWindowTest::difference_table_fills_from_a_worker()
{
    DifferenceTable table;
    table.setDesigns(readExample(kPush), readExample(kPull));
    table.setPlan(2, 10, 3);
    QSignalSpy finished(&table, &DifferenceTable::comparisonFinished);
    table.runComparison();
    // runComparison returned at once: the runs are on worker threads.
    QVERIFY2(table.running(), "the comparison should run in the background");
    QVERIFY(table.cancelButton()->isEnabled());
    QVERIFY(!table.runButton()->isEnabled());
    QVERIFY2(finished.wait(120'000), qPrintable("the comparison did not finish: " + table.statusLabel()->text()));
    QCOMPARE(table.comparison().replications, 3);
    QVERIFY(!table.cancelButton()->isEnabled());
    const int p95 = rowOf(*table.table(), "p95 latency");
    QVERIFY(p95 >= 0);
    QTableWidgetItem* difference = table.table()->item(p95, DifferenceTable::Difference);
    QVERIFY2(difference->text().startsWith('+'), qPrintable("pull's p95 is higher: B - A > 0, got " + difference->text()));
    QVERIFY2(difference->font().bold(), "a significant difference should be highlighted");
    // Throughput: the same clients, the same requests; both serve them all.
    const int throughput = rowOf(*table.table(), "throughput");
    if (throughput >= 0) {
        const analysis::FigureDifference* figure = table.comparison().find("throughput_rps", "throughput_rps");
        QVERIFY(figure);
        QVERIFY2(!figure->significant() || std::abs(figure->difference.mean) < 0.01 * figure->a.mean,
                 "both designs serve the same offered load");
    }
}

void CompareWindowTest::cancel_stops_the_comparison()
{
    DifferenceTable table;
    table.setDesigns(readExample(kPush), readExample(kPull));
    table.setPlan(10, 3600, 20); // hours of work: only Cancel ends it in time
    QSignalSpy cancelled(&table, &DifferenceTable::comparisonCancelled);
    QSignalSpy finished(&table, &DifferenceTable::comparisonFinished);
    table.runComparison();
    QVERIFY(table.running());
    table.cancelButton()->click();
    QVERIFY2(cancelled.wait(120'000), qPrintable("Cancel did not stop the comparison: " + table.statusLabel()->text()));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(table.comparison().replications, 0);
    QVERIFY(!table.running());
    QVERIFY(table.runButton()->isEnabled());
}

QTEST_MAIN(CompareWindowTest)
#include "CompareWindowTest.moc"
