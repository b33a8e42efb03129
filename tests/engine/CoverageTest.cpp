// "Statistics a teacher can trust": 95% confidence intervals from
// independent replications, with the warm-up chosen by MSER-5, must contain
// the analytic M/M/1 mean response time W = 1 / (mu - lambda) in about 95%
// of independent experiments, and a deliberately too-narrow interval on the
// same data must fail the same check.
#include "SimTestSupport.h"
#include "analysis/Queueing.h"
#include "run/AutoWarmup.h"
#include "run/Replications.h"
#include "stats/ReplicationSummary.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// M/M/1 at utilisation 0.6: W = 1 / (100 - 60) s = 25 ms. Replications of
// 30 s (1,800 requests each) keep 200 experiments to a few seconds.
constexpr double kLambda = 60, kMu = 100;
constexpr int kExperiments = 200;
constexpr int kReplications = 5;
constexpr double kMeasureS = 30;

// The acceptance region [low, high] for the number of covering intervals
// among n experiments when each covers with probability p: the widest
// central region whose two tails each have probability <= alpha / 2 under
// Binomial(n, p). For n = 200, p = 0.95, alpha = 1e-3 it is 179..198:
// P(X < 179) = 4.8e-4 and P(X > 198) = 4.0e-4, so a correct engine fails
// this test with probability 8.8e-4. Its power: intervals that really
// cover 90% fail it with probability 0.35, 68% ones all but surely (the
// chance of 179 or more of 200 at p = 0.68 is below 1e-12).
struct Region {
    int low = 0, high = 0;
    double falseAlarm = 0;
};

Region binomialAcceptance(int n, double p, double alpha)
{
    std::vector<double> pmf(size_t(n) + 1);
    for (int k = 0; k <= n; ++k) // log-space binomial coefficient keeps n large safe
        pmf[size_t(k)] = std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                                  k * std::log(p) + (n - k) * std::log1p(-p));
    Region region{0, n, 0};
    double below = 0;
    while (below + pmf[size_t(region.low)] <= alpha / 2)
        below += pmf[size_t(region.low++)];
    double above = 0;
    while (above + pmf[size_t(region.high)] <= alpha / 2)
        above += pmf[size_t(region.high--)];
    region.falseAlarm = below + above;
    return region;
}

model::Architecture mm1()
{
    model::Architecture design;
    design.blocks = {patientClient("client", kLambda), service("server", 1, 1, 1000 / kMu, 1.0)};
    design.links = {wire("client", "server")};
    return design;
}

} // namespace

class CoverageTest : public QObject {
    Q_OBJECT

private slots:
    void acceptance_region_is_the_binomial_one()
    {
        const Region region = binomialAcceptance(200, 0.95, 1e-3);
        QCOMPARE(region.low, 179);
        QCOMPARE(region.high, 198);
        QVERIFY(region.falseAlarm < 1e-3 && region.falseAlarm > 8e-4);
    }

    void replication_intervals_cover_the_mm1_mean_95_percent_of_the_time()
    {
        const model::Architecture design = mm1();
        const double theoryMs = analysis::mm1(kLambda, kMu).meanResponse * 1000;
        QVERIFY(std::abs(theoryMs - 25) < 1e-9);

        int covered = 0, narrowCovered = 0;
        double largestWarmupS = 0;
        for (int e = 0; e < kExperiments; ++e) {
            // Seeds never shared between experiments, nor between the pilot and the replications.
            const uint64_t firstSeed = 1 + uint64_t(e) * (kReplications + 1);
            const sim::WarmupChoice warmup =
                sim::chooseWarmup(design, sim::fromSeconds(kMeasureS), firstSeed + kReplications);
            largestWarmupS = std::max(largestWarmupS, sim::toSeconds(warmup.warmup));
            sim::ReplicationPlan plan;
            plan.warmup = warmup.warmup;
            plan.duration = sim::fromSeconds(kMeasureS);
            plan.replications = kReplications;
            plan.firstSeed = firstSeed;
            const auto runs = sim::runReplications(design, plan);
            const stats::ReplicationSummary summary = stats::summarizeReplications(runs, 0.95);
            covered += summary.meanMs.contains(theoryMs) ? 1 : 0;
            // The same data with a 68% interval (t quantile for 0.68): too narrow for a 95% claim.
            std::vector<double> means;
            for (const auto& run : runs)
                means.push_back(run.latency.meanMs);
            narrowCovered += stats::batchMeansInterval(means, 0.68).contains(theoryMs) ? 1 : 0;
        }
        const Region region = binomialAcceptance(kExperiments, 0.95, 1e-3);
        qInfo("95%% intervals covered W = %.1f ms in %d of %d experiments (accept %d..%d, false alarm %.1e); "
              "68%% intervals in %d; largest MSER-5 warm-up %.2f s",
              theoryMs, covered, kExperiments, region.low, region.high, region.falseAlarm, narrowCovered,
              largestWarmupS);
        QVERIFY2(covered >= region.low && covered <= region.high,
                 qPrintable(QString("95% intervals covered the analytic mean in %1 of %2 experiments; a correct "
                                    "95% interval gives %3..%4 with probability 1 - %5")
                                .arg(covered).arg(kExperiments).arg(region.low).arg(region.high)
                                .arg(region.falseAlarm, 0, 'g', 2)));
        // The check has teeth: intervals that claim 95% but are 68% ones are caught.
        QVERIFY2(narrowCovered < region.low,
                 qPrintable(QString("68% intervals covered %1 of %2 times, inside the 95% acceptance region: "
                                    "the coverage check could not tell them apart")
                                .arg(narrowCovered).arg(kExperiments)));
        // The warm-up rule never takes more than half the pilot.
        QVERIFY(largestWarmupS <= kMeasureS / 2 + 1e-9);
    }
};

QTEST_APPLESS_MAIN(CoverageTest)
#include "CoverageTest.moc"
