// The analytic planner against its own building blocks (the LRU-with-TTL
// cache model, mean value analysis) and against the simulator on the
// designs where it used to go wrong: a CDN, the seeds' multi-level cache,
// and users in a closed loop.
#include "SimTestSupport.h"

#include "analysis/CacheModel.h"
#include "analysis/ClosedLoop.h"
#include "analysis/ClosedNetwork.h"
#include "analysis/NetworkModel.h"
#include "io/ScenarioFile.h"
#include "model/Choices.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// How close the plan must be to the simulation: the bar of the planner's
// approximations (Che, Seidmann, Allen-Cunneen), on top of the simulation's
// own uncertainty.
constexpr double kPlanTolerance = 0.03;

model::Architecture example(const char* path)
{
    return io::readScenario(std::string(SCALELAB_SOURCE_DIR "/resources/") + path);
}

// Replications of `design` (warm-up discarded): throughput and mean latency with 95% intervals.
struct Measured {
    stats::ConfidenceInterval throughput, meanMs;
    std::map<std::string, stats::ConfidenceInterval> arrivalsPerSecond;
};

Measured replicate(const model::Architecture& design, double warmupS, double measureS, int replications,
                   const std::vector<std::string>& blocks)
{
    std::vector<double> throughput, mean;
    std::map<std::string, std::vector<double>> arrivals;
    for (int r = 0; r < replications; ++r) {
        const stats::Snapshot snap = simulate(design, warmupS, measureS, 100 + r, 60);
        throughput.push_back(snap.throughputRps);
        mean.push_back(snap.latency.meanMs);
        for (const auto& id : blocks)
            arrivals[id].push_back(double(block(snap, id).arrivals) / snap.measuredSeconds);
    }
    Measured measured{stats::batchMeansInterval(throughput, 0.95), stats::batchMeansInterval(mean, 0.95), {}};
    for (const auto& [id, values] : arrivals)
        measured.arrivalsPerSecond[id] = stats::batchMeansInterval(values, 0.95);
    return measured;
}

bool agrees(double planned, const stats::ConfidenceInterval& run)
{
    return std::abs(planned - run.mean) <= kPlanTolerance * run.mean + run.halfWidth;
}

QString compared(const char* what, double planned, const stats::ConfidenceInterval& run)
{
    return QString("%1: plan %2, run %3 +/- %4 (bar 3%)").arg(what).arg(planned).arg(run.mean).arg(run.halfWidth);
}

} // namespace

class PlannerTest : public QObject {
    Q_OBJECT

private slots:
    void lru_with_ttl_reduces_to_che_and_to_the_ttl_cache()
    {
        const auto exact = analysis::zipfPopularity(5000, 0.8);
        std::vector<analysis::PopularityClass> classes;
        for (double p : exact)
            classes.push_back({p, 1});
        // No TTL: Che's approximation itself.
        const double che = analysis::lruHitRatioChe(exact, 500);
        QVERIFY2(std::abs(analysis::lruTtlHitRatio(classes, 500, 0) - che) < 1e-9, "no TTL must be Che");
        // Room for every key: only the TTL ends an entry, p L / (1 + p L) per key.
        const double ttl = 20'000;
        double ttlOnly = 0;
        for (double p : exact)
            ttlOnly += p * p * ttl / (1 + p * ttl);
        QVERIFY2(std::abs(analysis::lruTtlHitRatio(classes, 5000, ttl) - ttlOnly) < 1e-9, "ample room must be the TTL cache");
    }

    void lru_with_ttl_matches_the_simulated_cache()
    {
        // Capacity and TTL both bind: 2,000 reads/s over 5,000 Zipf(0.8)
        // keys, room for 500, a 10 s TTL (20,000 requests): hot keys are
        // refetched every TTL, and expired entries hold their slot until
        // asked for again.
        model::Block client = patientClient("client", 2000);
        client.params["key_space"] = 5000;
        client.params["key_skew"] = 0.8;
        model::Block c = model::makeBlock("cache", "cache");
        c.params["hit_model"] = static_cast<int>(model::HitModel::Capacity);
        c.params["capacity"] = 500;
        c.params["ttl_s"] = 10;
        model::Architecture design;
        design.blocks = {client, c, service("db", 1, 64, 1, 1)};
        design.links = {wire("client", "cache"), wire("cache", "db")};
        const auto snap = simulate(design, 30, 300);
        const auto& cache = block(snap, "cache");
        const double theory = analysis::lruTtlHitRatio(analysis::zipfClasses(5000, 0.8), 500, 10 * 2000);
        const double lookups = cache.extras.at("hits") + cache.extras.at("misses");
        // Binomial error of the lookups, plus the approximation's percent (as for Che alone).
        const double tolerance = 3.29 * std::sqrt(theory * (1 - theory) / lookups) + 0.01;
        QVERIFY2(std::abs(cache.extras.at("hit_ratio") - theory) < tolerance,
                 qPrintable(QString("simulated %1, LRU with TTL %2 +/- %3").arg(cache.extras.at("hit_ratio")).arg(theory).arg(tolerance)));
    }

    void zipf_classes_stand_for_every_key()
    {
        // 200,000 keys: classes group ranks above 1,000, and must give the
        // per-key answer to a tenth of a percent.
        const auto exact = analysis::zipfPopularity(200'000, 0.9);
        std::vector<analysis::PopularityClass> perKey;
        for (double p : exact)
            perKey.push_back({p, 1});
        const auto grouped = analysis::zipfClasses(200'000, 0.9);
        QVERIFY2(grouped.size() < 2'000, qPrintable(QString::number(grouped.size())));
        for (double capacity : {1'000.0, 50'000.0})
            for (double ttl : {0.0, 1e6}) {
                const double a = analysis::lruTtlHitRatio(perKey, capacity, ttl);
                const double b = analysis::lruTtlHitRatio(grouped, capacity, ttl);
                QVERIFY2(std::abs(a - b) < 1e-3, qPrintable(QString("capacity %1 ttl %2: %3 vs %4").arg(capacity).arg(ttl).arg(a).arg(b)));
            }
    }

    void mva_network_is_exact_for_one_station()
    {
        for (int users : {1, 10, 200}) {
            const auto exact = analysis::mvaSingleStation(users, 0.1, 1.0);
            const auto network = analysis::mvaNetwork({{1, 1, 0.1, 0}}, users, 1.0, 0.1);
            QVERIFY2(std::abs(network.throughput - exact.throughput) < 1e-12 * exact.throughput,
                     qPrintable(QString("%1 users: %2 vs %3").arg(users).arg(network.throughput).arg(exact.throughput)));
            QVERIFY(std::abs(network.responseS - exact.meanResponse) < 1e-9);
        }
        // Past the exact recursion, Schweitzer's approximation carries on smoothly.
        const auto recursion = analysis::mvaNetwork({{2, 4, 0.05, 0}}, 20'000, 1.0, 0.06);
        const auto schweitzer = analysis::mvaNetwork({{2, 4, 0.05, 0}}, 20'001, 1.0, 0.06);
        QVERIFY2(std::abs(schweitzer.responseS - recursion.responseS) < 1e-3 * recursion.responseS,
                 qPrintable(QString("%1 vs %2").arg(schweitzer.responseS).arg(recursion.responseS)));
    }

    void plan_agrees_with_run_on_a_cdn()
    {
        // A CDN with a capacity cache and an hour's max-age in front of the
        // origin. Its hit ratio needs hours of traffic to settle (a tail key
        // comes about every 40 minutes), so the run is warmed up for two.
        const model::Architecture design = example("challenges/video-cdn.solution.scalelab");
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        const Measured run = replicate(design, 7200, 3600, 5, {"origin"});
        QVERIFY2(agrees(plan.find("origin")->arrivalRps(), run.arrivalsPerSecond.at("origin")),
                 qPrintable(compared("origin rps", plan.find("origin")->arrivalRps(), run.arrivalsPerSecond.at("origin"))));
        QVERIFY2(agrees(plan.endToEndMs, run.meanMs), qPrintable(compared("mean ms", plan.endToEndMs, run.meanMs)));
    }

    void plan_agrees_with_run_on_the_seeds_multi_level_cache()
    {
        const model::Architecture design = example("examples/multi-level-cache.scalelab");
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        const Measured run = replicate(design, 10, 120, 5, {"db"});
        QVERIFY2(agrees(plan.endToEndMs, run.meanMs), qPrintable(compared("mean ms", plan.endToEndMs, run.meanMs)));
        QVERIFY2(agrees(plan.find("db")->arrivalRps(), run.arrivalsPerSecond.at("db")),
                 qPrintable(compared("db rps", plan.find("db")->arrivalRps(), run.arrivalsPerSecond.at("db"))));
    }

    void plan_agrees_with_run_on_users_in_a_closed_loop()
    {
        const model::Architecture design = example("examples/closed-loop-users.scalelab");
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        QCOMPARE(plan.closedUsers, 400);
        const Measured run = replicate(design, 60, 600, 5, {"app"});
        QVERIFY2(agrees(plan.offeredRps, run.throughput), qPrintable(compared("throughput", plan.offeredRps, run.throughput)));
        QVERIFY2(agrees(plan.endToEndMs, run.meanMs), qPrintable(compared("mean ms", plan.endToEndMs, run.meanMs)));
        // The response-time law ties the two: R = N / X - Z.
        QVERIFY(std::abs(plan.endToEndMs / 1000 - (400 / plan.offeredRps - 1.0)) < 1e-6);
    }
};

QTEST_APPLESS_MAIN(PlannerTest)
#include "PlannerTest.moc"
