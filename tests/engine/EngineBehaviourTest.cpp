// Behaviour of the engine beyond single queues: determinism, load
// balancing, cascades through synchronous calls, live edits, retries and
// bounded memory.
#include "SimTestSupport.h"
#include "analysis/Queueing.h"
#include "model/Registry.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// client -> load balancer -> a fast and a slow server (one worker each).
model::Architecture unequalServers(const std::string& algorithm)
{
    model::Architecture design;
    model::Block balancer = model::makeBlock("load_balancer", "lb");
    balancer.params["overhead_ms"] = 0;
    balancer.params["algorithm"] = model::choiceValue("load_balancer", "algorithm", algorithm);
    design.blocks = {patientClient("client", 400), balancer, service("fast", 1, 1, 1.0, 1.0),
                     service("slow", 1, 1, 4.0, 1.0)};
    design.links = {wire("client", "lb"), wire("lb", "fast"), wire("lb", "slow")};
    return design;
}

// client (timeout 500 ms) -> app (4 x 16 workers) -> database whose query time we vary.
model::Architecture appWithDatabase(double queryMs, double appTimeoutMs)
{
    model::Architecture design;
    model::Block client = patientClient("client", 200);
    client.params["timeout_ms"] = 500;
    model::Block app = service("app", 4, 16, 5.0, 1.0, 100);
    app.params["timeout_ms"] = appTimeoutMs;
    model::Block db = model::makeBlock("database", "db");
    db.params["workers"] = 8;
    db.params["read_time_ms"] = queryMs;
    db.params["write_time_ms"] = queryMs;
    db.params["queue_capacity"] = 100'000;
    db.params["max_connections"] = 100'000;
    design.blocks = {client, app, db};
    design.links = {wire("client", "app"), wire("app", "db")};
    return design;
}

std::vector<double> seriesMeans(const stats::Snapshot& snap)
{
    std::vector<double> means;
    for (const auto& sample : snap.series)
        means.push_back(sample.meanMs);
    return means;
}


} // namespace

class EngineBehaviourTest : public QObject {
    Q_OBJECT

private slots:
    void same_seed_gives_identical_runs_and_other_seeds_differ()
    {
        model::Architecture design = unequalServers("power_of_two");
        const auto a = simulate(design, 5, 60, 7, 1);
        const auto b = simulate(design, 5, 60, 7, 1);
        const auto c = simulate(design, 5, 60, 8, 1);
        QCOMPARE(a.events, b.events);
        QCOMPARE(a.completed, b.completed);
        QCOMPARE(a.latency.meanMs, b.latency.meanMs);
        QCOMPARE(seriesMeans(a), seriesMeans(b));
        QVERIFY2(a.completed != c.completed || a.latency.meanMs != c.latency.meanMs,
                 "a different seed gave the very same run");
    }

    void least_connections_beats_round_robin_on_unequal_servers()
    {
        // Round robin sends half the traffic to the slow server: utilisation
        // 200 x 4 ms = 0.8 there. Least connections steers away from it.
        const auto roundRobin = simulate(unequalServers("round_robin"), 10, 300);
        const auto leastConnections = simulate(unequalServers("least_connections"), 10, 300);
        auto interval = [](const stats::Snapshot& snap) {
            return windowInterval(
                measuredWindows(snap.series, 10), [](const stats::WindowSample& s) { return s.meanMs; },
                [](const stats::WindowSample& s) { return s.throughputPerSecond; });
        };
        const auto rr = interval(roundRobin), lc = interval(leastConnections);
        QVERIFY2(lc.upper() < rr.lower(),
                 qPrintable(QString("least connections %1 +/- %2 ms, round robin %3 +/- %4 ms")
                                .arg(lc.mean).arg(lc.halfWidth).arg(rr.mean).arg(rr.halfWidth)));
        QVERIFY(block(leastConnections, "fast").arrivals > block(leastConnections, "slow").arrivals);
        // Round robin splits exactly in turns.
        QVERIFY(std::abs(double(block(roundRobin, "fast").arrivals) - double(block(roundRobin, "slow").arrivals)) <= 1);
    }

    void slow_database_makes_client_timeouts_climb()
    {
        // 200 rps x 20 ms over 8 workers: utilisation 0.5, fine. At 60 ms the
        // database needs 12 busy workers: it saturates, app workers wait on
        // it, and clients time out.
        const auto healthy = simulate(appWithDatabase(20, 0), 5, 60);
        const auto slow = simulate(appWithDatabase(60, 0), 5, 60);
        QCOMPARE(healthy.errors[sim::Outcome::Timeout], uint64_t{0});
        QVERIFY2(slow.errors[sim::Outcome::Timeout] > slow.requests / 4,
                 qPrintable(QString("only %1 timeouts out of %2").arg(slow.errors[sim::Outcome::Timeout])
                                .arg(slow.requests)));
        // The slowness climbed: the app's workers are held while they wait.
        QVERIFY(block(slow, "app").utilization > 2 * block(healthy, "app").utilization);
    }

    void app_timeout_frees_workers_and_fails_fast()
    {
        // With a 100 ms timeout at the app, requests fail fast with a
        // timeout instead of piling up behind the saturated database.
        const auto contained = simulate(appWithDatabase(60, 100), 5, 60);
        const auto& app = block(contained, "app");
        QVERIFY(app.errors[sim::Outcome::Timeout] > 0);
        QVERIFY2(contained.latency.p99Ms < 150,
                 qPrintable(QString("p99 of successful requests %1 ms").arg(contained.latency.p99Ms)));
    }

    void more_instances_halve_utilisation_live()
    {
        model::Architecture design;
        design.blocks = {patientClient("client", 600), service("app", 3, 1, 2.0, 1.0)};
        design.links = {wire("client", "app")};
        sim::SimulatorOptions options;
        sim::Simulator simulator(design, 3, options);
        simulator.runUntil(sim::fromSeconds(20));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(220));
        const double before = simulator.snapshot().blocks[1].utilization; // 600 x 2 ms / 3 = 0.4
        QCOMPARE(simulator.setParam("app", "instances", 6), std::string());
        simulator.runUntil(sim::fromSeconds(240));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(440));
        const double after = simulator.snapshot().blocks[1].utilization;
        QVERIFY2(std::abs(before - 0.4) < 0.01 && std::abs(after - 0.2) < 0.01,
                 qPrintable(QString("utilisation %1 with 3 instances, %2 with 6").arg(before).arg(after)));
        QVERIFY(!simulator.setParam("app", "instances", 0).empty());
        QVERIFY(!simulator.setParam("app", "no_such", 1).empty());
    }

    void retries_add_attempts_and_recover_rejections()
    {
        // One worker, no queue (M/M/1/1): at offered load 0.5 a third of
        // requests find it busy (Erlang B). Retries after 50 ms mostly
        // succeed, at the price of extra attempts that raise the load.
        auto design = [](int retries) {
            model::Architecture d;
            model::Block client = patientClient("client", 250);
            client.params["retries"] = retries;
            client.params["retry_backoff_ms"] = 50;
            d.blocks = {client, service("app", 1, 1, 2.0, 1.0, 0)};
            d.links = {wire("client", "app")};
            return d;
        };
        const auto plain = simulate(design(0), 5, 300);
        const double blocking = analysis::erlangB(250 * 0.002, 1);
        const auto rejected = windowInterval(
            measuredWindows(plain.series, 5),
            [](const stats::WindowSample& s) { return s.errorsTotalPerSecond() / s.arrivalsPerSecond; },
            [](const stats::WindowSample& s) { return s.arrivalsPerSecond; });
        QVERIFY2(rejected.contains(blocking), qPrintable(describe("M/M/1/1 loss probability", blocking, rejected)));

        const auto retried = simulate(design(2), 5, 300);
        const auto& client = block(retried, "client");
        const double attempts = client.extras.at("attempts");
        QCOMPARE(attempts, double(retried.requests) + client.extras.at("retries"));
        QVERIFY(attempts > retried.requests * (1 + blocking / 2));
        const double failedPlain = double(plain.errors.total()) / plain.requests;
        const double failedRetried = double(retried.errors.total()) / retried.requests;
        QVERIFY2(failedRetried < failedPlain / 2,
                 qPrintable(QString("failed: %1 without retries, %2 with two").arg(failedPlain).arg(failedRetried)));
    }

    void connection_pool_queues_calls_like_an_mmc()
    {
        // The app does no work of its own and the database has workers to
        // spare, but the app's pool holds 2 connections: calls queue for a
        // connection as in M/M/2 with the database's exponential 5 ms.
        model::Architecture design;
        model::Block db = model::makeBlock("database", "db");
        db.params["workers"] = 64;
        db.params["read_time_ms"] = 5;
        db.params["service_cv"] = 1;
        db.params["max_connections"] = 10'000;
        design.blocks = {patientClient("client", 300), service("app", 1, 1000, 0, 0), db};
        model::Link pooled = wire("app", "db");
        pooled.params["pool_size"] = 2;
        design.links = {wire("client", "app"), pooled};
        const auto snap = simulate(design, 10, 600);
        const double theory = analysis::mmc(300, 200, 2).meanResponse * 1000;
        const auto mean = windowInterval(
            measuredWindows(snap.series, 10), [](const stats::WindowSample& s) { return s.meanMs; },
            [](const stats::WindowSample& s) { return s.throughputPerSecond; });
        QVERIFY2(mean.contains(theory), qPrintable(describe("pooled calls mean ms (M/M/2)", theory, mean)));
        // The database itself never holds more than the pool's 2 requests.
        QVERIFY(block(snap, "db").utilization * 64 < 2.0 + 1e-9);
    }

    void memory_does_not_grow_with_run_length()
    {
        model::Architecture design;
        design.blocks = {patientClient("client", 1000), service("app", 2, 4, 3.0, 1.0)};
        design.links = {wire("client", "app")};
        sim::Simulator simulator(design, 11);
        simulator.runUntil(sim::fromSeconds(60));
        const size_t afterMinute = simulator.poolCapacity();
        simulator.runUntil(sim::fromSeconds(3600));
        const size_t afterHour = simulator.poolCapacity();
        // 60 times the run, not 60 times the memory: the pools hold what is
        // in flight at the peak, which grows only with the rare extremes.
        QVERIFY2(afterHour < 2 * afterMinute,
                 qPrintable(QString("pool slots: %1 after a minute, %2 after an hour").arg(afterMinute).arg(afterHour)));
        const auto snap = simulator.snapshot(true);
        QVERIFY(snap.series.size() <= sim::SimulatorOptions{}.windowCapacity);
    }
};

QTEST_APPLESS_MAIN(EngineBehaviourTest)
#include "EngineBehaviourTest.moc"
