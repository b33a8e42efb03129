// Every bundled challenge (resources/challenges): its reference solution
// passes every goal, its naive attempt fails, at least the goal named in the
// table below, and the student's starting file loads with the same
// challenge. `scalelab grade` gives exit status 0 and 1 for them.
#include "CliProcess.h"
#include "engine/GradeTestSupport.h"
#include "analysis/Grader.h"
#include "io/ScenarioFile.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <map>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

const QString kDir = testing::resourcePath("challenges/");

// The goal (metric) each naive design is written to fail.
const std::map<QString, std::string> kNaiveFails{
    {"single-server-10x", "p95_ms"},     {"product-page-cache", "cost_per_month"},
    {"feed-read-replicas", "p95_ms"},    {"shard-writes", "p95_ms"},
    {"email-queue", "p95_ms"},           {"autoscale-daily-peak", "p95_ms"},
    {"circuit-breaker", "error_rate"},       {"rate-limit-abuser", "users.p95_ms"},
    {"video-cdn", "p50_ms"},             {"cache-stampede", "p95_ms"},
    {"hot-key-skew", "p95_ms"},  {"black-friday-region", "error_rate"},
};

} // namespace

class ChallengeFilesTest : public QObject {
    Q_OBJECT

private slots:
    void every_challenge_is_in_the_table()
    {
        const QStringList starts = QDir(kDir).entryList({"*.scalelab"}).filter(QRegularExpression("^[^.]+\\.scalelab$"));
        QVERIFY2(starts.size() >= 12, qPrintable(QString("%1 challenges, expected at least 12").arg(starts.size())));
        for (const QString& file : starts) {
            const QString name = file.section('.', 0, 0);
            QVERIFY2(kNaiveFails.count(name), qPrintable(name + " has no row in kNaiveFails"));
            QVERIFY2(QFile::exists(kDir + name + ".solution.scalelab"), qPrintable(name));
            QVERIFY2(QFile::exists(kDir + name + ".naive.scalelab"), qPrintable(name));
        }
        QCOMPARE(int(kNaiveFails.size()), int(starts.size()));
    }

    void solution_passes_and_naive_fails_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("failingMetric");
        for (const auto& [name, metric] : kNaiveFails)
            QTest::newRow(qPrintable(name)) << name << QString::fromStdString(metric);
    }

    void solution_passes_and_naive_fails()
    {
        QFETCH(QString, name);
        QFETCH(QString, failingMetric);
        const model::Architecture start = io::readScenario((kDir + name + ".scalelab").toStdString());
        const model::Architecture solution = io::readScenario((kDir + name + ".solution.scalelab").toStdString());
        const model::Architecture naive = io::readScenario((kDir + name + ".naive.scalelab").toStdString());
        QVERIFY2(start.challenge && solution.challenge && naive.challenge,
                 "the start, solution and naive files must all have a challenge section");
        QVERIFY2(*start.challenge == *solution.challenge && *start.challenge == *naive.challenge,
                 "the solution and the naive attempt must carry the start file's challenge unchanged");
        const QString topic = QString::fromStdString(start.library.topic);
        QVERIFY2(topic.startsWith("Challenges — level"), qPrintable("library topic: " + topic));
        QVERIFY2(!start.challenge->loads.empty(), "the challenge has no loads to grade under");

        const analysis::GradeResult passed = analysis::grade(solution);
        QVERIFY2(passed.allPassed(), qPrintable("solution:" + describeGrade(passed)));

        const analysis::GradeResult failed = analysis::grade(naive);
        QVERIFY2(!failed.allPassed(), qPrintable("naive:" + describeGrade(failed)));
        QVERIFY2(goalFails(failed, failingMetric.toStdString()),
                 qPrintable("naive, expected " + failingMetric + " to fail:" + describeGrade(failed)));
        const std::string next = analysis::nextStep(failed);
        QVERIFY2(next.rfind("Next: ", 0) == 0, next.c_str());
    }

    void grade_command_exit_status()
    {
        using testing::runScalelab;
        const auto pass = runScalelab({"grade", kDir + "single-server-10x.solution.scalelab", "--threads", "2"});
        QCOMPARE(pass.exitCode, 0);
        QVERIFY2(pass.out.contains("PASS") && !pass.out.contains("FAIL"), pass.out.constData());
        QVERIFY2(pass.out.contains("Score: "), pass.out.constData());

        const auto fail = runScalelab({"grade", kDir + "single-server-10x.naive.scalelab", "--json"});
        QCOMPARE(fail.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(fail.out).object();
        QCOMPARE(json.value("all_passed").toBool(true), false);
        QVERIFY2(json.value("goals").toArray().size() >= 4, fail.out.constData());
        QVERIFY2(json.value("next").toString().startsWith("Next: "),
                 qPrintable("next: " + json.value("next").toString()));
        // Hidden loads are named in the result.
        bool hiddenNamed = false;
        for (const auto& goal : json.value("goals").toArray())
            hiddenNamed = hiddenNamed || (goal.toObject().value("hidden").toBool() && goal.toObject().value("load").toString() == "spike");
        QVERIFY2(hiddenNamed, qPrintable("no goal names the hidden load spike: " + QString::fromUtf8(fail.out)));

        const auto plain = runScalelab({"grade", testing::examplePath("mm1.scalelab")});
        QCOMPARE(plain.exitCode, 1);
        QCOMPARE(plain.err.count('\n'), 1);
        QVERIFY2(plain.err.contains("no \"challenge\" section"), plain.err.constData());

        QCOMPARE(runScalelab({"grade"}).exitCode, 2);
        QCOMPARE(runScalelab({"grade", kDir + "single-server-10x.scalelab", "--threads", "x"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(ChallengeFilesTest)
#include "ChallengeFilesTest.moc"
