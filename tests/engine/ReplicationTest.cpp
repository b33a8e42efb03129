// Primary-replica databases: read scaling, replication lag against queueing
// theory, stale reads and read-your-writes, failover.
#include "SimTestSupport.h"
#include "analysis/Queueing.h"
#include "model/Registry.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Block replicated(int replicas, const char* replication = "async", const char* routing = "replicas")
{
    model::Block db = model::makeBlock("replicated_database", "db");
    db.params["replicas"] = replicas;
    db.params["workers"] = 8;
    db.params["read_time_ms"] = 2;
    db.params["write_time_ms"] = 10;
    db.params["service_cv"] = 0;
    db.params["queue_capacity"] = 100;
    db.params["replication"] = choiceValue("replicated_database", "replication", replication);
    db.params["read_routing"] = choiceValue("replicated_database", "read_routing", routing);
    return db;
}

model::Architecture design(model::Block client, model::Block db)
{
    model::Architecture d;
    d.blocks = {client, db};
    d.links = {wire(client.id, db.id)};
    return d;
}

model::Block writer(double writesPerSecond, double readsPerSecond, double keys)
{
    model::Block client = patientClient("client", writesPerSecond + readsPerSecond);
    client.params["read_ratio"] = readsPerSecond / (writesPerSecond + readsPerSecond);
    client.params["key_space"] = keys;
    return client;
}

} // namespace

class ReplicationTest : public QObject {
    Q_OBJECT

private slots:
    void five_replicas_serve_ten_thousand_reads_and_a_hundred_writes()
    {
        // The seeds' social feed: 10,000 reads/s and 100 writes/s. Five
        // replicas take the reads (2,000/s each, half their capacity); the
        // primary only writes.
        const auto snap = simulate(design(writer(100, 10'000, 1e6), replicated(5)), 5, 60);
        const auto& db = snap.blocks[1];
        QCOMPARE(db.extras.at("reads_on_primary"), 0.0);
        const double readsPerSecond = db.extras.at("reads_on_replicas") / snap.measuredSeconds;
        QVERIFY2(std::abs(readsPerSecond - 10'000) < 3.29 * std::sqrt(10'000 / snap.measuredSeconds),
                 qPrintable(QString("%1 reads/s on the replicas").arg(readsPerSecond)));
        QCOMPARE(snap.errors.total(), uint64_t{0});
        QVERIFY(db.utilization < 0.5);
        // One database alone cannot: 10,000 x 2 ms needs 20 workers, it has 8.
        const auto alone = simulate(design(writer(100, 10'000, 1e6), replicated(0)), 5, 60);
        QVERIFY2(alone.errors[sim::Outcome::Rejected] > alone.requests / 2,
                 qPrintable(QString("%1 of %2 rejected").arg(alone.errors[sim::Outcome::Rejected]).arg(alone.requests)));
    }

    void replication_lag_matches_an_md1_applier()
    {
        // Writes reach each replica's single applier as a Poisson stream;
        // applying takes 0.8 ms: an M/D/1 queue at rho = 0.8, so the mean lag
        // is shipping + applying + the M/D/1 wait. Independent replications
        // give the confidence interval.
        const double writes = 1000, applyMs = 0.8, shipMs = 1;
        std::vector<double> lags;
        for (uint64_t seed = 1; seed <= 10; ++seed) {
            model::Block db = replicated(2);
            db.params["workers"] = 64; // the primary never queues
            db.params["apply_time_ms"] = applyMs;
            db.params["replication_delay_ms"] = shipMs;
            const auto snap = simulate(design(writer(writes, 0.001, 1e6), db), 10, 60, seed);
            lags.push_back(snap.blocks[1].extras.at("mean_replica_lag_ms"));
        }
        const double theory = shipMs + applyMs + analysis::mg1(writes, applyMs / 1000, 0).meanWait * 1000;
        const auto lag = stats::batchMeansInterval(lags, kConfidence);
        QVERIFY2(lag.contains(theory), qPrintable(describe("mean replication lag ms", theory, lag)));
    }

    void async_replicas_serve_stale_reads_and_read_your_writes_does_not()
    {
        // 500 writes/s over 50 keys with a slow applier: replicas lag.
        auto run = [](const char* replication, const char* routing) {
            model::Block db = replicated(2, replication, routing);
            db.params["apply_time_ms"] = 1.5;
            db.params["workers"] = 64;
            return simulate(design(writer(500, 2000, 50), db), 5, 60).blocks[1];
        };
        const auto async = run("async", "replicas");
        QVERIFY2(async.extras.at("stale_reads") > 1000, qPrintable(QString::number(async.extras.at("stale_reads"))));
        const auto ryw = run("async", "read_your_writes");
        QCOMPARE(ryw.extras.at("stale_reads"), 0.0);
        QVERIFY(ryw.extras.at("reads_on_primary") > 0); // the price: some reads go to the primary
        const auto sync = run("sync", "replicas");
        QCOMPARE(sync.extras.at("stale_reads"), 0.0);
        // Sync writes wait for the appliers: slower than async ones.
        QVERIFY(sync.latency.meanMs > async.latency.meanMs);
    }

    void multi_primary_conflicts_match_the_poisson_window()
    {
        // Three primaries each take a random third of 1,000 writes/s over 20
        // keys. Writes of one key from the other nodes form a Poisson stream
        // of rate (1000/20) x 2/3; a write conflicts when one of them
        // committed within the replication delay d = 1 + 2 ms before it:
        // P = 1 - exp(-rate x d). Service is deterministic and never queues,
        // so commit times keep the arrivals' Poisson spacing.
        const double writes = 1000, keys = 20, nodes = 3, windowS = 0.003;
        std::vector<double> rates;
        for (uint64_t seed = 1; seed <= 10; ++seed) {
            model::Block db = replicated(static_cast<int>(nodes) - 1);
            db.params["topology"] = choiceValue("replicated_database", "topology", "multi_primary");
            db.params["workers"] = 64;
            db.params["replication_delay_ms"] = 1;
            db.params["apply_time_ms"] = 2;
            const auto snap = simulate(design(writer(writes, 0.001, keys), db), 2, 20, seed);
            rates.push_back(snap.blocks[1].extras.at("conflict_rate"));
        }
        const double theory = 1 - std::exp(-writes / keys * (nodes - 1) / nodes * windowS);
        const auto rate = stats::batchMeansInterval(rates, kConfidence);
        QVERIFY2(rate.contains(theory), qPrintable(describe("conflict rate", theory, rate)));

        // One primary orders every write: no conflicts at the same load.
        const auto single = simulate(design(writer(writes, 0.001, keys), replicated(2)), 2, 20);
        QCOMPARE(single.blocks[1].extras.at("write_conflicts"), 0.0);
    }

    void killing_the_primary_fails_writes_until_failover()
    {
        model::Block db = replicated(2);
        db.params["failover_s"] = 10;
        sim::Simulator simulator(design(writer(100, 900, 1e6), db), 4);
        simulator.runUntil(sim::fromSeconds(10));
        QCOMPARE(simulator.command("db", "kill_primary"), std::string());
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(19));
        const auto during = simulator.snapshot();
        // Writes fail, reads go on from the replicas.
        QVERIFY(during.errors[sim::Outcome::Failed] > 0.8 * 100 * 9);
        QVERIFY(during.completed > 0.9 * 900 * 9);
        simulator.runUntil(sim::fromSeconds(21));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(30));
        const auto after = simulator.snapshot();
        QCOMPARE(after.errors.total(), uint64_t{0});
        QCOMPARE(after.blocks[1].extras.at("replicas"), 1.0); // one replica became the primary
        QCOMPARE(after.blocks[1].extras.at("failovers"), 1.0);
        QVERIFY(!simulator.command("db", "explode").empty());
    }
};

QTEST_APPLESS_MAIN(ReplicationTest)
#include "ReplicationTest.moc"
