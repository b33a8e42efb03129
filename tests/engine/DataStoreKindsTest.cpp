// Object storage, the key-value store and the search index
// (model/DataStoreSpecs.h) against the results their headers promise:
// throttling as the expected excess of a Poisson count over a partition's
// limit, a hot key throttling one partition below the table's capacity,
// latency with no queue (first byte plus transfer), a search as the slowest
// of its shards (m x H(shards)), replicas halving each node's load, and the
// stale-search share of a periodic refresh.
//
// Tolerances: a 99.9% batch-means interval over 10 s windows (the stores
// meter whole seconds, so windows are independent batches), or over
// independent seeds where the figure is not kept per window.
#include "SimTestSupport.h"
#include "analysis/DataStorePlanning.h"
#include "core/FigureNames.h"
#include "core/Outcome.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kWarmupS = 10, kMeasureS = 200;
constexpr size_t kThrottled = static_cast<size_t>(sim::Outcome::Throttled) - 1;

model::Architecture clientTo(model::Block client, model::Block store)
{
    model::Architecture design;
    client.params["key_space"] = 10'000;
    design.blocks = {client, store};
    design.links = {wire(design.blocks[0].id, design.blocks[1].id)};
    return design;
}

model::Block kvStore(int partitions, double readLimit)
{
    model::Block store = model::makeBlock("kv_store", "kv");
    store.params["partitions"] = partitions;
    store.params["capacity_mode"] = choiceValue("kv_store", "capacity_mode", "on_demand");
    store.params["partition_read_rps"] = readLimit;
    return store;
}

stats::ConfidenceInterval throttledShare(const stats::Snapshot& snap, const char* id)
{
    return windowInterval(
        measuredWindows(block(snap, id).series, 0),
        [](const stats::WindowSample& w) {
            return w.arrivalsPerSecond > 0 ? w.errorsPerSecond[kThrottled] / w.arrivalsPerSecond : 0.0;
        },
        [](const stats::WindowSample& w) { return w.arrivalsPerSecond; });
}

stats::ConfidenceInterval meanLatency(const stats::Snapshot& snap, const char* id)
{
    return windowInterval(
        measuredWindows(block(snap, id).series, 0), [](const stats::WindowSample& w) { return w.meanMs; },
        [](const stats::WindowSample& w) { return w.throughputPerSecond; });
}

double harmonic(int n)
{
    double sum = 0;
    for (int k = 1; k <= n; ++k)
        sum += 1.0 / k;
    return sum;
}

model::Block searchIndex(int shards, int replicas, double queryMs, int workers)
{
    model::Block index = model::makeBlock("search_index", "search");
    index.params["shards"] = shards;
    index.params["replicas"] = replicas;
    index.params["documents_millions"] = 0;
    index.params["query_base_ms"] = queryMs;
    index.params["workers"] = workers;
    index.params["refresh_interval_s"] = 0;
    return index;
}

} // namespace

class DataStoreKindsTest : public QObject {
    Q_OBJECT

private slots:
    void poisson_excess_matches_closed_forms()
    {
        // E[(N - 1)+] = lambda - 1 + P(N = 0); far above the mean nothing is over.
        QVERIFY(std::abs(analysis::poissonExcess(2, 1) - (1 + std::exp(-2.0))) < 1e-12);
        QVERIFY(std::abs(analysis::poissonExcess(3, 0) - 3) < 1e-12);
        QVERIFY(analysis::poissonExcess(100, 400) < 1e-60);
        QVERIFY(analysis::poissonExcess(100, 1000) == 0);
        // Large means: the normal approximation's E[(Z)+] sigma = sigma / sqrt(2 pi) at c = mean.
        const double big = analysis::poissonExcess(1e6, 1e6);
        QVERIFY2(std::abs(big - 1000 / std::sqrt(2 * M_PI)) < 1, qPrintable(QString::number(big)));
    }

    // One partition, Poisson reads near its limit: the share throttled is
    // E[(N - C)+] / lambda per second.
    void throttled_share_is_the_poisson_excess_over_the_partition_limit()
    {
        const double rate = 95, limit = 100;
        const auto snap = simulate(clientTo(patientClient("client", rate), kvStore(1, limit)), kWarmupS, kMeasureS);
        const double theory = analysis::poissonExcess(rate, limit) / rate;
        const auto ci = throttledShare(snap, "kv");
        QVERIFY2(ci.contains(theory), qPrintable(describe("throttled share", theory, ci)));
        QVERIFY2(snap.errors[sim::Outcome::Throttled] > 0, "the client saw no throttled error");
        // No queue: a request takes the read latency, whatever the load.
        const double readMs = model::makeBlock("kv_store", "x").param("read_time_ms");
        const auto latency = meanLatency(snap, "kv");
        QVERIFY2(latency.contains(readMs), qPrintable(describe("kv read latency", readMs, latency)));
    }

    // Half the table's capacity, but a Zipf-hot key: its partition is
    // offered more than its limit and throttles, as the planner's partition
    // shares (the same hash, the Zipf popularity) say; uniform keys do not.
    void a_hot_key_throttles_its_partition_below_the_table_capacity()
    {
        const int partitions = 8;
        const double limit = 200, rate = 800; // the table takes 1,600 reads/s
        for (const double skew : {0.0, 1.5}) {
            model::Block client = patientClient("client", rate);
            client.params["key_skew"] = skew;
            const model::Architecture design = clientTo(client, kvStore(partitions, limit));
            const auto snap = simulate(design, kWarmupS, kMeasureS);
            analysis::BlockPlan plan;
            plan.readRps = rate;
            analysis::planPartitionedStore(design.blocks[1], plan, &design.blocks[0]);
            const auto ci = throttledShare(snap, "kv");
            QVERIFY2(ci.contains(plan.throttledRatio) || (plan.throttledRatio < 1e-6 && ci.mean == 0),
                     qPrintable(describe(skew > 0 ? "throttled, hot key" : "throttled, even keys",
                                         plan.throttledRatio, ci)));
            if (skew > 0)
                QVERIFY2(ci.lower() > 0.02, qPrintable(describe("a hot key throttles", plan.throttledRatio, ci)));
            else
                QVERIFY2(ci.mean < 0.001, qPrintable(describe("even keys hardly throttle", plan.throttledRatio, ci)));
            const double hottest = block(snap, "kv").extras.at(figures::kHottestPartitionShare);
            QVERIFY2(skew > 0 ? hottest > 0.4 : std::abs(hottest - 1.0 / partitions) < 0.03,
                     qPrintable(QString("hottest partition's share %1 at skew %2").arg(hottest).arg(skew)));
        }
    }

    // Object storage: first byte plus size / throughput, no queueing, and
    // 5,500 GETs a second per prefix; a second prefix halves each one's load.
    void object_storage_is_first_byte_plus_transfer_and_throttles_per_prefix()
    {
        model::Block store = model::makeBlock("object_storage", "s3");
        store.params["service_cv"] = 0;
        store.params["object_size_mb"] = 4.5; // 50 ms at 90 MB/s
        const double expectedMs = store.param("read_time_ms") + 1000 * 4.5 / store.param("transfer_rate");
        for (const double rate : {10.0, 3000.0}) {
            const auto snap = simulate(clientTo(patientClient("client", rate), store), 2, 20);
            const double measured = block(snap, "s3").latency.meanMs;
            QVERIFY2(std::abs(measured - expectedMs) < 0.01 * expectedMs,
                     qPrintable(QString("at %1 rps: %2 ms, first byte + transfer = %3").arg(rate).arg(measured).arg(expectedMs)));
        }
        const double rate = 6000, limit = store.param("partition_read_rps");
        auto snap = simulate(clientTo(patientClient("client", rate), store), 2, 60);
        const double theory = analysis::poissonExcess(rate, limit) / rate;
        const auto ci = throttledShare(snap, "s3");
        QVERIFY2(ci.contains(theory), qPrintable(describe("one prefix at 6,000 GET/s", theory, ci)));
        store.params["partitions"] = 2;
        snap = simulate(clientTo(patientClient("client", rate), store), 2, 60);
        QCOMPARE(block(snap, "s3").extras.at(figures::kThrottled), 0.0);
    }

    // Idle nodes, exponential shard times: a search waits for the slowest of
    // its shards, m x H(shards); the planner says the same.
    void a_search_takes_the_slowest_of_its_shards()
    {
        const double queryMs = 10;
        for (const int shards : {1, 4}) {
            model::Architecture design = clientTo(patientClient("client", 20), searchIndex(shards, 0, queryMs, 100));
            const auto snap = simulate(design, kWarmupS, kMeasureS);
            const double theory = queryMs * harmonic(shards);
            const auto ci = meanLatency(snap, "search");
            QVERIFY2(ci.contains(theory), qPrintable(describe("search latency", theory, ci)));
            analysis::BlockPlan plan;
            plan.readRps = 20;
            analysis::planSearchIndex(design.blocks[1], plan, 0.7);
            QVERIFY2(std::abs(plan.readResponseMs - theory) < 0.01 * theory,
                     qPrintable(QString("planned %1 ms, theory %2").arg(plan.readResponseMs).arg(theory)));
        }
    }

    // Every search asks each shard once and takes the least busy copy:
    // replicas share the work (each node's utilisation halves) and add read
    // capacity: a load that overwhelms one copy per shard flows with two.
    void replicas_add_read_capacity()
    {
        const double queryMs = 10;
        const int shards = 2;
        for (const int replicas : {0, 1}) {
            const double rate = 60;
            const auto snap =
                simulate(clientTo(patientClient("client", rate), searchIndex(shards, replicas, queryMs, 1)), kWarmupS,
                         kMeasureS);
            const double theory = rate * shards * queryMs / 1000 / (shards * (1 + replicas));
            const auto ci = windowInterval(
                measuredWindows(block(snap, "search").series, 0), [](const stats::WindowSample& w) { return w.utilization; },
                [](const stats::WindowSample&) { return 1.0; });
            QVERIFY2(ci.contains(theory), qPrintable(describe("node utilisation", theory, ci)));
        }
        // 150 searches/s at 10 ms: 1.5 x what one copy of a shard serves.
        const double rate = 150, seconds = 60;
        const auto single =
            simulate(clientTo(patientClient("client", rate), searchIndex(shards, 0, queryMs, 1)), 20, seconds);
        const auto doubled =
            simulate(clientTo(patientClient("client", rate), searchIndex(shards, 1, queryMs, 1)), 20, seconds);
        const double one = double(single.completed) / seconds, two = double(doubled.completed) / seconds;
        QVERIFY2(one < 1000 / queryMs * 1.05, qPrintable(QString("no replica: %1 searches/s").arg(one)));
        QVERIFY2(std::abs(two - rate) < 3.29 * std::sqrt(rate * seconds) / seconds,
                 qPrintable(QString("a replica per shard: %1 searches/s of %2").arg(two).arg(rate)));
    }

    // Writes to K uniform keys at rate w, refreshed every R seconds: a search
    // sees a write of its key that is not yet searchable with probability
    // 1 - (K / wR)(1 - exp(-wR / K)); with refresh 0, never.
    void stale_searches_follow_the_refresh_interval()
    {
        const double rate = 500, readRatio = 0.6, keys = 1000, refreshS = 1;
        const double w = rate * (1 - readRatio);
        std::vector<double> shares;
        for (uint64_t seed = 1; seed <= 8; ++seed) {
            model::Block client = patientClient("client", rate);
            client.params["read_ratio"] = readRatio;
            model::Block index = searchIndex(1, 0, 1, 64);
            index.params["refresh_interval_s"] = refreshS;
            index.params["service_cv"] = 0;
            model::Architecture design = clientTo(client, index);
            design.blocks[0].params["key_space"] = keys;
            const auto snap = simulate(design, 5, 40, seed);
            shares.push_back(block(snap, "search").extras.at(figures::kStaleSearchRatio));
        }
        const double theory = 1 - keys / (w * refreshS) * (1 - std::exp(-w * refreshS / keys));
        const auto ci = stats::batchMeansInterval(shares, kConfidence);
        QVERIFY2(ci.contains(theory), qPrintable(describe("stale searches", theory, ci)));

        model::Block client = patientClient("client", rate);
        client.params["read_ratio"] = readRatio;
        const auto snap = simulate(clientTo(client, searchIndex(1, 0, 1, 64)), 5, 20);
        QCOMPARE(block(snap, "search").extras.at(figures::kStaleSearchRatio), 0.0);
    }
};

QTEST_GUILESS_MAIN(DataStoreKindsTest)
#include "DataStoreKindsTest.moc"
