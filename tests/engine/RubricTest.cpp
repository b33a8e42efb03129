// The rubric: the availability dimension finds a planted single point of
// failure by killing it and names it, and a second instance removes it; the
// surge criterion fails for a design near saturation (M/M/1/K at 70% busy
// loses about 29% of requests at twice the rate) and passes with headroom
// (35% busy: twice the rate is still 70%, a loss of about 2e-4); the verdict
// bands; a bundled challenge's reference solution scores above its naive
// design, whose weakest dimension is the one the challenge is about.
#include "SimTestSupport.h"
#include "analysis/Rubric.h"
#include "io/ScenarioFile.h"

#include <QtTest>

#include <algorithm>

using namespace scalelab;
using testing::service;
using testing::wire;

namespace {

constexpr double kErrorBudget = 0.01;

model::Challenge shortChallenge()
{
    model::Challenge challenge;
    challenge.title = "rubric test";
    challenge.durationS = 20;
    challenge.warmupS = 5;
    challenge.replications = 3;
    challenge.goals = {{model::Check{"error_rate", std::nullopt, kErrorBudget, ""}, {}}};
    return challenge;
}

model::Block client(const std::string& id, double rateRps)
{
    model::Block block = testing::patientClient(id, rateRps);
    block.params["timeout_ms"] = 2000;
    return block;
}

// Users -> load balancer -> two service instances -> one database (`dbInstances`).
model::Architecture balancedServicesOneDatabase(int dbInstances)
{
    model::Architecture design;
    model::Block db = model::makeBlock("database", "db", "Orders DB");
    db.params["instances"] = dbInstances;
    db.params["workers"] = 16;
    model::Block app = service("app", 2, 16, 5, 1);
    app.name = "Orders API";
    design.blocks = {client("users", 100), model::makeBlock("load_balancer", "lb"), app, db};
    design.links = {wire("users", "lb"), wire("lb", "app"), wire("app", "db")};
    design.challenge = shortChallenge();
    return design;
}

// One M/M/1 server with room for 20 waiting: utilisation rateRps / 100.
model::Architecture singleServer(double rateRps)
{
    model::Architecture design;
    design.blocks = {client("users", rateRps), service("app", 1, 1, 10, 1, 20)};
    design.links = {wire("users", "app")};
    design.challenge = shortChallenge();
    return design;
}

const analysis::RubricScore& dimension(const analysis::RubricResult& result, analysis::RubricDimension which)
{
    return result.dimensions[size_t(which)];
}

const analysis::RubricEvidence* evidenceFor(const analysis::RubricScore& score, const std::string& words)
{
    for (const auto& evidence : score.evidence)
        if (evidence.criterion.find(words) != std::string::npos)
            return &evidence;
    return nullptr;
}

QString describe(const analysis::RubricScore& score)
{
    QString text;
    for (const auto& e : score.evidence)
        text += QString("\n  %1 [%2]: %3 ± %4 -> %5/%6 %7")
                    .arg(QString::fromStdString(e.criterion), QString::fromStdString(e.run))
                    .arg(e.value)
                    .arg(e.halfWidth)
                    .arg(e.points)
                    .arg(e.maxPoints)
                    .arg(QString::fromStdString(e.detail));
    return text;
}

} // namespace

class RubricTest : public QObject {
    Q_OBJECT

private slots:
    void plantedSinglePointOfFailureIsFoundAndNamed()
    {
        const analysis::RubricResult result = analysis::gradeRubric(balancedServicesOneDatabase(1));
        const auto& availability = dimension(result, analysis::RubricDimension::Availability);
        const auto* withoutDb = evidenceFor(availability, "without Orders DB");
        QVERIFY2(withoutDb, qPrintable(describe(availability)));
        // Every request needs the database: with it gone they all fail.
        QVERIFY2(withoutDb->value / 100 - withoutDb->halfWidth / 100 > kErrorBudget, qPrintable(describe(availability)));
        QVERIFY(!withoutDb->met());
        QVERIFY(withoutDb->detail.find("Orders DB is a single point of failure") != std::string::npos);
        // The balanced services lose one instance of two and carry on.
        const auto* oneApp = evidenceFor(availability, "one Orders API instance down");
        QVERIFY2(oneApp && oneApp->met(), qPrintable(describe(availability)));
        QCOMPARE(result.weakest().dimension, analysis::RubricDimension::Availability);
    }

    void secondDatabaseInstanceRemovesIt()
    {
        const analysis::RubricResult result = analysis::gradeRubric(balancedServicesOneDatabase(2));
        const auto& availability = dimension(result, analysis::RubricDimension::Availability);
        const auto* oneDb = evidenceFor(availability, "one Orders DB instance down");
        QVERIFY2(oneDb && oneDb->met(), qPrintable(describe(availability)));
        for (const auto& evidence : availability.evidence)
            QVERIFY2(evidence.detail.find("single point of failure") == std::string::npos, qPrintable(describe(availability)));
        QCOMPARE(availability.points, analysis::kRubricDimensionPoints);
    }

    void surgeFailsNearSaturationAndPassesWithHeadroom()
    {
        const auto surge = [](double rate) {
            const analysis::RubricResult result = analysis::gradeRubric(singleServer(rate));
            const auto& scalability = dimension(result, analysis::RubricDimension::Scalability);
            const auto* evidence = evidenceFor(scalability, "2x surge");
            if (!evidence)
                qFatal("no surge criterion");
            return std::make_pair(*evidence, describe(scalability));
        };
        const auto [tight, tightText] = surge(70);
        // M/M/1/21 at rho = 1.4 loses 1 - 1/1.4 of the arrivals, about 29%: far over the 1% budget.
        QVERIFY2(!tight.met() && tight.value / 100 > 10 * kErrorBudget, qPrintable(tightText));
        const auto [roomy, roomyText] = surge(35);
        QVERIFY2(roomy.met() && roomy.value / 100 + roomy.halfWidth / 100 < kErrorBudget, qPrintable(roomyText));
    }

    void verdictBands()
    {
        using analysis::RubricVerdict;
        QCOMPARE(analysis::rubricVerdictFor(100), RubricVerdict::Excellent);
        QCOMPARE(analysis::rubricVerdictFor(85), RubricVerdict::Excellent);
        QCOMPARE(analysis::rubricVerdictFor(84.9), RubricVerdict::Good);
        QCOMPARE(analysis::rubricVerdictFor(70), RubricVerdict::Good);
        QCOMPARE(analysis::rubricVerdictFor(69.9), RubricVerdict::Fair);
        QCOMPARE(analysis::rubricVerdictFor(50), RubricVerdict::Fair);
        QCOMPARE(analysis::rubricVerdictFor(49.9), RubricVerdict::NeedsWork);
        analysis::RubricResult result;
        for (int i = 0; i < analysis::kRubricDimensionCount; ++i)
            result.dimensions[size_t(i)].points = 17 + (i == 2 ? -5 : 0) + (i == 4 ? -5 : 0);
        QCOMPARE(result.total(), 75.0);
        QCOMPARE(result.verdict(), RubricVerdict::Good);
        QCOMPARE(&result.weakest(), &result.dimensions[2]); // the first of a tie
    }

    void referenceSolutionBeatsItsNaiveDesign()
    {
        const QString dir = SCALELAB_SOURCE_DIR "/resources/challenges/circuit-breaker";
        const auto solution = analysis::gradeRubric(io::readScenario((dir + ".solution.scalelab").toStdString()));
        const auto naive = analysis::gradeRubric(io::readScenario((dir + ".naive.scalelab").toStdString()));
        QVERIFY2(solution.total() > naive.total(), qPrintable(QString("%1 vs %2").arg(solution.total()).arg(naive.total())));
        QCOMPARE(solution.verdict(), analysis::RubricVerdict::Excellent);
        QVERIFY(naive.verdict() != analysis::RubricVerdict::Excellent);
        // Without a breaker the slow recommendations take the page down: the
        // challenge's fault loads fail, and the cascade criterion is not met.
        QCOMPARE(naive.weakest().dimension, analysis::RubricDimension::Availability);
        QVERIFY(naive.weakest().lesson.find(":/lessons/") == 0);
        const auto* cascade = evidenceFor(dimension(naive, analysis::RubricDimension::TradeOffs), "cascade");
        QVERIFY(cascade && !cascade->met());
    }

    void cancelStopsEarly()
    {
        std::atomic<bool> cancel{true};
        analysis::GradeOptions options;
        options.cancel = &cancel;
        QVERIFY(analysis::gradeRubric(singleServer(50), options).cancelled);
        model::Architecture noChallenge = singleServer(50);
        noChallenge.challenge.reset();
        QVERIFY_THROWS_EXCEPTION(analysis::GradeError, analysis::gradeRubric(noChallenge));
    }

    void progressCountsEveryRun()
    {
        analysis::GradeOptions options;
        int last = 0, total = 0;
        std::mutex mutex;
        options.progress = [&](int done, int of) {
            std::lock_guard lock(mutex);
            last = std::max(last, done);
            total = of;
        };
        analysis::gradeRubric(singleServer(50), options);
        // Stated and surge (3 runs each) and the one instance killed (3 runs).
        QCOMPARE(total, 9);
        QCOMPARE(last, total);
    }
};

QTEST_APPLESS_MAIN(RubricTest)
#include "RubricTest.moc"
