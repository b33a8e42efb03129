// The what-to-try claims of the examples of stage 4's service patterns:
// scaling-5-cqrs (CQRS and event sourcing) and api-gateway-microservices
// (Layer 7 routing and a checkout saga), checked on the files and on the
// variations the texts ask for. Tolerances as in ExampleClaimsTest: about
// 3.29 sigma where the figure follows from the rates (shares of a Poisson
// stream, binomial failure rates, utilisation from the offered work), 15%
// for latencies, which have no closed form here.
#include "ClaimChecks.h"

#include "io/ScenarioFile.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kZ = 3.29;
constexpr double kSeconds = 30;

void addErrors(model::Architecture& design, const char* id, double probability)
{
    model::Fault fault;
    fault.action = "error_rate";
    fault.block = id;
    fault.value = probability;
    design.faults.push_back(fault);
}

QString figure(const char* what, double measured, double stated, double tolerance)
{
    return QString("%1: measured %2, the text says %3 (+/- %4)").arg(what).arg(measured, 0, 'g', 4).arg(stated, 0, 'g', 4)
        .arg(tolerance, 0, 'g', 3);
}

double extra(const stats::Snapshot& snap, const char* id, const char* name)
{
    return block(snap, id).extras.at(name);
}

} // namespace

class ServicePatternExamplesTest : public QObject {
    Q_OBJECT

private slots:
    void cqrs_reads_scale_on_the_read_side_alone()
    {
        model::Architecture design = example("scaling-5-cqrs.scalelab");
        const stats::Snapshot base = simulate(design, 5, kSeconds, 1);
        QVERIFY2(std::abs(base.latency.p95Ms - 37) < 0.15 * 37, qPrintable(figure("p95 ms", base.latency.p95Ms, 37, 0.15 * 37)));

        set(design, "users", "rate_rps", 7000);
        const stats::Snapshot busy = simulate(design, 5, kSeconds, 1);
        QVERIFY2(extra(busy, "store", "read_model_utilization") > 0.99,
                 qPrintable(figure("read model busy", extra(busy, "store", "read_model_utilization"), 1, 0.01)));
        QVERIFY2(std::abs(busy.latency.p95Ms - 170) < 0.15 * 170, qPrintable(figure("p95 ms", busy.latency.p95Ms, 170, 0.15 * 170)));
        const double refused = double(busy.errors[sim::Outcome::Rejected]) / double(busy.requests);
        QVERIFY2(std::abs(refused - 0.05) < 0.01, qPrintable(figure("share rejected_503", refused, 0.05, 0.01)));
        QVERIFY2(std::abs(extra(busy, "store", "append_mean_ms") - 5) < 0.15 * 5,
                 qPrintable(figure("append ms", extra(busy, "store", "append_mean_ms"), 5, 0.75)));

        set(design, "store", "read_instances", 6);
        const stats::Snapshot wide = simulate(design, 5, kSeconds, 1);
        QCOMPARE(wide.errors.total(), uint64_t(0));
        QVERIFY2(std::abs(wide.latency.p95Ms - 37) < 0.15 * 37, qPrintable(figure("p95 ms", wide.latency.p95Ms, 37, 0.15 * 37)));
        // The log node does the appends that reach it, 5 ms each on 8
        // workers, whatever the read side does (a saturated read side only
        // costs it the writes the app refused before they reached it).
        for (const stats::Snapshot* snap : {&busy, &wide}) {
            const double appends = extra(*snap, "store", "events_appended") / snap->measuredSeconds;
            const double logBusy = appends * 0.005 / 8, logBand = kZ * std::sqrt(2 / (appends * kSeconds)) * logBusy;
            QVERIFY2(std::abs(extra(*snap, "store", "log_utilization") - logBusy) < logBand,
                     qPrintable(figure("log busy", extra(*snap, "store", "log_utilization"), logBusy, logBand)));
        }
    }

    void cqrs_projection_falls_behind_and_replays()
    {
        model::Architecture design = example("scaling-5-cqrs.scalelab");
        set(design, "users", "rate_rps", 7000);
        set(design, "store", "read_instances", 6);
        set(design, "store", "projection_workers", 1);
        sim::Simulator simulator(design, 1);
        simulator.runUntil(sim::fromSeconds(20));
        const double early = block(simulator.snapshot(), "store").extras.at("projection_lag_events");
        simulator.runUntil(sim::fromSeconds(50));
        const double growth = (block(simulator.snapshot(), "store").extras.at("projection_lag_events") - early) / 30;
        const double band = kZ * std::sqrt(700 * 30.0) / 30 + 0.1; // appends are Poisson
        QVERIFY2(std::abs(growth - 200) < band, qPrintable(figure("lag growth per s", growth, 200, band)));

        model::Architecture base = example("scaling-5-cqrs.scalelab");
        model::Fault lose;
        lose.action = "lose_projection";
        lose.block = "store";
        lose.atS = 30;
        base.faults.push_back(lose);
        const stats::Snapshot replayed = simulate(base, 5, 55, 1);
        QVERIFY2(std::abs(extra(replayed, "store", "replay_s") - 20) < 0.5,
                 qPrintable(figure("replay s", extra(replayed, "store", "replay_s"), 20, 0.5)));
        const double refusedBand = kZ * std::sqrt(3600 * 20.1);
        QVERIFY2(std::abs(extra(replayed, "store", "reads_refused") - 3600 * extra(replayed, "store", "replay_s")) < refusedBand,
                 qPrintable(figure("reads refused", extra(replayed, "store", "reads_refused"), 3600 * 20, refusedBand)));
    }

    void gateway_routes_by_share_and_costs_cpu()
    {
        model::Architecture design = example("api-gateway-microservices.scalelab");
        const stats::Snapshot snap = simulate(design, 5, kSeconds, 1);
        const std::map<std::string, double> stated = {{"feed", 1400}, {"posts", 400}, {"checkout", 200}};
        for (const auto& [id, rps] : stated) {
            const double measured = double(block(snap, id).arrivals) / snap.measuredSeconds;
            const double band = kZ * std::sqrt(rps * kSeconds) / kSeconds;
            QVERIFY2(std::abs(measured - rps) < band, qPrintable(figure((id + " rps").c_str(), measured, rps, band)));
        }
        const double cores = 2000 * 0.0015 / 8;
        QVERIFY2(std::abs(block(snap, "gateway").utilization - cores) < 0.02,
                 qPrintable(figure("gateway busy", block(snap, "gateway").utilization, cores, 0.02)));

        set(design, "gateway", "workers", 1);
        const stats::Snapshot saturated = simulate(design, 5, kSeconds, 1);
        QVERIFY2(block(saturated, "gateway").utilization > 0.99, "one core per instance: the gateway saturates");
        QVERIFY2(saturated.latency.p95Ms > 1500, qPrintable(figure("p95 ms", saturated.latency.p95Ms, 1500, 0)));
    }

    void checkout_saga_fails_and_compensates_as_stated()
    {
        model::Architecture design = example("api-gateway-microservices.scalelab");
        addErrors(design, "payments", 0.2);
        const stats::Snapshot one = simulate(design, 5, kSeconds, 1);
        const double sagas = extra(one, "checkout", "sagas");
        const double band = kZ * std::sqrt(0.2 * 0.8 / sagas);
        QVERIFY2(std::abs(extra(one, "checkout", "saga_failure_rate") - 0.2) < band,
                 qPrintable(figure("saga failure rate", extra(one, "checkout", "saga_failure_rate"), 0.2, band)));
        QVERIFY2(std::abs(extra(one, "checkout", "compensated_rate") - 0.2) < band,
                 qPrintable(figure("compensated rate", extra(one, "checkout", "compensated_rate"), 0.2, band)));

        addErrors(design, "shipping", 0.2);
        const stats::Snapshot two = simulate(design, 5, kSeconds, 1);
        const double both = 1 - 0.8 * 0.8, bothBand = kZ * std::sqrt(both * (1 - both) / extra(two, "checkout", "sagas"));
        QVERIFY2(std::abs(extra(two, "checkout", "saga_failure_rate") - both) < bothBand,
                 qPrintable(figure("saga failure rate", extra(two, "checkout", "saga_failure_rate"), both, bothBand)));
        QVERIFY2(extra(two, "checkout", "compensation_failures") > 0, "undoes of payments fail in turn");
    }
};

QTEST_APPLESS_MAIN(ServicePatternExamplesTest)
#include "ServicePatternExamplesTest.moc"
