// Compare mode's statistics: two designs on the same seeds share their
// clients' arrivals (common random numbers), A against itself differs by
// exactly nothing, and a known improvement shows as a paired interval that
// excludes zero and contains the queueing-theory difference.
#include "SimTestSupport.h"

#include "analysis/PairedComparison.h"
#include "analysis/Queueing.h"
#include "run/Replications.h"

#include <QtTest>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// Poisson arrivals into one server with `workers` exponential workers of 1 ms.
model::Architecture erlangQueue(double rateRps, int instances, int workers)
{
    model::Architecture design;
    design.name = "M/M/c";
    design.blocks = {patientClient("users", rateRps), service("server", instances, workers, 1, 1)};
    design.links = {wire("users", "server")};
    return design;
}

analysis::ComparePlan plan(int replications, double measureS)
{
    analysis::ComparePlan result;
    result.warmup = sim::fromSeconds(2);
    result.duration = sim::fromSeconds(measureS);
    result.replications = replications;
    result.confidence = kConfidence;
    return result;
}

const analysis::FigureDifference& figure(const analysis::Comparison& comparison, const std::string& metric)
{
    const auto* found = comparison.find(metric, metric);
    if (!found)
        throw std::out_of_range("no figure " + metric);
    return *found;
}

} // namespace

class PairedComparisonTest : public QObject {
    Q_OBJECT

private slots:
    void a_design_against_itself_differs_by_exactly_nothing()
    {
        const auto design = erlangQueue(3200, 1, 4);
        const auto comparison = analysis::compareDesigns(design, design, plan(4, 5));
        QCOMPARE(comparison.replications, 4);
        for (const auto& row : comparison.figures) {
            QVERIFY2(row.difference.mean == 0 && row.difference.halfWidth == 0,
                     qPrintable(QString::fromStdString(row.label) + ": " + QString::number(row.difference.mean) +
                                " +- " + QString::number(row.difference.halfWidth)));
            QVERIFY(!row.significant());
        }
        // Not vacuous: the figures themselves vary from seed to seed.
        QVERIFY(figure(comparison, "p95_ms").a.halfWidth > 0);
    }

    void the_shared_client_draws_the_same_arrivals_in_both_designs()
    {
        sim::ReplicationPlan replications;
        replications.warmup = 0;
        replications.duration = sim::fromSeconds(5);
        replications.replications = 3;
        const auto slow = sim::runReplications(erlangQueue(3200, 1, 4), replications);
        const auto fast = sim::runReplications(erlangQueue(3200, 1, 8), replications);
        for (size_t i = 0; i < slow.size(); ++i)
            QCOMPARE(fast[i].requests, slow[i].requests);
        QVERIFY(slow[0].requests != slow[1].requests); // each seed its own traffic
    }

    void one_worker_more_is_the_erlang_c_difference()
    {
        // M/M/4 against M/M/5 at 3,200 rps of 1 ms: W falls from 1.746 to
        // about 1.15 ms. The pairing must find it with a handful of runs and
        // its interval must hold the theory's difference.
        const double lambda = 3200, mu = 1000;
        const double expectedMs =
            (analysis::mmc(lambda, mu, 5).meanResponse - analysis::mmc(lambda, mu, 4).meanResponse) * 1000;
        const auto comparison = analysis::compareDesigns(erlangQueue(lambda, 1, 4), erlangQueue(lambda, 1, 5),
                                                         plan(6, 20), {{"mean_ms", "mean_ms"}});
        const auto& mean = figure(comparison, "mean_ms");
        QVERIFY2(mean.significant() && mean.difference.upper() < 0,
                 qPrintable(QString("B - A = %1 +- %2 ms").arg(mean.difference.mean).arg(mean.difference.halfWidth)));
        QVERIFY2(mean.difference.contains(expectedMs),
                 qPrintable(QString("B - A = %1 +- %2 ms, Erlang C %3 ms")
                                .arg(mean.difference.mean)
                                .arg(mean.difference.halfWidth)
                                .arg(expectedMs)));
        // Pairing is what makes it cheap: the paired interval is narrower than
        // the two independent ones combined.
        QVERIFY2(mean.difference.halfWidth < std::hypot(mean.a.halfWidth, mean.b.halfWidth),
                 qPrintable(QString("paired %1 ms against independent %2 ms")
                                .arg(mean.difference.halfWidth)
                                .arg(std::hypot(mean.a.halfWidth, mean.b.halfWidth))));
    }

    void one_instance_more_lowers_p95_and_raises_cost()
    {
        const auto comparison =
            analysis::compareDesigns(erlangQueue(3400, 1, 4), erlangQueue(3400, 2, 4), plan(5, 10));
        const auto& p95 = figure(comparison, "p95_ms");
        QVERIFY2(p95.difference.upper() < 0,
                 qPrintable(QString("p95 B - A = %1 +- %2 ms").arg(p95.difference.mean).arg(p95.difference.halfWidth)));
        QVERIFY(figure(comparison, "cost_per_month").difference.lower() > 0);
        // The same traffic is served either way.
        QVERIFY(!figure(comparison, "throughput_rps").significant());
    }

    void a_figure_a_design_lacks_is_not_a_number()
    {
        const auto design = erlangQueue(100, 1, 1);
        const auto comparison = analysis::compareDesigns(design, design, plan(2, 1), {{"nosuch.utilization", "server.utilization"}});
        const auto* row = comparison.find("nosuch.utilization", "server.utilization");
        QVERIFY(row);
        QVERIFY(std::isnan(row->a.mean));
        QVERIFY(!row->significant());
    }
};

QTEST_APPLESS_MAIN(PairedComparisonTest)
#include "PairedComparisonTest.moc"
