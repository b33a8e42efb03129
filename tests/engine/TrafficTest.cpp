// Client traffic: profiles of the open model (ramp, spike, diurnal) deliver
// the arrivals their curve integrates to, and the closed model matches mean
// value analysis and the interactive response-time law.
#include "SimTestSupport.h"
#include "analysis/ClosedLoop.h"
#include "model/Registry.h"
#include "stats/ConfidenceInterval.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// A client with the given profile into a service that never queues, so
// arrivals are exactly what the profile sends.
model::Architecture profiled(model::Block client)
{
    model::Architecture design;
    design.blocks = {client, service("sink", 1, 100'000, 0.1, 0.0)};
    design.links = {wire("client", "sink")};
    return design;
}

// Arrivals per window of the client, from a run of `seconds` with 1 s windows.
std::vector<double> arrivalsPerSecond(const model::Architecture& design, double seconds)
{
    sim::SimulatorOptions options;
    options.windowCapacity = static_cast<size_t>(seconds) + 1;
    sim::Simulator simulator(design, 17, options);
    simulator.runUntil(sim::fromSeconds(seconds));
    std::vector<double> counts;
    const stats::Snapshot snap = simulator.snapshot(true); // kept alive: the loop reads into it
    for (const auto& sample : snap.blocks[0].series)
        counts.push_back(sample.arrivalsPerSecond);
    return counts;
}

double sum(const std::vector<double>& values, size_t from, size_t to)
{
    double total = 0;
    for (size_t i = from; i < to; ++i)
        total += values[i];
    return total;
}

// A Poisson count with mean `expected` lies within 3.29 standard deviations
// of it with probability 99.9%.
void verifyPoissonCount(double observed, double expected, const char* what)
{
    const double band = 3.29 * std::sqrt(expected);
    QVERIFY2(std::abs(observed - expected) <= band,
             qPrintable(QString("%1: %2 arrivals, expected %3 +/- %4").arg(what).arg(observed).arg(expected).arg(band)));
}

} // namespace

class TrafficTest : public QObject {
    Q_OBJECT

private slots:
    void ramp_follows_its_stages()
    {
        model::Block client = patientClient("client", 0);
        client.params["profile"] = choiceValue("client", "profile", "ramp");
        client.texts["ramp_stages"] = "10s:1000, 10s:1000, 10s:0";
        const auto counts = arrivalsPerSecond(profiled(client), 40);
        verifyPoissonCount(sum(counts, 0, 10), 5000, "ramp up, 0 to 1,000 rps over 10 s");
        verifyPoissonCount(sum(counts, 10, 20), 10000, "hold at 1,000 rps for 10 s");
        verifyPoissonCount(sum(counts, 20, 30), 5000, "ramp down to 0 over 10 s");
        QCOMPARE(sum(counts, 30, 40), 0.0); // the last target holds: 0
        // Within the ramp the rate rises: the last second of it carries more than the first.
        QVERIFY(counts[9] > 5 * counts[0]);
    }

    void spike_multiplies_the_base_rate_for_its_duration()
    {
        model::Block client = patientClient("client", 200);
        client.params["profile"] = choiceValue("client", "profile", "spike");
        client.params["spike_multiplier"] = 10;
        client.params["spike_start_s"] = 20;
        client.params["spike_duration_s"] = 10;
        const auto counts = arrivalsPerSecond(profiled(client), 40);
        verifyPoissonCount(sum(counts, 0, 20), 200 * 20, "before the spike");
        verifyPoissonCount(sum(counts, 20, 30), 2000 * 10, "during the 10x spike");
        verifyPoissonCount(sum(counts, 30, 40), 200 * 10, "after the spike");
    }

    void diurnal_cycle_averages_to_the_base_rate()
    {
        model::Block client = patientClient("client", 500);
        client.params["profile"] = choiceValue("client", "profile", "diurnal");
        client.params["diurnal_amplitude"] = 0.8;
        client.params["diurnal_period_s"] = 40;
        const auto counts = arrivalsPerSecond(profiled(client), 40);
        verifyPoissonCount(sum(counts, 0, 40), 500 * 40, "one full cycle");
        // The first half-period is the day (above the mean), the second the night.
        const double day = 500 * 20 + 500 * 0.8 * 40 / M_PI; // integral of the sine's positive half
        verifyPoissonCount(sum(counts, 0, 20), day, "the day half");
    }

    void closed_loop_matches_mean_value_analysis()
    {
        // 60 users thinking 100 ms on average against one exponential 2 ms
        // server: near saturation, so the users themselves throttle the load.
        const int users = 60;
        const double thinkS = 0.1, serviceS = 0.002;
        model::Block client = patientClient("client", 0);
        client.params["arrival_model"] = choiceValue("client", "arrival_model", "closed");
        client.params["virtual_users"] = users;
        client.params["think_time_ms"] = thinkS * 1000;
        model::Architecture design;
        design.blocks = {client, service("server", 1, 1, serviceS * 1000, 1.0)};
        design.links = {wire("client", "server")};
        const auto snap = simulate(design, 20, 600);
        const auto windows = measuredWindows(snap.series, 20);
        const auto theory = analysis::mvaSingleStation(users, serviceS, thinkS);

        const auto throughput = windowInterval(
            windows, [](const stats::WindowSample& s) { return s.throughputPerSecond; },
            [](const stats::WindowSample&) { return 1.0; });
        QVERIFY2(throughput.contains(theory.throughput),
                 qPrintable(describe("closed-loop throughput /s", theory.throughput, throughput)));
        const auto response = windowInterval(
            windows, [](const stats::WindowSample& s) { return s.meanMs; },
            [](const stats::WindowSample& s) { return s.throughputPerSecond; });
        QVERIFY2(response.contains(theory.meanResponse * 1000),
                 qPrintable(describe("closed-loop response ms", theory.meanResponse * 1000, response)));
        // The interactive response-time law ties the measured means together.
        const double law = users / (snap.latency.meanMs / 1000 + thinkS);
        QVERIFY2(std::abs(snap.throughputRps - law) < 0.01 * law,
                 qPrintable(QString("X = %1/s, N / (R + Z) = %2/s").arg(snap.throughputRps).arg(law)));
    }

    void closed_loop_users_can_be_changed_live()
    {
        model::Block client = patientClient("client", 0);
        client.params["arrival_model"] = choiceValue("client", "arrival_model", "closed");
        client.params["virtual_users"] = 10;
        client.params["think_time_ms"] = 100;
        model::Architecture design;
        design.blocks = {client, service("server", 1, 64, 1.0, 1.0)};
        design.links = {wire("client", "server")};
        sim::Simulator simulator(design, 5);
        simulator.runUntil(sim::fromSeconds(10));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(70));
        const double tenUsers = simulator.snapshot().throughputRps; // about 10 / 0.101 = 99/s
        QCOMPARE(simulator.setParam("client", "virtual_users", 30), std::string());
        simulator.runUntil(sim::fromSeconds(80));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(140));
        const double thirtyUsers = simulator.snapshot().throughputRps;
        QVERIFY2(std::abs(thirtyUsers / tenUsers - 3) < 0.15,
                 qPrintable(QString("%1/s with 10 users, %2/s with 30").arg(tenUsers).arg(thirtyUsers)));
        QCOMPARE(simulator.snapshot().blocks[0].extras.at("virtual_users"), 30.0);
    }
};

QTEST_APPLESS_MAIN(TrafficTest)
#include "TrafficTest.moc"
