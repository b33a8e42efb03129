// Every bundled lesson can be followed to the end: each step's check fails on
// the design as the earlier steps leave it (with the faults they left
// running) and passes once the step's own edits are made, on deterministic
// short runs (or on the plan). The measured values are printed, so a reader
// sees the margins, not just the verdicts.
#include "analysis/LessonCheck.h"
#include "analysis/RecentMetric.h"
#include "io/ScenarioFile.h"
#include "model/MetricCatalog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QtTest>

#include <set>
#include <string>

using namespace scalelab;

namespace {

QString lessonsDir() { return QStringLiteral(SCALELAB_SOURCE_DIR "/resources/lessons"); }

std::string shown(const model::Check& check, const analysis::CheckOutcome& outcome)
{
    return outcome.value ? model::formatMetric(check.metric, *outcome.value) : "no value (" + outcome.error + ")";
}

} // namespace

class LessonFilesTest : public QObject {
    Q_OBJECT

private slots:
    void every_pattern_family_has_a_lesson()
    {
        const QStringList files = QDir(lessonsDir()).entryList({"*.scalelab"}, QDir::Files);
        QVERIFY2(files.size() >= 11, qPrintable(QString("only %1 lesson files").arg(files.size())));
        std::set<std::string> families;
        for (const QString& file : files) {
            const model::Architecture design = io::readScenario((lessonsDir() + "/" + file).toStdString());
            QVERIFY2(design.lesson, qPrintable(file + " has no lesson section"));
            QVERIFY2(design.lesson->steps.size() >= 3 && design.lesson->steps.size() <= 6,
                     qPrintable(file + ": a lesson has 3 to 6 steps"));
            QCOMPARE(QString::fromStdString(design.library.topic), QStringLiteral("Lessons"));
            QVERIFY2(families.insert(design.lesson->family).second,
                     qPrintable(file + ": family already taught: " + QString::fromStdString(design.lesson->family)));
        }
    }

    void each_step_fails_before_and_passes_after_its_edits_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : QDir(lessonsDir()).entryList({"*.scalelab"}, QDir::Files))
            QTest::newRow(qPrintable(file)) << file;
    }

    void each_step_fails_before_and_passes_after_its_edits()
    {
        QFETCH(QString, file);
        QElapsedTimer timer;
        timer.start();
        const model::Architecture design = io::readScenario((lessonsDir() + "/" + file).toStdString());
        QVERIFY(design.lesson);
        const model::Lesson& lesson = *design.lesson;
        for (size_t i = 0; i < lesson.steps.size(); ++i) {
            const model::LessonStep& step = lesson.steps[i];
            const model::Architecture before = analysis::designAfterSteps(design, lesson, i);
            const model::Architecture after = analysis::designAfterSteps(design, lesson, i + 1);
            // Before: the earlier steps' design, with the faults the previous step left running.
            const auto lasting = i > 0 ? analysis::lastingActionsOf(lesson.steps[i - 1]) : std::vector<model::LessonAction>{};
            const analysis::CheckOutcome failing = analysis::evaluateCheck(before, step, lasting);
            const analysis::CheckOutcome passing = analysis::evaluateCheck(after, step, analysis::liveActionsOf(step));
            const std::string label = model::checkLabel(step.check, after);
            qInfo("%s step %zu (%s, on %s): before %s, after %s", qPrintable(file), i + 1, label.c_str(),
                  step.checkOn == model::LessonStep::CheckOn::Plan ? "plan" : "run",
                  shown(step.check, failing).c_str(), shown(step.check, passing).c_str());
            QVERIFY2(passing.value, qPrintable(QString("step %1: %2").arg(i + 1).arg(QString::fromStdString(passing.error))));
            QVERIFY2(!failing.passed, qPrintable(QString("step %1 (\"%2\") already passes before its edits")
                                                     .arg(i + 1).arg(QString::fromStdString(step.title))));
            QVERIFY2(passing.passed, qPrintable(QString("step %1 (\"%2\") does not pass after its edits")
                                                    .arg(i + 1).arg(QString::fromStdString(step.title))));
        }
        qInfo("%s: %lld ms", qPrintable(file), static_cast<long long>(timer.elapsed()));
    }

    void plan_refuses_figures_it_does_not_model()
    {
        const model::Architecture design = io::readScenario((lessonsDir() + "/load-balancing.scalelab").toStdString());
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        std::string error;
        QVERIFY(!analysis::planMetricValue(plan, "p95_ms", error));
        QVERIFY2(error.find("check it on the run") != std::string::npos, error.c_str());
        error.clear();
        QVERIFY(analysis::planMetricValue(plan, "app.utilization", error));
        QVERIFY(error.empty());
    }

    // The live dock reads the windows after the learner's edit, not the totals.
    void recent_windows_forget_what_came_before_an_edit()
    {
        stats::Snapshot snapshot;
        snapshot.simSeconds = 20;
        stats::BlockSnapshot db;
        db.id = "db";
        db.utilization = 0.7; // totals: 10 s at 1.0 and 10 s at 0.4
        for (int second = 1; second <= 20; ++second) {
            stats::WindowSample sample;
            sample.endSeconds = second;
            sample.utilization = second <= 10 ? 1.0 : 0.4;
            db.series.push_back(sample);
        }
        snapshot.blocks.push_back(db);
        const analysis::RecentValue recent = analysis::recentMetricValue(snapshot, "db.utilization", 10, 5);
        QCOMPARE(recent.windows, 5);
        QCOMPARE(*recent.value, 0.4);
        QVERIFY(!analysis::recentMetricValue(snapshot, "db.utilization", 20, 5).value); // nothing closed yet
        QVERIFY(!analysis::recentMetricValue(snapshot, "db.hit_ratio", 10, 5).value);   // no such figure at all
    }
};

QTEST_APPLESS_MAIN(LessonFilesTest)
#include "LessonFilesTest.moc"
