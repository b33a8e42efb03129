// The simulator against queueing theory: single queues whose exact
// behaviour is known, and a two-tier network. Each figure is asserted
// inside a batch-means confidence interval, not a hand-picked tolerance.
#include "SimTestSupport.h"
#include "analysis/NetworkModel.h"
#include "analysis/Queueing.h"
#include "stats/LatencyHistogram.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Architecture singleQueue(double rateRps, int workers, double serviceMs, double cv,
                                int queueCapacity = 10'000'000)
{
    model::Architecture design;
    design.blocks = {patientClient("client", rateRps), service("server", 1, workers, serviceMs, cv, queueCapacity)};
    design.links = {wire("client", "server")};
    return design;
}

constexpr double kWarmupS = 20;
constexpr double kMeasureS = 600;

double meanMs(const stats::WindowSample& s) { return s.meanMs; }
double completions(const stats::WindowSample& s) { return s.throughputPerSecond; }

} // namespace

class QueueingAccuracyTest : public QObject {
    Q_OBJECT

private slots:
    void mm1_mean_and_p99_match_theory()
    {
        const double lambda = 800, mu = 1000;
        const auto snap = simulate(singleQueue(lambda, 1, 1.0, 1.0), kWarmupS, kMeasureS);
        const auto windows = measuredWindows(snap.series, kWarmupS);

        const double theoryMean = analysis::mm1(lambda, mu).meanResponse * 1000;
        const auto mean = windowInterval(windows, meanMs, completions);
        QVERIFY2(mean.contains(theoryMean), qPrintable(describe("M/M/1 mean response ms", theoryMean, mean)));

        // p99 of an exponential response time; batch quantiles of windows of
        // ~8,000 requests, widened by the histogram's own bound.
        const double theoryP99 = analysis::mm1ResponseQuantile(lambda, mu, 0.99) * 1000;
        std::vector<double> p99s;
        for (const auto& w : windows)
            p99s.push_back(w.p99Ms);
        auto p99 = stats::batchMeansInterval(p99s, kConfidence);
        p99.halfWidth += theoryP99 * stats::LatencyHistogram::kRelativeError;
        QVERIFY2(p99.contains(theoryP99), qPrintable(describe("M/M/1 p99 ms", theoryP99, p99)));
        // Utilisation: the busy fraction is rho.
        QVERIFY2(std::abs(snap.blocks[1].utilization - lambda / mu) < 0.01,
                 qPrintable(QString("utilisation %1, theory 0.8").arg(snap.blocks[1].utilization)));
    }

    void mmc_mean_matches_erlang_c()
    {
        const double lambda = 3200, mu = 1000;
        const int c = 4;
        const auto snap = simulate(singleQueue(lambda, c, 1.0, 1.0), kWarmupS, kMeasureS);
        const double theory = analysis::mmc(lambda, mu, c).meanResponse * 1000;
        const auto mean = windowInterval(measuredWindows(snap.series, kWarmupS), meanMs, completions);
        QVERIFY2(mean.contains(theory), qPrintable(describe("M/M/4 mean response ms", theory, mean)));
        // The queueing part alone must be visible: W is well above the 1 ms service time.
        QVERIFY(theory > 1.5);
    }

    void md1_mean_matches_pollaczek_khinchine()
    {
        const double lambda = 800;
        const auto snap = simulate(singleQueue(lambda, 1, 1.0, 0.0), kWarmupS, kMeasureS);
        const double theory = analysis::mg1(lambda, 0.001, 0.0).meanResponse * 1000; // 3 ms
        const auto mean = windowInterval(measuredWindows(snap.series, kWarmupS), meanMs, completions);
        QVERIFY2(mean.contains(theory), qPrintable(describe("M/D/1 mean response ms", theory, mean)));
        // Half the M/M/1 wait: deterministic service queues less.
        QVERIFY(mean.upper() < analysis::mm1(lambda, 1000).meanResponse * 1000);
    }

    void mmck_blocking_probability_matches_theory()
    {
        // c = 2 workers, 2 waiting places: K = 4; offered load 2 erlangs.
        const double lambda = 2000, mu = 1000;
        const int c = 2, K = 4;
        const auto snap = simulate(singleQueue(lambda, c, 1.0, 1.0, K - c), kWarmupS, 300);
        const double theory = analysis::mmck(lambda, mu, c, K).blockingProbability;
        const auto rejected = windowInterval(
            measuredWindows(snap.series, kWarmupS),
            [](const stats::WindowSample& s) {
                return s.errorsPerSecond[static_cast<size_t>(sim::Outcome::Rejected) - 1] / s.arrivalsPerSecond;
            },
            [](const stats::WindowSample& s) { return s.arrivalsPerSecond; });
        QVERIFY2(rejected.contains(theory), qPrintable(describe("M/M/2/4 blocking probability", theory, rejected)));
        // Every blocked request is a 503 seen by the client, nothing else fails.
        QCOMPARE(snap.errors.total(), snap.errors[sim::Outcome::Rejected]);
    }

    void two_tier_latency_adds_up_and_matches_plan()
    {
        // Tier 1 has far more workers than it ever needs, so it never
        // queues: end to end = its 2 ms of work + an M/M/1 behind it.
        model::Architecture design;
        design.blocks = {patientClient("client", 500), service("front", 1, 64, 2.0, 0.0),
                         service("back", 1, 1, 1.0, 1.0)};
        design.links = {wire("client", "front"), wire("front", "back")};
        const auto snap = simulate(design, kWarmupS, kMeasureS);
        const double theory = 2.0 + analysis::mm1(500, 1000).meanResponse * 1000; // 4 ms
        const auto mean = windowInterval(measuredWindows(snap.series, kWarmupS), meanMs, completions);
        QVERIFY2(mean.contains(theory), qPrintable(describe("two-tier mean response ms", theory, mean)));
        QCOMPARE(snap.blocks[1].meanQueue, 0.0); // the first tier never queued

        // The analytic model of the same file agrees with the theory.
        const auto plan = analysis::planNetwork(design);
        QVERIFY(std::abs(plan.endToEndMs - theory) < 1e-9);
        QCOMPARE(plan.bottleneck, std::string("back"));
    }
};

QTEST_APPLESS_MAIN(QueueingAccuracyTest)
#include "QueueingAccuracyTest.moc"
