// The capacity sweep: load scaling, the knee rule, and a swept M/M/1 whose
// simulated and analytic figures must agree with queueing theory.
#include "SimTestSupport.h"
#include "analysis/CapacitySweep.h"
#include "model/RampStages.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kServiceMs = 1.0; // mu = 1,000 rps

// One patient client at 1,000 rps in front of one M/M/1 server: load factor = utilisation.
model::Architecture mm1(double linkLatencyMs = 0)
{
    model::Architecture design;
    design.blocks = {patientClient("client", 1000), service("server", 1, 1, kServiceMs, 1.0)};
    design.links = {wire("client", "server", linkLatencyMs)};
    return design;
}

analysis::SweepPoint point(double load, double offered, double throughput, double p95)
{
    analysis::SweepPoint p;
    p.loadFactor = load;
    p.offeredRps = offered;
    p.throughputRps = throughput;
    p.p95Ms = p95;
    return p;
}

} // namespace

class CapacitySweepTest : public QObject {
    Q_OBJECT

private slots:
    void factors_are_evenly_spaced_with_both_ends()
    {
        const auto factors = analysis::sweepFactors(0.1, 1.5, 15);
        QCOMPARE(factors.size(), size_t(15));
        QCOMPARE(factors.front(), 0.1);
        QVERIFY(std::abs(factors.back() - 1.5) < 1e-12);
        QVERIFY(std::abs(factors[1] - 0.2) < 1e-12);
        QCOMPARE(analysis::sweepFactors(0.5, 2, 1), std::vector<double>{0.5});
        QVERIFY(analysis::sweepFactors(0.5, 2, 0).empty());
    }

    void scaling_multiplies_every_clients_load_and_nothing_else()
    {
        model::Architecture design = mm1();
        model::Block closed = model::makeBlock("client", "vus");
        closed.params["virtual_users"] = 40;
        closed.texts["ramp_stages"] = "30s:1000, 1m:200";
        design.blocks.push_back(closed);
        design.links.push_back(wire("vus", "server"));

        const model::Architecture scaled = analysis::scaleLoad(design, 1.5);
        QCOMPARE(scaled.findBlock("client")->param("rate_rps"), 1500.0);
        QCOMPARE(scaled.findBlock("vus")->param("virtual_users"), 60.0);
        std::string error;
        const auto stages = model::parseRampStages(scaled.findBlock("vus")->text("ramp_stages"), error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(stages.size(), size_t(2));
        QCOMPARE(stages[0].durationS, 30.0);
        QCOMPARE(stages[0].targetRps, 1500.0);
        QCOMPARE(stages[1].durationS, 60.0);
        QCOMPARE(stages[1].targetRps, 300.0);
        QCOMPARE(scaled.findBlock("server")->params, design.findBlock("server")->params);
    }

    void knee_rule_fires_on_latency_doubling_or_lost_throughput()
    {
        using analysis::findKnee;
        QCOMPARE(findKnee({}), -1);
        QCOMPARE(findKnee({point(0.1, 100, 100, 10), point(0.5, 500, 499, 19), point(1, 1000, 990, 19.9)}), -1);
        QCOMPARE(findKnee({point(0.1, 100, 100, 10), point(0.5, 500, 499, 15), point(1, 1000, 999, 21)}), 2);
        QCOMPARE(findKnee({point(0.1, 100, 100, 10), point(0.5, 500, 470, 12), point(1, 1000, 900, 40)}), 1);
        // A first point that completed nothing does not set the low-load latency.
        QCOMPARE(findKnee({point(0, 0, 0, 0), point(0.5, 500, 500, 10), point(1, 1000, 1000, 19)}), -1);
    }

    void mm1_throughput_follows_offered_load_below_saturation()
    {
        for (double load : {0.2, 0.5, 0.8}) {
            const auto p = analysis::runSweepPoint(mm1(), load, 1, 5, 30);
            QVERIFY2(std::abs(p.offeredRps - 1000 * load) < 0.03 * 1000 * load,
                     qPrintable(QString("offered %1 rps at load %2, expected about %3").arg(p.offeredRps).arg(load).arg(1000 * load)));
            QVERIFY2(std::abs(p.throughputRps - p.offeredRps) < 0.01 * p.offeredRps,
                     qPrintable(QString("throughput %1 rps does not follow offered %2 rps at utilisation %3")
                                    .arg(p.throughputRps).arg(p.offeredRps).arg(load)));
            QCOMPARE(p.errorRate, 0.0);
            QVERIFY(std::abs(p.analyticBottleneckUtilization - load) < 1e-9);
        }
    }

    void mm1_analytic_mean_is_one_over_mu_minus_lambda()
    {
        const double lambda = 500, mu = 1000 / kServiceMs;
        const auto p = analysis::runSweepPoint(mm1(), lambda / 1000, 1, 5, 60);
        const double theoryMs = 1000 / (mu - lambda);
        QVERIFY2(std::abs(p.analyticMeanMs - theoryMs) < 1e-9,
                 qPrintable(QString("analytic mean %1 ms, 1/(mu-lambda) = %2 ms").arg(p.analyticMeanMs).arg(theoryMs)));
        // The simulation agrees within a few percent (36,000 requests at utilisation 0.5).
        QVERIFY2(std::abs(p.meanMs - theoryMs) < 0.08 * theoryMs,
                 qPrintable(QString("simulated mean %1 ms, theory %2 ms").arg(p.meanMs).arg(theoryMs)));

        const auto over = analysis::runSweepPoint(mm1(), 1.2, 1, 1, 5);
        QVERIFY2(std::isinf(over.analyticMeanMs), "a saturated server has no finite analytic mean");
        QVERIFY(over.analyticBottleneckUtilization > 1.19);
        QVERIFY2(over.throughputRps < 0.9 * over.offeredRps,
                 qPrintable(QString("overloaded: throughput %1 of %2 rps offered").arg(over.throughputRps).arg(over.offeredRps)));
    }

    void knee_of_a_server_behind_a_network_hop_is_near_saturation()
    {
        // 20 ms of round-trip network delay: p95 doubles only when the
        // server's own p95 (ln 20 / (mu - lambda)) reaches ~27 ms, at
        // utilisation ~0.89; beyond 1 throughput cannot follow anyway.
        const auto design = mm1(10);
        std::vector<analysis::SweepPoint> points;
        for (double load : analysis::sweepFactors(0.1, 1.5, 15))
            points.push_back(analysis::runSweepPoint(design, load, 7, 5, 30));
        const int knee = analysis::findKnee(points);
        QVERIFY2(knee >= 0, "no knee found up to 150% load");
        const double kneeLoad = points[size_t(knee)].loadFactor;
        QVERIFY2(kneeLoad >= 0.8 - 1e-9 && kneeLoad <= 1.0 + 1e-9,
                 qPrintable(QString("knee at utilisation %1 (p95 %2 ms, low-load p95 %3 ms), expected 0.8 to 1.0")
                                .arg(kneeLoad).arg(points[size_t(knee)].p95Ms).arg(points[0].p95Ms)));
        for (int i = 0; i < knee; ++i)
            QVERIFY2(std::isfinite(points[size_t(i)].analyticMeanMs), "below the knee the analytic model is finite");
    }
};

QTEST_APPLESS_MAIN(CapacitySweepTest)
#include "CapacitySweepTest.moc"
