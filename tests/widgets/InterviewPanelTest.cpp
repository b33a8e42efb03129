// Interview mode's panel: the countdown (driven by calling tick(), never by
// waiting), the checklist, live envelope sums and the report once a stress
// test result arrives.
#include "WidgetTestSupport.h"
#include "interview/EnvelopePanel.h"
#include "interview/InterviewClock.h"
#include "interview/InterviewPanel.h"
#include "interview/InterviewPhasePanel.h"
#include "interview/InterviewReportDialog.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextBrowser>
#include <QtTest>

#include <cmath>

using namespace scalelab;
using widgets::InterviewClock;

namespace {

model::Architecture urlShortener()
{
    return io::readScenario(testing::resourcePath("interviews/url-shortener.scalelab").toStdString());
}

QString lacks(const QString& report, const QString& words)
{
    return QString("the report lacks \"%1\"; it reads:\n%2").arg(words, report);
}

analysis::GradeResult sampleGrade(bool hiddenPasses)
{
    analysis::GradeResult result;
    analysis::GoalResult stated;
    stated.label = "p95 latency <= 100 ms";
    stated.metric = "p95_ms";
    stated.load = "stated";
    stated.mean = 42.5;
    stated.halfWidth = 3.25;
    stated.max = 100;
    stated.pass = true;
    analysis::GoalResult spike = stated;
    spike.load = "viral_link_3x";
    spike.hidden = true;
    spike.mean = 812;
    spike.halfWidth = 97;
    spike.pass = hiddenPasses;
    result.rows = {stated, spike};
    result.costPerMonth.mean = 1234;
    if (!hiddenPasses)
        result.hints.push_back({"viral_link_3x", true, "db", "URL table", "The database is saturated.",
                                "Cache-aside", "Put a cache in front of the URL table."});
    return result;
}

} // namespace

class InterviewPanelTest : public QObject {
    Q_OBJECT

private slots:
    void clock_counts_down_turns_amber_then_red()
    {
        InterviewClock clock;
        clock.reset(6);
        QCOMPARE(clock.remainingSeconds(), 360);
        QVERIFY(!clock.running());
        clock.start();
        QVERIFY(clock.running());
        for (int i = 0; i < 60; ++i)
            clock.tick();
        QCOMPARE(clock.remainingSeconds(), 300);
        QCOMPARE(clock.phase(), InterviewClock::Phase::Plenty); // exactly five minutes left: not yet amber
        clock.tick();
        QCOMPARE(clock.phase(), InterviewClock::Phase::Hurry);
        QCOMPARE(InterviewClock::format(clock.remainingSeconds()), QStringLiteral("4:59"));
        QSignalSpy timeUp(&clock, &InterviewClock::timeUp);
        for (int i = 0; i < 400; ++i)
            clock.tick(); // more ticks than seconds left: stops at zero
        QCOMPARE(clock.remainingSeconds(), 0);
        QCOMPARE(clock.usedSeconds(), 360);
        QCOMPARE(timeUp.count(), 1);
        QCOMPARE(clock.phase(), InterviewClock::Phase::TimeUp);
        QVERIFY(!clock.running());
    }

    void pause_and_resume()
    {
        InterviewClock clock;
        clock.reset(45);
        clock.start();
        clock.tick();
        clock.toggle();
        QVERIFY(!clock.running());
        clock.toggle();
        QVERIFY(clock.running());
        QCOMPARE(clock.usedSeconds(), 1);
    }

    void panel_shows_the_file_and_colours_the_clock()
    {
        widgets::InterviewPanel panel;
        QVERIFY2(!panel.startInterview(model::Architecture{}), "a design without an interview section started one");
        const auto design = urlShortener();
        QVERIFY2(panel.startInterview(design), "the url-shortener interview did not start");
        QCOMPARE(panel.clock()->allowedSeconds(), design.interview->minutes * 60);
        QCOMPARE(panel.requirements()->count(), int(design.interview->requirements.size()));
        auto* time = panel.findChild<QLabel*>("interviewTime");
        QCOMPARE(time->text(), QStringLiteral("%1:00").arg(design.interview->minutes));
        QVERIFY2(time->styleSheet().isEmpty(), qPrintable("a fresh clock is coloured: " + time->styleSheet()));
        while (panel.clock()->remainingSeconds() >= InterviewClock::kWarningSeconds)
            panel.clock()->tick();
        QVERIFY2(time->styleSheet().contains("#d98200"), qPrintable("not amber (#d98200): " + time->styleSheet()));
        while (panel.clock()->remainingSeconds() > 0)
            panel.clock()->tick();
        QVERIFY2(time->styleSheet().contains("#c62828"), qPrintable("not red (#c62828): " + time->styleSheet()));
        QCOMPARE(time->text(), QStringLiteral("0:00"));
    }

    void checklist_state_reaches_the_summary()
    {
        widgets::InterviewPanel panel;
        panel.startInterview(urlShortener());
        panel.requirements()->item(0)->setCheckState(Qt::Checked);
        panel.requirements()->item(2)->setCheckState(Qt::Checked);
        const auto summary = panel.summary();
        QCOMPARE(summary.ticked.size(), 2);
        QCOMPARE(summary.ticked.first(), panel.requirements()->item(0)->text());
        QCOMPARE(summary.unticked.size(), panel.requirements()->count() - 2);
        const QString report = panel.reportView()->toPlainText();
        QVERIFY2(report.contains("Requirements: 2 of"), qPrintable(lacks(report, "Requirements: 2 of")));
    }

    void envelope_recomputes_as_inputs_change()
    {
        widgets::InterviewPanel panel;
        panel.startInterview(urlShortener());
        widgets::EnvelopePanel* envelope = panel.envelope();
        QSignalSpy recomputed(envelope, &widgets::EnvelopePanel::recomputed);
        envelope->input("daily_users")->setValue(100e6);
        envelope->input("requests_per_user_per_day")->setValue(10);
        envelope->input("peak_factor")->setValue(1);
        QCOMPARE(recomputed.count(), 2); // the file already says 100M daily users: two inputs changed
        QVERIFY2(envelope->figures(), qPrintable("valid inputs gave no figures: " + envelope->errorText()));
        QVERIFY2(std::abs(envelope->figures()->averageRps - 1e9 / 86'400) < 1e-6,
                 qPrintable(QString("average %1 rps, expected 1e9 / 86,400")
                                .arg(envelope->figures()->averageRps, 0, 'f', 4)));
        QVERIFY2(envelope->workedText().contains("100,000,000 users × 10 requests ÷ 86,400 s = 11,574.07 rps"),
                 qPrintable("worked sums: " + envelope->workedText()));
        envelope->input("peak_factor")->setValue(3);
        QVERIFY2(std::abs(envelope->figures()->peakRps - 3e9 / 86'400) < 1e-6,
                 qPrintable(QString("peak %1 rps, expected 3e9 / 86,400")
                                .arg(envelope->figures()->peakRps, 0, 'f', 4)));
        // An input the sums cannot take is reported, not crashed on.
        envelope->input("daily_users")->setValue(0);
        QVERIFY2(!envelope->figures(), "0 daily users gave figures");
        QVERIFY2(envelope->errorText().contains("daily users"),
                 qPrintable("the error should name the input: " + envelope->errorText()));
    }

    void report_shows_stress_test_figures_and_reveals_the_hidden_load()
    {
        widgets::InterviewPanel panel;
        panel.startInterview(urlShortener());
        QVERIFY2(panel.reportView()->toPlainText().contains("Not run yet"),
                 qPrintable(lacks(panel.reportView()->toPlainText(), "Not run yet")));
        panel.setGradeResult(sampleGrade(false));
        QCOMPARE(panel.tabs()->currentWidget(), panel.reportView());
        const QString report = panel.reportView()->toPlainText();
        for (const char* words : {"42.5", "812", "viral_link_3x (hidden load, now revealed)", "FAIL",
                                  "Not yet: 1 of 2 checks failed", "Put a cache in front of the URL table."})
            QVERIFY2(report.contains(words), qPrintable(lacks(report, words)));
        QVERIFY2(report.contains("1,234") || report.contains("1234"), qPrintable(lacks(report, "1,234 (the cost)")));

        panel.setGradeResult(sampleGrade(true));
        const QString passed = panel.reportView()->toPlainText();
        QVERIFY2(passed.contains("Pass: the design meets every goal"),
                 qPrintable(lacks(passed, "Pass: the design meets every goal")));
    }

    void report_window_shows_every_row_without_scrolling()
    {
        widgets::InterviewPanel panel;
        panel.startInterview(urlShortener());
        for (int i = 0; i < panel.requirements()->count(); i += 2)
            panel.requirements()->item(i)->setCheckState(Qt::Checked);
        // A full stress test: four goals under the stated and the hidden load, and the allowed kinds.
        analysis::GradeResult result = sampleGrade(false);
        for (const char* metric : {"error_rate", "throughput_rps"})
            for (const auto& base : sampleGrade(false).rows) {
                analysis::GoalResult row = base;
                row.metric = metric;
                row.label = std::string(metric) + " goal";
                result.rows.push_back(row);
            }
        result.rows.push_back({"Only these block kinds: client, load_balancer, service, cache, database",
                               "allowed_kinds", "stated", false, 0, 0, {}, 0.0, true, {}});
        panel.setGradeResult(result);
        widgets::InterviewReportDialog* window = panel.reportWindow();
        QVERIFY2(window->isVisible(), "the report window should open when the stress test's grade arrives");
        window->fitTo(QSize(1600, 1000)); // the screen this must fit
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY2(window->width() <= 1600 && window->height() <= 1000,
                 qPrintable(QString("the window is %1 x %2, more than a 1600 x 1000 screen").arg(window->width()).arg(window->height())));
        const QString text = window->browser()->toPlainText();
        QCOMPARE(text.count("FAIL"), 3);
        // Failing rows first: the first FAIL comes before the first pass.
        const qsizetype table = text.indexOf("Measured");
        QVERIFY2(table >= 0 && text.lastIndexOf("FAIL") < text.indexOf("pass", table),
                 qPrintable("a passing row comes before a failing one:\n" + text));
        QVERIFY2(window->browser()->verticalScrollBar()->maximum() == 0,
                 qPrintable(QString("the report scrolls (%1 px): some of it is below the fold").arg(window->browser()->verticalScrollBar()->maximum())));
        if (const QByteArray shot = qgetenv("SCALELAB_SHOT_DIR"); !shot.isEmpty())
            window->grab().save(QString::fromLocal8Bit(shot) + "/interview-report.png");
    }

    void stress_test_grades_the_design_on_a_worker_thread()
    {
        widgets::InterviewPanel panel;
        model::Architecture design = urlShortener();
        // A short challenge so that the test takes a moment, not minutes.
        design.challenge->durationS = 5;
        design.challenge->warmupS = 1;
        design.challenge->replications = 2;
        panel.setDesignSource([design] { return design; });
        panel.startInterview(design);
        QSignalSpy finished(&panel, &widgets::InterviewPanel::stressTestFinished);
        panel.runStressTest();
        QVERIFY2(panel.stressTestRunning(), "runStressTest() should return while the grade runs");
        QVERIFY2(!panel.stressTestButton()->isEnabled(), "the Stress test button stays enabled while one runs");
        QVERIFY2(finished.wait(60'000), "the stress test did not finish in a minute");
        QVERIFY2(panel.stressTestButton()->isEnabled(), "the Stress test button stays disabled after the run");
        // The deep dive: the result waits for the candidate's answer.
        QVERIFY2(!panel.summary().grade, "the result shows before the deep-dive answer");
        QTest::mouseClick(panel.phasePanel()->revealButton(), Qt::LeftButton);
        const auto summary = panel.summary();
        QVERIFY2(summary.grade, "the stress test produced a grade");
        QVERIFY2(!summary.grade->rows.empty(), "the grade has no goal rows");
        bool hiddenRow = false;
        for (const auto& row : summary.grade->rows)
            hiddenRow = hiddenRow || row.hidden;
        QVERIFY2(hiddenRow, "the grade has no row for the hidden load");
        QVERIFY2(panel.reportView()->toPlainText().contains("(hidden load, now revealed)"),
                 qPrintable(lacks(panel.reportView()->toPlainText(), "(hidden load, now revealed)")));
    }
};

QTEST_MAIN(InterviewPanelTest)
#include "InterviewPanelTest.moc"
