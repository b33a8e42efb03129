// The Interview dock's phased interview, driven as a candidate would: the
// phases advance and their clocks colour (time driven by calling the
// clock's tick(), never by waiting), notes typed are edits of the design that
// the saved file keeps and Ctrl+Z takes back, the requirement change fires
// at its minute and adds its load to the challenge, hints come one at a time
// and are recorded, and the deep dive holds the result back until the
// candidate has named the failed block.
#include "WidgetTestSupport.h"
#include "challenge/ChallengeRubric.h"
#include "interview/RubricRunner.h"
#include "document/DesignDocument.h"
#include "interview/InterviewClock.h"
#include "interview/InterviewPanel.h"
#include "interview/InterviewPhasePanel.h"
#include "interview/InterviewPhases.h"
#include "io/ScenarioFile.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoStack>
#include <QtTest>

using namespace scalelab;
using widgets::InterviewPhases;

namespace {

constexpr int kChangeMinute = 7;

// The URL shortener with a full practice problem: requirements, three
// hints, a guide and a change of requirements at minute 7.
model::Architecture practiceProblem()
{
    model::Architecture design =
        io::readScenario(testing::resourcePath("interviews/url-shortener.scalelab").toStdString());
    model::Interview& interview = *design.interview;
    interview.functional = {"Shorten a long URL into a 7-character code", "Redirect a code to its URL"};
    interview.nonFunctional = {"p95 redirect under 100 ms"};
    interview.scale = {1e8, 1e5, 0.99, 1800};
    interview.constraints = {"Codes never collide"};
    interview.budgetPerMonth = 1500;
    interview.hints = {"Where do most requests end up?", "Cache-aside", "Put a cache in front of the URL table."};
    interview.guide.estimation = "100M users x 30 = 3B redirects a day, about 35K/s on average, 100K/s at peak.";
    interview.guide.api = "GET /{code} -> 301 Location";
    model::RequirementChange change;
    change.atMinute = kChangeMinute;
    change.announcement = "A celebrity shares a link: traffic is now ten times the stated peak.";
    change.load.name = "celebrity_10x";
    change.load.set = {{"users.rate_rps", 10000}};
    interview.changes = {change};
    return design;
}

struct Dock {
    widgets::DesignDocument document;
    widgets::InterviewPanel panel;

    Dock()
    {
        document.reset(practiceProblem());
        panel.setDocument(&document);
        panel.startInterview(document.architecture());
        panel.resize(480, 900);
        panel.show();
    }
    void tick(int seconds)
    {
        for (; seconds > 0; --seconds)
            panel.clock()->tick();
    }
    bool hasLoad(const std::string& name) const
    {
        for (const auto& load : document.architecture().challenge->loads)
            if (load.name == name)
                return true;
        return false;
    }
};

QString said(const QString& what, const QString& text) { return QString("%1; it reads:\n%2").arg(what, text); }

} // namespace

class InterviewPhasesTest : public QObject {
    Q_OBJECT

private slots:
    void phase_clock_turns_amber_at_80_percent_and_red_when_over()
    {
        Dock dock;
        QVERIFY(QTest::qWaitForWindowExposed(&dock.panel));
        QCOMPARE(dock.panel.phases()->current(), 0);
        const int target = InterviewPhases::targetSeconds(0);
        QCOMPARE(target, 5 * 60);
        const int amberAt = int(std::ceil(0.8 * target));
        dock.tick(amberAt - 1);
        QVERIFY2(dock.panel.phaseTime()->styleSheet().isEmpty(), qPrintable(dock.panel.phaseTime()->styleSheet()));
        dock.tick(1);
        QVERIFY2(dock.panel.phaseTime()->styleSheet().contains("#d98200"), qPrintable(dock.panel.phaseTime()->styleSheet()));
        dock.tick(target - amberAt); // exactly on target: still amber
        QCOMPARE(dock.panel.phases()->status(0), InterviewPhases::Status::Hurry);
        dock.tick(1);
        QVERIFY2(dock.panel.phaseTime()->styleSheet().contains("#c62828"), qPrintable(dock.panel.phaseTime()->styleSheet()));
        QVERIFY2(dock.panel.phaseTime()->text().contains("5:01"), qPrintable(dock.panel.phaseTime()->text()));

        // The next phase starts its own clock from zero; the total keeps running.
        QTest::mouseClick(dock.panel.findChild<QPushButton*>("nextPhase"), Qt::LeftButton);
        QCOMPARE(dock.panel.phases()->current(), 1);
        QVERIFY2(dock.panel.phaseTime()->text().contains("0:00 / 5:00"), qPrintable(dock.panel.phaseTime()->text()));
        const QString heading = dock.panel.findChild<QLabel*>("phaseHeading")->text();
        QVERIFY2(heading.contains("Phase 2 of 6") && heading.contains("Estimation"), qPrintable(heading));
        QVERIFY(dock.panel.phaseTime()->styleSheet().isEmpty());
        dock.tick(30);
        QCOMPARE(dock.panel.phases()->secondsIn(0), target + 1);
        QCOMPARE(dock.panel.phases()->secondsIn(1), 30);
        QCOMPARE(dock.panel.clock()->usedSeconds(), target + 31);

        const auto summary = dock.panel.summary();
        QCOMPARE(int(summary.phases.size()), model::kInterviewPhaseCount);
        QCOMPARE(summary.phases[0].seconds, target + 1);
        QCOMPARE(summary.phases[4].targetSeconds, 15 * 60);
    }

    void requirements_phase_shows_the_problem_and_the_guide_shows_only_when_the_phase_is_done()
    {
        Dock dock;
        const QString requirements = dock.panel.phasePanel()->brief()->toPlainText();
        for (const QString& words : {QString("Redirect a code to its URL"), QString("p95 redirect under 100 ms"),
                                     QString("Codes never collide"), QString("1,500"), QString("Budget")})
            QVERIFY2(requirements.contains(words), qPrintable(said("the requirements phase lacks " + words, requirements)));

        const QString guide = "3B redirects a day";
        dock.panel.phases()->next(); // estimation
        QVERIFY2(!dock.panel.phasePanel()->brief()->toPlainText().contains(guide),
                 "the model estimate shows before the candidate has made one");
        dock.panel.phases()->next();     // API
        dock.panel.phases()->previous(); // back to the finished estimation
        QVERIFY2(dock.panel.phasePanel()->brief()->toPlainText().contains(guide),
                 qPrintable(said("the finished estimation phase lacks its model answer", dock.panel.phasePanel()->brief()->toPlainText())));
    }

    void notes_typed_are_saved_in_the_file_and_undo_restores_them()
    {
        Dock dock;
        QPlainTextEdit* notes = dock.panel.phasePanel()->notes(0);
        notes->setFocus();
        QTest::keyClicks(notes, "read heavy");
        QCOMPARE(dock.document.architecture().interview->phaseNotes[0], std::string("read heavy"));
        QCOMPARE(dock.document.undoStack()->count(), 1); // the keystrokes merged into one step

        QTemporaryDir dir;
        const QString path = dir.filePath("notes.scalelab");
        io::writeScenario(dock.document.architecture(), path.toStdString());
        const model::Architecture saved = io::readScenario(path.toStdString());
        QCOMPARE(saved.interview->phaseNotes[0], std::string("read heavy"));
        QVERIFY(saved.interview->phaseNotes[1].empty());

        // Another phase's notes are a step of their own.
        dock.panel.phases()->next();
        QTest::keyClicks(dock.panel.phasePanel()->notes(1), "35K/s");
        QCOMPARE(dock.document.undoStack()->count(), 2);

        dock.document.undoStack()->undo();
        QVERIFY(dock.document.architecture().interview->phaseNotes[1].empty());
        QVERIFY(dock.panel.phasePanel()->notes(1)->toPlainText().isEmpty());
        dock.document.undoStack()->undo();
        QVERIFY(dock.document.architecture().interview->phaseNotes[0].empty());
        QVERIFY2(dock.panel.phasePanel()->notes(0)->toPlainText().isEmpty(), "the notes box still shows the undone text");
        dock.document.undoStack()->redo();
        QCOMPARE(dock.panel.phasePanel()->notes(0)->toPlainText(), QString("read heavy"));
    }

    void requirement_change_fires_at_its_minute_and_adds_its_load()
    {
        Dock dock;
        QSignalSpy announced(&dock.panel, &widgets::InterviewPanel::announced);
        const size_t loadsBefore = dock.document.architecture().challenge->loads.size();
        dock.tick(kChangeMinute * 60 - 1);
        QVERIFY(dock.panel.banner()->isHidden());
        QVERIFY(!dock.hasLoad("celebrity_10x"));
        QCOMPARE(announced.count(), 0);

        dock.tick(1);
        QVERIFY2(!dock.panel.banner()->isHidden(), "no banner at the change's minute");
        QVERIFY2(dock.panel.banner()->text().contains("ten times the stated peak"), qPrintable(dock.panel.banner()->text()));
        QCOMPARE(announced.count(), 1);
        QVERIFY2(dock.hasLoad("celebrity_10x"), "the change's load is not in the challenge");
        QCOMPARE(dock.document.architecture().challenge->loads.size(), loadsBefore + 1);
        QCOMPARE(dock.document.architecture().challenge->loads.back().set.at("users.rate_rps"), 10000.0);

        dock.tick(120); // announced once
        QCOMPARE(announced.count(), 1);
        QCOMPARE(dock.document.architecture().challenge->loads.size(), loadsBefore + 1);
        const auto summary = dock.panel.summary();
        QCOMPARE(int(summary.changes.size()), 1);
        QCOMPARE(summary.changes[0].atSeconds, kChangeMinute * 60);

        // The saved file keeps the load; undo takes it back.
        const model::Architecture saved = io::parseScenario(io::serializeScenario(dock.document.architecture()), "saved");
        QCOMPARE(saved.challenge->loads.size(), loadsBefore + 1);
        dock.document.undoStack()->undo();
        QVERIFY(!dock.hasLoad("celebrity_10x"));
    }

    void hints_come_one_at_a_time_and_are_recorded()
    {
        Dock dock;
        const auto& hints = dock.document.architecture().interview->hints;
        QPushButton* hint = dock.panel.hintButton();
        dock.tick(90);
        QTest::mouseClick(hint, Qt::LeftButton);
        QVERIFY2(dock.panel.hintText()->text().contains(QString::fromStdString(hints[0])), qPrintable(dock.panel.hintText()->text()));
        for (size_t later = 1; later < hints.size(); ++later)
            QVERIFY2(!dock.panel.hintText()->text().contains(QString::fromStdString(hints[later])),
                     "the first hint gives away a later one");
        QCOMPARE(int(dock.panel.summary().hints.size()), 1);
        QCOMPARE(dock.panel.summary().hints[0].atSeconds, 90);

        dock.tick(60);
        QTest::mouseClick(hint, Qt::LeftButton);
        QVERIFY(dock.panel.hintText()->text().contains("Cache-aside"));
        QTest::mouseClick(hint, Qt::LeftButton);
        QVERIFY(dock.panel.hintText()->text().contains("Put a cache in front"));
        // No run yet: the Advisor has nothing to read, and nothing is recorded.
        QTest::mouseClick(hint, Qt::LeftButton);
        const auto summary = dock.panel.summary();
        QCOMPARE(int(summary.hints.size()), 3);
        QCOMPARE(summary.hints[1].atSeconds, 150);
        QVERIFY2(dock.panel.reportView()->toPlainText().contains("Hints used: 3"),
                 qPrintable(said("the report does not count the hints", dock.panel.reportView()->toPlainText())));
    }

    void deep_dive_holds_the_result_until_the_candidate_answers()
    {
        Dock dock;
        model::Architecture design = dock.document.architecture();
        design.challenge->durationS = 5; // a moment, not minutes
        design.challenge->warmupS = 1;
        design.challenge->replications = 2;
        dock.document.reset(design);
        dock.panel.startInterview(dock.document.architecture());
        QSignalSpy finished(&dock.panel, &widgets::InterviewPanel::stressTestFinished);
        dock.panel.runStressTest();
        QCOMPARE(dock.panel.phases()->currentPhase(), model::InterviewPhase::DeepDive);
        QVERIFY2(finished.wait(60'000), "the stress test did not finish in a minute");
        QVERIFY2(!dock.panel.summary().grade, "the result shows before the candidate has answered");
        auto* phase = dock.panel.phasePanel();
        QVERIFY(phase->revealButton()->isEnabled());
        phase->failedBlock()->setCurrentText("db");
        QTest::keyClicks(phase->why(), "every redirect reads the URL table");
        QTest::mouseClick(phase->revealButton(), Qt::LeftButton);
        const auto summary = dock.panel.summary();
        QVERIFY2(summary.grade, "no result after the answer");
        QVERIFY(summary.deepDive);
        QCOMPARE(summary.deepDive->why, QString("every redirect reads the URL table"));
        const QString report = dock.panel.reportView()->toPlainText();
        QVERIFY2(report.contains("Your answer") && report.contains("What the run found")
                     && report.contains("every redirect reads the URL table"),
                 qPrintable(said("the report lacks the deep dive", report)));
        QVERIFY(!phase->revealButton()->isEnabled());

        // The rubric follows on a worker thread; the report then shows it with its weakest dimension.
        QSignalSpy rubric(&dock.panel, &widgets::InterviewPanel::rubricFinished);
        QVERIFY2(rubric.count() == 1 || rubric.wait(180'000), "the rubric did not finish in three minutes");
        QVERIFY2(dock.panel.summary().rubric, qPrintable(said("no rubric", dock.panel.summary().rubricStatus)));
        const QString graded = dock.panel.reportView()->toPlainText();
        QVERIFY2(graded.contains("Rubric:") && graded.contains("Weakest:") && graded.contains("Availability"),
                 qPrintable(said("the report lacks the rubric", graded)));
    }

    void challenge_dock_grades_the_rubric_off_the_ui_thread()
    {
        widgets::DesignDocument document;
        model::Architecture design = practiceProblem();
        design.challenge->durationS = 5;
        design.challenge->warmupS = 1;
        design.challenge->replications = 2;
        document.reset(design);
        widgets::ChallengeRubric rubric(&document);
        QSignalSpy finished(rubric.runner(), &widgets::RubricRunner::finished);
        QTest::mouseClick(rubric.button(), Qt::LeftButton);
        QVERIFY2(rubric.runner()->running(), "the rubric should grade on a worker thread, returning at once");
        QVERIFY(!rubric.button()->isEnabled());
        QVERIFY2(finished.wait(180'000), "the rubric did not finish in three minutes");
        QVERIFY2(rubric.runner()->result(), qPrintable(rubric.runner()->error()));
        const QString text = rubric.view()->toPlainText();
        for (const char* dimension : {"Scalability", "Availability", "Latency", "Cost", "Trade-offs"})
            QVERIFY2(text.contains(dimension), qPrintable(said(QString("the rubric lacks ") + dimension, text)));
        QVERIFY(rubric.button()->isEnabled());
    }
};

QTEST_MAIN(InterviewPhasesTest)
#include "InterviewPhasesTest.moc"
