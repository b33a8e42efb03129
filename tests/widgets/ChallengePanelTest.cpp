// The Challenge dock's panel: it lists the goals of the open design's
// challenge with a note on the hidden loads, grades on a worker thread (the
// event loop keeps running meanwhile) and fills the results window (failing
// goals first, every row visible without scrolling), score and "Next:" line
// when the grade arrives.
#include "challenge/ChallengePanel.h"
#include "challenge/ChallengeResultsDialog.h"
#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace scalelab;

namespace {

// One service at 300 rps (utilisation 0.6 with 5 ms on one worker); the
// hidden load doubles it past capacity, so the latency goal fails there.
const char* kDesign = R"({"format": "scalelab", "version": 1, "name": "panel",
  "blocks": [{"id": "users", "kind": "client", "params": {"rate_rps": 100, "timeout_ms": 1000}},
             {"id": "app", "kind": "service", "params": {"instances": 1, "workers": 1, "service_time_ms": 2}}],
  "links": [{"from": "users", "to": "app"}],
  "challenge": {"title": "Panel", "brief": "Keep it fast.", "level": 2, "duration_s": 10, "warmup_s": 2,
    "replications": 2, "traffic": {"users.rate_rps": 300}, "allowed_kinds": ["client", "service"],
    "goals": [{"metric": "p95_ms", "max": 100}, {"metric": "cost_per_month", "max": 500, "loads": ["stated"]}],
    "loads": [{"name": "surge", "hidden": true, "set": {"users.rate_rps": 900}}]}})";

} // namespace

class ChallengePanelTest : public QObject {
    Q_OBJECT

private slots:
    void lists_the_goals_and_the_hidden_loads()
    {
        widgets::DesignDocument document;
        widgets::ChallengePanel panel(&document);
        QVERIFY2(!panel.hasChallenge(), "an empty design has a challenge");
        QSignalSpy changed(&panel, &widgets::ChallengePanel::challengeChanged);
        document.reset(io::parseScenario(kDesign, "panel.scalelab"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.front().front().toBool(), true);
        QCOMPARE(panel.goalList()->count(), 3); // two goals and the allowed kinds
        QVERIFY2(panel.goalList()->item(0)->text().contains("p95 latency <= 100 ms"),
                 qPrintable("first goal: " + panel.goalList()->item(0)->text()));
        bool hiddenNoted = false;
        for (QLabel* label : panel.findChildren<QLabel*>())
            hiddenNoted = hiddenNoted || label->text().contains("+ 1 hidden load");
        QVERIFY2(hiddenNoted, "no label notes the hidden load (\"+ 1 hidden load\")");
        // The hidden load is not named before grading.
        for (QLabel* label : panel.findChildren<QLabel*>())
            QVERIFY2(!label->text().contains("surge"),
                     qPrintable("a label names the hidden load before grading: " + label->text()));
    }

    void submit_stays_in_view_and_text_wraps_in_a_laptops_column()
    {
        widgets::DesignDocument document;
        widgets::ChallengePanel panel(&document);
        document.reset(io::parseScenario(kDesign, "panel.scalelab"));
        panel.resize(300, 260); // shorter than its text: the text scrolls
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QPushButton* submit = nullptr;
        for (QPushButton* button : panel.findChildren<QPushButton*>())
            if (button->text().startsWith("Submit"))
                submit = button;
        QVERIFY(submit && submit->isVisible());
        const QRect inPanel(submit->mapTo(&panel, QPoint(0, 0)), submit->size());
        QVERIFY2(panel.rect().contains(inPanel), "Submit is outside the panel: it scrolled away");
        auto* scroll = panel.findChild<QScrollArea*>();
        QVERIFY(scroll);
        QVERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
                 qPrintable(QString("text %1 px wide in a %2 px column").arg(scroll->widget()->width()).arg(scroll->viewport()->width())));
    }

    void a_finished_grade_fills_the_table()
    {
        widgets::DesignDocument document;
        widgets::ChallengePanel panel(&document);
        document.reset(io::parseScenario(kDesign, "panel.scalelab"));
        QSignalSpy graded(&panel, &widgets::ChallengePanel::graded);
        panel.submit();
        QVERIFY2(panel.isGrading(), "submit() should return while the grade runs");
        QVERIFY2(graded.wait(60'000), "no grade within a minute");
        QVERIFY2(!panel.isGrading(), "still grading after graded was emitted");
        QTableWidget* table = panel.resultTable();
        using Dialog = widgets::ChallengeResultsDialog;
        // p95 under both loads, the cost at the stated one, the allowed kinds.
        QCOMPARE(table->rowCount(), 4);
        QStringList loads, verdicts;
        for (int row = 0; row < table->rowCount(); ++row) {
            loads << table->item(row, Dialog::LoadColumn)->text();
            verdicts << table->item(row, Dialog::ResultColumn)->text();
        }
        QVERIFY2(loads.contains("surge (hidden)"), qPrintable(loads.join(", ")));
        QCOMPARE(verdicts.filter("FAIL").size(), 1);
        // The failing goal comes first, whatever its place in the challenge.
        QVERIFY2(verdicts.front().contains("FAIL") && loads.front() == "surge (hidden)",
                 qPrintable("the first row should be the failing one: " + verdicts.join(", ") + " / " + loads.join(", ")));
        for (int row = 0; row < table->rowCount(); ++row)
            for (int column : {int(Dialog::MeasuredColumn), int(Dialog::IntervalColumn), int(Dialog::TargetColumn)})
                QVERIFY2(!table->item(row, column)->text().isEmpty(),
                         qPrintable(QString("row %1 has no %2").arg(row).arg(table->horizontalHeaderItem(column)->text())));
        QVERIFY2(panel.scoreText().contains("75%"),
                 qPrintable("three of four checks pass, the score says: " + panel.scoreText()));
        QVERIFY2(panel.nextText().startsWith("Next: 1 goal failed under the hidden load \"surge\""),
                 qPrintable(panel.nextText()));
        QVERIFY2(panel.resultsDialog()->isVisible(), "the results window should open when the grade arrives");
    }

    void results_window_shows_every_row_without_scrolling()
    {
        widgets::DesignDocument document;
        widgets::ChallengePanel panel(&document);
        document.reset(io::parseScenario(kDesign, "panel.scalelab"));
        // A grade with many rows: eight goals under three loads.
        analysis::GradeResult result;
        for (int goal = 0; goal < 8; ++goal)
            for (const char* load : {"stated", "spike", "flush"}) {
                analysis::GoalResult row;
                row.label = "Goal number " + std::to_string(goal) + " with a fairly long label";
                row.metric = "p95_ms";
                row.load = load;
                row.mean = 100 + goal;
                row.halfWidth = 4;
                row.max = 150;
                row.pass = goal % 3 != 0;
                result.rows.push_back(row);
            }
        widgets::ChallengeResultsDialog dialog;
        dialog.setResult("Many goals", result);
        dialog.fitTo(QSize(1600, 1000)); // the screen this must fit
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.width() <= 1600 && dialog.height() <= 1000,
                 qPrintable(QString("the window is %1 x %2, more than a 1600 x 1000 screen").arg(dialog.width()).arg(dialog.height())));
        QTableWidget* table = dialog.table();
        QCOMPARE(table->rowCount(), 24);
        QVERIFY2(table->verticalScrollBar()->maximum() == 0,
                 qPrintable(QString("the table scrolls (to %1 px): not every row is in view").arg(table->verticalScrollBar()->maximum())));
        QVERIFY2(table->horizontalScrollBar()->maximum() == 0, "the table scrolls sideways");
        for (int row = 0; row < 9; ++row) // goals 0, 3 and 6 fail under each load: nine rows first
            QVERIFY2(table->item(row, widgets::ChallengeResultsDialog::ResultColumn)->text().contains("FAIL"),
                     qPrintable(QString("row %1 should be a failing one").arg(row)));
        if (const QByteArray shot = qgetenv("SCALELAB_SHOT_DIR"); !shot.isEmpty())
            dialog.grab().save(QString::fromLocal8Bit(shot) + "/challenge-results.png");
    }

    void cancel_leaves_no_result()
    {
        widgets::DesignDocument document;
        widgets::ChallengePanel panel(&document);
        model::Architecture design = io::parseScenario(kDesign, "panel.scalelab");
        design.challenge->durationS = 600; // long enough to still be running when cancelled
        document.reset(design);
        QSignalSpy failed(&panel, &widgets::ChallengePanel::gradeFailed);
        QSignalSpy graded(&panel, &widgets::ChallengePanel::graded);
        panel.submit();
        panel.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isGrading(), 30'000);
        QCOMPARE(graded.count(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(panel.resultTable()->rowCount(), 0);
    }
};

QTEST_MAIN(ChallengePanelTest)
#include "ChallengePanelTest.moc"
