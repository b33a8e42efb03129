// Connection pools on links (sim/ConnectionPool.h) against queueing theory:
// a pool of c connections held for an exponential time is an M/M/c queue
// (Erlang C), and with an acquire timeout an M/M/c+D queue whose waiters
// give up after a fixed patience (analysis::mmcDeterministicPatience).
// Confidence intervals by batch means: the run is cut into 40 batches of
// 50 s (the statistics are reset between them), each far longer than the
// queue's relaxation time (well under a second here).
#include "SimTestSupport.h"
#include "analysis/Queueing.h"
#include "core/FigureNames.h"
#include "model/Registry.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr int kBatches = 40;
constexpr double kBatchS = 50;

// A database whose own capacity never binds: `connections` calls at once
// hold a connection each for an exponential time of mean `holdMs`.
model::Block roomyDatabase(const std::string& id, double holdMs)
{
    model::Block db = model::makeBlock("database", id);
    db.params["workers"] = 10'000;
    db.params["read_time_ms"] = holdMs;
    db.params["service_cv"] = 1;
    db.params["max_connections"] = 1'000'000;
    db.params["queue_capacity"] = 1'000'000;
    return db;
}

// client -> app (no work of its own, workers to spare) -> db over a link
// pooling `poolSize` connections per app instance.
model::Architecture pooledDesign(double rateRps, int poolSize, double holdMs, double poolTimeoutMs)
{
    model::Architecture design;
    model::Link pooled = wire("app", "db");
    pooled.params["pool_size"] = poolSize;
    pooled.params["pool_timeout_ms"] = poolTimeoutMs;
    design.blocks = {patientClient("client", rateRps), service("app", 1, 100'000, 0, 0), roomyDatabase("db", holdMs)};
    design.links = {wire("client", "app"), pooled};
    return design;
}

double extra(const stats::BlockSnapshot& block, const char* name)
{
    return block.extras.at(name);
}

// Per-batch figures of the app's pool.
struct PoolBatches {
    std::vector<double> waitedShare, timeoutShare, meanWaitMs, p95WaitMs, maxWaitMs;
    std::vector<double> clientPoolTimeouts, poolTimeouts;
};

PoolBatches runBatches(const model::Architecture& design, uint64_t seed)
{
    sim::Simulator simulator(design, seed);
    simulator.runUntil(sim::fromSeconds(10));
    PoolBatches batches;
    for (int b = 0; b < kBatches; ++b) {
        simulator.resetStats();
        simulator.runFor(sim::fromSeconds(kBatchS));
        const stats::Snapshot snap = simulator.snapshot();
        const stats::BlockSnapshot& app = block(snap, "app");
        const double asked = extra(app, figures::kPoolCalls) + extra(app, figures::kPoolTimeouts);
        batches.waitedShare.push_back(extra(app, figures::kPoolWaited) / asked);
        batches.timeoutShare.push_back(extra(app, figures::kPoolTimeouts) / asked);
        batches.meanWaitMs.push_back(extra(app, figures::kPoolWaitMeanMs));
        batches.p95WaitMs.push_back(extra(app, figures::kPoolWaitP95Ms));
        batches.maxWaitMs.push_back(extra(app, figures::kPoolWaitMaxMs));
        batches.poolTimeouts.push_back(extra(app, figures::kPoolTimeouts));
        batches.clientPoolTimeouts.push_back(double(snap.errors[sim::Outcome::PoolTimeout]));
    }
    return batches;
}

stats::ConfidenceInterval interval(const std::vector<double>& values)
{
    return stats::batchMeansInterval(values, kConfidence);
}

} // namespace

class ConnectionPoolTest : public QObject {
    Q_OBJECT

private slots:
    void pool_waits_match_erlang_c()
    {
        // c = 4 connections, each held 10 ms (mu = 100/s), 300 calls/s: a = 3
        // erlangs, rho = 0.75. Erlang C: 50.9% of calls wait, 5.09 ms on
        // average, and P(Wq > t) = C e^{-(c mu - lambda) t} puts the p95 at
        // ln(C / 0.05) / 100 = 23.2 ms. The timeout (30 s) never fires.
        const double lambda = 300, mu = 100;
        const int c = 4;
        const PoolBatches batches = runBatches(pooledDesign(lambda, c, 1000 / mu, 30'000), 1);
        const double erlangC = analysis::erlangC(lambda / mu, c);
        const auto waited = interval(batches.waitedShare);
        QVERIFY2(waited.contains(erlangC), qPrintable(describe("share of calls that wait (Erlang C)", erlangC, waited)));
        const double wq = analysis::mmc(lambda, mu, c).meanWait * 1000;
        const auto meanWait = interval(batches.meanWaitMs);
        QVERIFY2(meanWait.contains(wq), qPrintable(describe("mean pool wait ms (M/M/4 Wq)", wq, meanWait)));
        // The histogram's p95 is within 1/256 of the sample's; widen by that.
        const double p95 = analysis::mmcWaitQuantile(lambda, mu, c, 0.95) * 1000;
        auto p95Wait = interval(batches.p95WaitMs);
        p95Wait.halfWidth += p95 * stats::LatencyHistogram::kRelativeError;
        QVERIFY2(p95Wait.contains(p95), qPrintable(describe("p95 pool wait ms (M/M/4)", p95, p95Wait)));
        QCOMPARE(interval(batches.poolTimeouts).mean, 0.0);
    }

    void pool_timeout_matches_mmc_with_fixed_patience()
    {
        // The same pool overloaded: 500 calls/s for 400/s of connections, and
        // a 20 ms acquire timeout. M/M/c+D: 95.6% wait, 21.45% give up with
        // pool_timeout, the others wait 12.4 ms on average and never more
        // than the timeout. Those errors reach the client under their name.
        const double lambda = 500, mu = 100, patienceMs = 20;
        const int c = 4;
        const PoolBatches batches = runBatches(pooledDesign(lambda, c, 1000 / mu, patienceMs), 2);
        const analysis::PatienceMetrics theory = analysis::mmcDeterministicPatience(lambda, mu, c, patienceMs / 1000);
        const auto timedOut = interval(batches.timeoutShare);
        QVERIFY2(timedOut.contains(theory.probabilityOfTimeout),
                 qPrintable(describe("share of calls that time out (M/M/4+D)", theory.probabilityOfTimeout, timedOut)));
        const auto waited = interval(batches.waitedShare);
        QVERIFY2(waited.contains(theory.probabilityOfWaiting),
                 qPrintable(describe("share of calls that wait (M/M/4+D)", theory.probabilityOfWaiting, waited)));
        const auto meanWait = interval(batches.meanWaitMs);
        QVERIFY2(meanWait.contains(theory.meanWaitServed * 1000),
                 qPrintable(describe("mean wait of served calls ms (M/M/4+D)", theory.meanWaitServed * 1000, meanWait)));
        for (double maxWait : batches.maxWaitMs)
            QVERIFY2(maxWait <= patienceMs * (1 + stats::LatencyHistogram::kRelativeError),
                     qPrintable(QString("a call waited %1 ms for a %2 ms timeout").arg(maxWait).arg(patienceMs)));
        QCOMPARE(batches.clientPoolTimeouts, batches.poolTimeouts);
    }

    void each_caller_instance_has_its_own_pool()
    {
        // Two app instances behind a random balancer, one connection each:
        // each instance sees Poisson arrivals at 75/s (thinning) and its
        // pool is an M/M/1 queue (rho 0.75, Wq = 30 ms). One pool shared by
        // both would be overloaded (150/s for 100/s).
        model::Architecture design = pooledDesign(150, 1, 10, 0);
        design.blocks[1].params["instances"] = 2;
        model::Block balancer = model::makeBlock("load_balancer", "lb");
        balancer.params["algorithm"] = model::choiceValue("load_balancer", "algorithm", "random");
        balancer.params["overhead_ms"] = 0;
        balancer.params["health_check_interval_s"] = 0;
        design.blocks.push_back(balancer);
        design.links[0] = wire("client", "lb");
        design.links.push_back(wire("lb", "app"));
        const PoolBatches batches = runBatches(design, 3);
        const double wq = analysis::mm1(75, 100).meanWait * 1000;
        const auto meanWait = interval(batches.meanWaitMs);
        QVERIFY2(meanWait.contains(wq), qPrintable(describe("mean pool wait ms (two M/M/1 pools)", wq, meanWait)));
    }

    void a_connection_is_busy_for_the_round_trip()
    {
        // One connection, a 10 ms query (deterministic) 5 ms away each way,
        // and more calls than it can take: the connection comes back with the
        // reply, so it serves one call per 20 ms, 50 a second, not the 67
        // that 15 ms (query and the way there) would allow.
        model::Architecture design = pooledDesign(100, 1, 10, 0);
        design.blocks[2].params["service_cv"] = 0;
        design.links[1].params["latency_ms"] = 5;
        const auto snap = simulate(design, 10, 100);
        const double perSecond = double(block(snap, "db").arrivals) / snap.measuredSeconds;
        QVERIFY2(std::abs(perSecond - 50) < 0.1, qPrintable(QString("%1 calls/s through one connection").arg(perSecond)));
    }

    void removing_a_pooled_link_ends_its_waiters_and_a_new_link_starts_a_fresh_pool()
    {
        // An overloaded pool of 2 on a link 5 ms long: calls wait, and replies
        // (and the connections they free) are on the wire when the link goes.
        model::Architecture design = pooledDesign(500, 2, 10, 0);
        design.links[1].params["latency_ms"] = 5;
        sim::Simulator simulator(design, 5);
        simulator.runUntil(sim::fromSeconds(3));
        QVERIFY(block(simulator.snapshot(), "app").inFlight > 100);
        using Edit = model::DesignEdit;
        QCOMPARE(simulator.apply(Edit{Edit::RemoveLink{"app", "db"}}), std::string());
        // Every waiter ended as Removed: with no link left, the app answers at once.
        QVERIFY2(block(simulator.snapshot(), "app").inFlight < 5,
                 qPrintable(QString::number(block(simulator.snapshot(), "app").inFlight)));
        QVERIFY(simulator.snapshot().errors[sim::Outcome::Removed] > 100);
        simulator.runUntil(sim::fromSeconds(3.1)); // the old link's replies land and free nothing
        model::Link again = wire("app", "db", 5);
        again.params["pool_size"] = 2;
        QCOMPARE(simulator.apply(Edit{Edit::AddLink{again, 1}}), std::string());
        simulator.runUntil(sim::fromSeconds(3.5));
        // The new pool holds at most its 2 connections: freed connections of
        // the old link were not credited to it.
        QVERIFY2(block(simulator.snapshot(), "db").inFlight <= 2,
                 qPrintable(QString::number(block(simulator.snapshot(), "db").inFlight)));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(5));
        // Still one call per 20 ms per connection: 2 x 50 = 100 calls/s.
        const auto snap = simulator.snapshot();
        const double rate = double(block(snap, "db").arrivals) / snap.measuredSeconds;
        QVERIFY2(std::abs(rate - 100) < 15, qPrintable(QString::number(rate)));
    }

    void pool_figures_are_in_the_registry_and_the_snapshot_only_where_pooled()
    {
        const model::ParamSpec* timeout = model::Registry::instance().linkParam("pool_timeout_ms");
        QVERIFY(timeout);
        QCOMPARE(timeout->unit, std::string("ms"));
        QVERIFY(!timeout->help.empty());
        const auto snap = simulate(pooledDesign(50, 4, 10, 1000), 1, 10);
        QVERIFY(block(snap, "app").extras.count(figures::kPoolWaitP95Ms));
        QVERIFY(!block(snap, "client").extras.count(figures::kPoolWaitP95Ms));
    }

    void growing_a_pool_while_running_serves_its_waiters_at_once()
    {
        // 500 calls/s on one connection of 10 ms: about 2,000 calls wait
        // after 5 s. Widen the pool to 50 live: 49 waiters take the new
        // connections at that instant, and 50 connections (5,000 calls/s)
        // clear the rest in about 2,000 / 4,500 s.
        sim::Simulator simulator(pooledDesign(500, 1, 10, 0), 4);
        simulator.runUntil(sim::fromSeconds(5));
        const auto before = simulator.snapshot();
        QVERIFY(block(before, "app").inFlight > 1000);
        QCOMPARE(block(before, "db").inFlight, 1);
        QCOMPARE(simulator.apply(model::DesignEdit{model::DesignEdit::SetLinkParam{"app", "db", "pool_size", 50}}),
                 std::string());
        QCOMPARE(block(simulator.snapshot(), "db").inFlight, 50);
        simulator.runUntil(sim::fromSeconds(6));
        const auto after = simulator.snapshot();
        QVERIFY2(block(after, "app").inFlight < 30, qPrintable(QString::number(block(after, "app").inFlight)));
    }
};

QTEST_APPLESS_MAIN(ConnectionPoolTest)
#include "ConnectionPoolTest.moc"
