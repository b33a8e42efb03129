// Sharded databases: key skew makes hot shards, resharding moves keys as
// each strategy predicts, scatter-gather waits for the slowest shard.
#include "SimTestSupport.h"
#include "blocks/ShardMap.h"
#include "model/Registry.h"
#include "stats/ConfidenceInterval.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

double strategy(const char* name)
{
    return model::choiceValue("sharded_database", "strategy", name);
}

model::Block sharded(int shards, const char* how)
{
    model::Block db = model::makeBlock("sharded_database", "db");
    db.params["shards"] = shards;
    db.params["strategy"] = strategy(how);
    db.params["workers"] = 16;
    db.params["read_time_ms"] = 10;
    db.params["queue_capacity"] = 100'000;
    db.params["key_range"] = 1000;
    return db;
}

stats::BlockSnapshot runShards(double skew, model::Block db, double rate = 1000)
{
    model::Block client = patientClient("client", rate);
    client.params["key_space"] = 1000;
    client.params["key_skew"] = skew;
    model::Architecture design;
    design.blocks = {client, db};
    design.links = {wire("client", "db")};
    return simulate(design, 2, 60).blocks[1];
}

double movedAfterAddingShard(const char* how)
{
    model::Architecture design;
    design.blocks = {patientClient("client", 100), sharded(4, how)};
    design.blocks[1].params["key_range"] = 100'000;
    design.links = {wire("client", "db")};
    sim::Simulator simulator(design, 1);
    simulator.runUntil(sim::fromSeconds(5));
    [&] { QCOMPARE(simulator.setParam("db", "shards", 5), std::string()); }();
    return simulator.snapshot().blocks[1].extras.at("keys_moved_fraction");
}

} // namespace

class ShardingTest : public QObject {
    Q_OBJECT

private slots:
    void a_hot_key_makes_a_hot_shard_under_hash_sharding()
    {
        // Uniform keys: a shard's share of queries is its share of the 1,000
        // keys (the hash spreads keys only roughly evenly). A union bound over
        // the 8 shards puts each within z(1 - 0.001/8) standard errors.
        blocks::ShardMap map;
        map.configure(blocks::ShardMap::Strategy::HashModulo, 8, 100, 1000);
        std::vector<double> keysOnShard(8, 0);
        for (uint32_t key = 0; key < 1000; ++key)
            ++keysOnShard[static_cast<size_t>(map.shardOf(key, 0))];
        const double expectedHottest = *std::max_element(keysOnShard.begin(), keysOnShard.end()) / 1000;
        const auto even = runShards(0, sharded(8, "hash_modulo"));
        const double band = stats::normalQuantile(1 - 0.001 / 8) *
                            std::sqrt(expectedHottest * (1 - expectedHottest) / double(even.arrivals));
        QVERIFY2(std::abs(even.extras.at("hottest_shard_share") - expectedHottest) < band,
                 qPrintable(QString("hottest share %1 with uniform keys, expected %2 +/- %3")
                                .arg(even.extras.at("hottest_shard_share")).arg(expectedHottest).arg(band)));
        // Zipf 1.2: key 0 alone takes ~20% of requests, so its shard is hot.
        const auto skewed = runShards(1.2, sharded(8, "hash_modulo"));
        QVERIFY2(skewed.extras.at("hottest_shard_share") > 0.25,
                 qPrintable(QString("hottest share %1 with Zipf keys").arg(skewed.extras.at("hottest_shard_share"))));
        // Range sharding puts all the low (hot) keys on shard 0.
        const auto ranged = runShards(1.2, sharded(8, "range"));
        QVERIFY(ranged.extras.at("shard_0_queries") > 0.5 * ranged.arrivals);
    }

    void adding_a_shard_moves_keys_as_each_strategy_predicts()
    {
        // Going from 4 to 5 shards: modulo keeps a key only when h mod 4 == h mod 5,
        // 1 in 5, so 4/5 move; consistent hashing moves about 1/5; so does a directory.
        QVERIFY(std::abs(movedAfterAddingShard("hash_modulo") - 0.8) < 0.01);
        const double consistent = movedAfterAddingShard("consistent_hash");
        QVERIFY2(std::abs(consistent - 0.2) < 0.06, qPrintable(QString::number(consistent)));
        QVERIFY(movedAfterAddingShard("range") > 0.3);
    }

    void scatter_gather_waits_for_the_slowest_shard()
    {
        // Idle shards with exponential 10 ms reads: a query of all 4 takes
        // the maximum of 4 exponentials, 10 ms x (1 + 1/2 + 1/3 + 1/4).
        model::Block db = sharded(4, "hash_modulo");
        db.params["cross_shard_ratio"] = 1;
        model::Architecture design;
        design.blocks = {patientClient("client", 5), db};
        design.links = {wire("client", "db")};
        const auto snap = simulate(design, 10, 2000, 1, 50);
        const double theory = 10 * (1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4);
        const auto mean = windowInterval(
            measuredWindows(snap.series, 10), [](const stats::WindowSample& s) { return s.meanMs; },
            [](const stats::WindowSample& s) { return s.throughputPerSecond; });
        QVERIFY2(mean.contains(theory), qPrintable(describe("scatter-gather mean ms", theory, mean)));
        QCOMPARE(snap.blocks[1].extras.at("scatter_gathers"), double(snap.blocks[1].arrivals));
    }
};

QTEST_APPLESS_MAIN(ShardingTest)
#include "ShardingTest.moc"
