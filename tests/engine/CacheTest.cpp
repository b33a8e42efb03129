// The cache against the seeds' claims and against caching theory.
#include "SimTestSupport.h"
#include "analysis/CacheModel.h"
#include "analysis/WriteBehindModel.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

model::Block database(const std::string& id, double readMs, double writeMs, int workers = 256)
{
    model::Block db = model::makeBlock("database", id);
    db.params["workers"] = workers;
    db.params["read_time_ms"] = readMs;
    db.params["write_time_ms"] = writeMs;
    db.params["service_cv"] = 0;
    db.params["queue_capacity"] = 1'000'000;
    db.params["max_connections"] = 1'000'000;
    return db;
}

model::Block cache(const std::string& id, const char* hitModel)
{
    model::Block c = model::makeBlock("cache", id);
    c.params["hit_model"] = choiceValue("cache", "hit_model", hitModel);
    c.params["strategy"] = choiceValue("cache", "strategy", "read_through");
    c.params["latency_ms"] = 1;
    c.params["miss_latency_ms"] = 1;
    return c;
}

// A write-behind cache batching `batch` writes or flushing `intervalMs` after its oldest one.
model::Block writeBehindCache(const std::string& id, int batch, double intervalMs)
{
    model::Block c = cache(id, "fixed_ratio");
    c.params["strategy"] = choiceValue("cache", "strategy", "write_behind");
    c.params["write_batch_size"] = batch;
    c.params["flush_interval_ms"] = intervalMs;
    return c;
}

// A client that only writes.
model::Block writer(const std::string& id, double writesPerSecond)
{
    model::Block client = patientClient(id, writesPerSecond);
    client.params["read_ratio"] = 0;
    return client;
}

// client -> cache -> database.
model::Architecture cached(model::Block client, model::Block c, model::Block db)
{
    model::Architecture design;
    design.blocks = {client, c, db};
    design.links = {wire(client.id, c.id), wire(c.id, db.id)};
    return design;
}


} // namespace

class CacheTest : public QObject {
    Q_OBJECT

private slots:
    void ninety_nine_percent_hits_turn_1000_rps_into_10_queries()
    {
        // The seeds: "1000 req/sec -> only 10 DB queries/sec (if 99% cache hit rate)".
        model::Block c = cache("cache", "fixed_ratio");
        c.params["hit_ratio"] = 0.99;
        const auto snap = simulate(cached(patientClient("client", 1000), c, database("db", 5, 5)), 5, 600);
        const double perSecond = double(block(snap, "db").arrivals) / snap.measuredSeconds;
        // Misses are Poisson: 6,000 expected in 600 s, +/- 3.29 sigma.
        const double band = 3.29 * std::sqrt(10.0 * snap.measuredSeconds) / snap.measuredSeconds;
        QVERIFY2(std::abs(perSecond - 10) < band,
                 qPrintable(QString("%1 database queries/s, expected 10 +/- %2").arg(perSecond).arg(band)));
    }

    void lru_hit_ratio_over_zipf_matches_che()
    {
        const uint64_t keys = 5000;
        const double skew = 0.8, capacity = 500;
        model::Block client = patientClient("client", 2000);
        client.params["key_space"] = double(keys);
        client.params["key_skew"] = skew;
        model::Block c = cache("cache", "capacity");
        c.params["capacity"] = capacity;
        c.params["ttl_s"] = 0;
        const auto snap = simulate(cached(client, c, database("db", 1, 1)), 30, 300);
        const double theory = analysis::lruHitRatioChe(analysis::zipfPopularity(keys, skew), capacity);
        const double simulated = block(snap, "cache").extras.at("hit_ratio");
        // Binomial sampling error of ~600,000 lookups is ~0.001; the
        // approximation itself is within about one percent (Fricker et al.).
        const double lookups = block(snap, "cache").extras.at("hits") + block(snap, "cache").extras.at("misses");
        const double tolerance = 3.29 * std::sqrt(theory * (1 - theory) / lookups) + 0.01;
        QVERIFY2(std::abs(simulated - theory) < tolerance,
                 qPrintable(QString("LRU hit ratio %1, Che %2 +/- %3").arg(simulated).arg(theory).arg(tolerance)));
        // LFU keeps the hot keys at least as well under a static popularity.
        c.params["eviction"] = choiceValue("cache", "eviction", "lfu");
        const auto lfu = simulate(cached(client, c, database("db", 1, 1)), 30, 300);
        QVERIFY(block(lfu, "cache").extras.at("hit_ratio") > simulated);
    }

    void flush_at_peak_is_a_thundering_herd_that_a_lock_prevents()
    {
        // 5,000 rps over 200 hot keys, all cached; the database needs 100 ms
        // per query. Flush the cache: every request for a key whose fetch is
        // still under way goes to the database too, unless a lock makes one
        // request fetch for all.
        auto run = [](const char* stampede) {
            model::Block client = patientClient("client", 5000);
            client.params["key_space"] = 200;
            client.params["key_skew"] = 1.0;
            model::Block c = cache("cache", "capacity");
            c.params["capacity"] = 1000;
            c.params["ttl_s"] = 0;
            c.params["stampede"] = choiceValue("cache", "stampede", stampede);
            sim::SimulatorOptions options;
            sim::Simulator simulator(cached(client, c, database("db", 100, 100, 100'000)), 3, options);
            simulator.runUntil(sim::fromSeconds(20));
            simulator.resetStats();
            [&] { QCOMPARE(simulator.command("cache", "flush"), std::string()); }();
            simulator.runUntil(sim::fromSeconds(21));
            return simulator.snapshot();
        };
        const auto herd = run("none");
        const auto locked = run("lock");
        const double herdQueries = double(block(herd, "db").arrivals);
        const double lockedQueries = double(block(locked, "db").arrivals);
        // With the lock each key is fetched once: at most the 200 keys.
        QVERIFY2(lockedQueries <= 200, qPrintable(QString("%1 queries with the lock").arg(lockedQueries)));
        // Without it, every key is fetched once plus once more for every
        // request that arrives during the 100 ms fetch: about 200 + 5,000 x 0.1.
        const double expectedHerd = 200 + 5000 * 0.1;
        QVERIFY2(std::abs(herdQueries - expectedHerd) < 0.1 * expectedHerd,
                 qPrintable(QString("%1 queries without protection (expected about %2), %3 with the lock")
                                .arg(herdQueries).arg(expectedHerd).arg(lockedQueries)));
        QVERIFY(block(locked, "cache").extras.at("coalesced") > 0);
    }

    void write_through_waits_for_the_database_and_write_behind_does_not()
    {
        auto run = [](const char* strategy) {
            model::Block c = cache("cache", "capacity");
            c.params["strategy"] = choiceValue("cache", "strategy", strategy);
            return simulate(cached(writer("client", 200), c, database("db", 5, 20)), 5, 60);
        };
        const auto through = run("write_through");
        const auto behind = run("write_behind");
        // Write-through: 20 ms database write + 1 ms cache update.
        QVERIFY2(std::abs(through.latency.meanMs - 21) < 0.5, qPrintable(QString::number(through.latency.meanMs)));
        // Write-behind: the cache's 1 ms only, whatever the database does.
        QVERIFY2(std::abs(behind.latency.meanMs - 1) < 0.01, qPrintable(QString::number(behind.latency.meanMs)));
        QVERIFY(behind.latency.p99Ms < through.latency.p50Ms);
        // Every write still reaches the database, as rows of batches: all but
        // those still held in the cache at the end (fewer than a batch).
        const double rows = block(behind, "cache").extras.at("downstream_writes");
        const double held = block(behind, "cache").extras.at("unflushed_writes");
        QVERIFY2(rows + held >= double(behind.requests) - 1 && rows + held <= double(behind.requests) + 50,
                 qPrintable(QString("%1 rows flushed + %2 held for %3 writes").arg(rows).arg(held).arg(behind.requests)));
    }

    void write_behind_model_has_the_textbook_limits()
    {
        // One write per batch: nothing is ever held.
        QCOMPARE(analysis::writeBehind(1000, 1, 1).meanUnflushed, 0.0);
        QCOMPARE(analysis::writeBehind(1000, 1, 1).batchesPerSecond, 1000.0);
        // A timer that never fires first: batches are full, a crash finds (B - 1) / 2 on average.
        const auto full = analysis::writeBehind(1000, 50, 3600);
        QVERIFY(std::abs(full.rowsPerBatch - 50) < 1e-9);
        QVERIFY(std::abs(full.meanUnflushed - 24.5) < 1e-9);
        // A batch that never fills: the timer's cycle of 1 / lambda idle and T
        // filling gives 1 + lambda T rows and m (m + 2) / (2 (m + 1)) held, m = lambda T.
        const auto timed = analysis::writeBehind(1000, 10'000, 0.2);
        const double m = 200;
        QVERIFY(std::abs(timed.rowsPerBatch - (1 + m)) < 1e-6);
        QVERIFY(std::abs(timed.meanUnflushed - m * (m + 2) / (2 * (m + 1))) < 1e-6);
        // Var D for the timer cycle: E[D^2] = sum_{j>=1} j^2 P(N >= j) / (1 + m) = E[N(N+1)(2N+1)/6] / (1 + m).
        const double secondMoment = (2 * m * m * m + 9 * m * m + 6 * m) / 6 / (1 + m);
        const double meanD = m * (m + 2) / (2 * (m + 1));
        QVERIFY(std::abs(timed.unflushedSd - std::sqrt(secondMoment - meanD * meanD)) < 1e-6);
    }

    void write_behind_database_sees_writes_per_second_over_batch_size()
    {
        // The seeds: write-behind writes "to DB asynchronously (batched)". At
        // 1,000 writes/s in batches of 50 the database takes 20 batched
        // writes a second instead of 1,000 writes; with batch size 1 it takes
        // every write. With a short interval the timer, not the size, closes
        // the batch: 1,000 writes/s held for 20 ms make batches of 1 + 20
        // rows (the first write starts the clock), 47.6 a second.
        struct Case {
            int batch;
            double intervalMs;
        };
        for (const Case& c : {Case{50, 1000}, Case{1, 1000}, Case{10'000, 20}}) {
            const auto snap = simulate(cached(writer("client", 1000), writeBehindCache("cache", c.batch, c.intervalMs),
                                              database("db", 5, 20, 1024)),
                                       10, 300);
            const double theory = analysis::writeBehind(1000, c.batch, c.intervalMs / 1000).batchesPerSecond;
            if (c.batch == 50)
                QVERIFY2(std::abs(theory - 1000.0 / 50) < 1e-6, qPrintable(QString::number(theory)));
            const auto rate = windowInterval(
                measuredWindows(block(snap, "db").series, 10), [](const stats::WindowSample& s) { return s.arrivalsPerSecond; },
                [](const stats::WindowSample&) { return 1.0; });
            QVERIFY2(rate.contains(theory),
                     qPrintable(describe(qPrintable(QString("database writes/s, batch %1, flush %2 ms")
                                                        .arg(c.batch).arg(c.intervalMs)),
                                         theory, rate)));
            // The client's write is answered by the cache alone, batch or not.
            QVERIFY2(std::abs(snap.latency.meanMs - 1) < 0.01, qPrintable(QString::number(snap.latency.meanMs)));
        }
    }

    void cache_crash_loses_the_unflushed_writes()
    {
        // Crash the cache 1,000 times at random moments and count what each
        // crash loses; the mean is the expected number of unflushed writes
        // (WriteBehindModel.h). A crash empties the cache, so the losses are
        // independent; their mean gets a Student-t interval from their own
        // spread. The gaps between crashes are 1 to 3 s, uniform: a flush
        // cycle is ~200 ms and nearly regular, so a fixed gap would crash at
        // the same phase every time and see a biased sample; a gap spread
        // over ten cycles meets every phase alike.
        struct Case {
            int batch;
            double intervalMs;
        };
        for (const Case& c : {Case{10'000, 200}, Case{50, 10'000}}) {
            sim::Simulator simulator(cached(writer("client", 1000), writeBehindCache("cache", c.batch, c.intervalMs),
                                            database("db", 5, 20, 1024)),
                                     7);
            std::mt19937_64 gaps(11);
            std::uniform_real_distribution<double> gap(1, 3);
            double at = 5, lostBefore = 0;
            std::vector<double> losses;
            model::Fault crash;
            crash.action = "crash_cache";
            crash.block = "cache";
            for (int i = 0; i < 1000; ++i) {
                at += gap(gaps);
                simulator.runUntil(sim::fromSeconds(at));
                QCOMPARE(simulator.inject(crash), std::string());
                const double lost = block(simulator.snapshot(), "cache").extras.at("lost_writes");
                losses.push_back(lost - lostBefore);
                lostBefore = lost;
            }
            const analysis::WriteBehindFigures theory = analysis::writeBehind(1000, c.batch, c.intervalMs / 1000);
            const auto mean = stats::batchMeansInterval(losses, kConfidence);
            QVERIFY2(mean.contains(theory.meanUnflushed),
                     qPrintable(describe("writes lost per crash", theory.meanUnflushed, mean)));
            // The spread agrees too: the sample's standard deviation is within
            // 15% of the model's (its own sampling error at n = 1,000 is ~3-5%).
            const double sd = mean.halfWidth / stats::studentTQuantile((1 + kConfidence) / 2, 999) * std::sqrt(1000.0);
            QVERIFY2(std::abs(sd - theory.unflushedSd) < 0.15 * theory.unflushedSd,
                     qPrintable(QString("sd of losses %1, model %2").arg(sd).arg(theory.unflushedSd)));
            // Each crash says what it cost in the event log, after the fault itself.
            simulator.runUntil(sim::fromSeconds(at + 0.001));
            const auto snap = simulator.snapshot();
            const auto reports = logged(snap, "cache crashed: ");
            QVERIFY(!reports.empty());
            const std::string expected =
                "cache crashed: " + std::to_string(static_cast<long long>(losses.back())) + " unflushed write";
            QVERIFY2(reports.back().text.starts_with(expected), qPrintable(QString::fromStdString(reports.back().text)));
            QCOMPARE(snap.eventLog.back().text, reports.back().text);
        }
    }

    void crashed_cache_is_down_for_the_fault_duration_and_comes_back_empty()
    {
        model::Block client = patientClient("client", 500);
        client.params["read_ratio"] = 0.5;
        client.params["key_space"] = 100;
        model::Block c = cache("cache", "capacity");
        c.params["strategy"] = choiceValue("cache", "strategy", "write_behind");
        sim::Simulator simulator(cached(client, c, database("db", 5, 20, 1024)), 3);
        simulator.runUntil(sim::fromSeconds(10));
        QVERIFY(block(simulator.snapshot(), "cache").extras.at("entries") > 90);
        simulator.resetStats();
        model::Fault crash;
        crash.action = "crash_cache";
        crash.block = "cache";
        crash.durationS = 2;
        QCOMPARE(simulator.inject(crash), std::string());
        QCOMPARE(block(simulator.snapshot(), "cache").extras.at("entries"), 0.0);
        QVERIFY(!simulator.inject(crash).empty()); // already down
        simulator.runUntil(sim::fromSeconds(12));
        // Down for 2 s at 500 rps: about 1,000 calls refused (Poisson: +/- 4 sigma).
        const double failed = double(simulator.snapshot().errors[sim::Outcome::Failed]);
        QVERIFY2(std::abs(failed - 1000) < 4 * std::sqrt(1000.0), qPrintable(QString::number(failed)));
        simulator.runUntil(sim::fromSeconds(15));
        const auto after = simulator.snapshot();
        QCOMPARE(after.errors[sim::Outcome::Failed], uint64_t(failed)); // back up: nothing fails any more
        QCOMPARE(logged(after, "recovered: crash cache node cache").size(), size_t(1));
        // The fault is in the catalog for caches only.
        QVERIFY(model::findFaultSpec("crash_cache")->appliesTo("cache"));
        QVERIFY(!model::findFaultSpec("crash_cache")->appliesTo("cdn"));
        QVERIFY(!model::findFaultSpec("crash_cache")->appliesTo("database"));
    }

    void stale_reads_only_without_invalidation()
    {
        auto run = [](bool invalidate) {
            model::Block client = patientClient("client", 1000);
            client.params["read_ratio"] = 0.9;
            client.params["key_space"] = 100;
            model::Block c = cache("cache", "capacity");
            c.params["strategy"] = choiceValue("cache", "strategy", "cache_aside");
            c.params["invalidate_on_write"] = invalidate ? 1 : 0;
            c.params["ttl_s"] = 5;
            return simulate(cached(client, c, database("db", 2, 5)), 5, 60);
        };
        QCOMPARE(block(run(true), "cache").extras.at("stale_reads"), 0.0);
        QVERIFY(block(run(false), "cache").extras.at("stale_reads") > 1000);
    }

    void cdn_serves_static_assets_at_the_edge_with_ttl_hit_ratio()
    {
        // 1,000 keys each asked for 0.8 times a second (800 static rps) with
        // a 1 s max-age: an entry fetched on a miss serves the requests of the
        // next second, so per cycle there are lambda T hits and one miss, and
        // the hit ratio is lambda T / (1 + lambda T) = 0.8 / 1.8.
        model::Block client = patientClient("client", 1000);
        client.params["static_ratio"] = 0.8;
        client.params["key_space"] = 1000;
        model::Block cdn = model::makeBlock("cdn", "cdn");
        cdn.params["ttl_s"] = 1;
        model::Architecture design;
        design.blocks = {client, cdn, service("origin", 1, 64, 5, 1)};
        design.links = {wire("client", "cdn"), wire("cdn", "origin")};
        const auto snap = simulate(design, 10, 300);
        const auto& edge = block(snap, "cdn");
        const double lookups = edge.extras.at("hits") + edge.extras.at("misses");
        const double theory = 0.8 / 1.8;
        // Binomial error, plus the misses during a fetch (5 ms of 1 s) the model leaves out.
        const double tolerance = 3.29 * std::sqrt(theory * (1 - theory) / lookups) + 0.01;
        QVERIFY2(std::abs(edge.extras.at("hit_ratio") - theory) < tolerance,
                 qPrintable(QString("edge hit ratio %1, theory %2").arg(edge.extras.at("hit_ratio")).arg(theory)));
        // Dynamic requests (20%) always reach the origin.
        QVERIFY(std::abs(edge.extras.at("dynamic_passed") / edge.arrivals - 0.2) < 0.01);
        // A long max-age offloads nearly all static traffic from the origin.
        design.blocks[1].params["ttl_s"] = 3600;
        const auto cached = simulate(design, 30, 60);
        QVERIFY2(block(cached, "cdn").extras.at("offload") > 0.79,
                 qPrintable(QString::number(block(cached, "cdn").extras.at("offload"))));
    }

    void multi_level_caching_averages_7_4_ms()
    {
        // The seeds' worked example: 60% from the browser (0 ms), 30% from
        // the CDN (20 ms), 8% from Redis (5 ms), 2% from the database (50 ms):
        // 0.6 x 0 + 0.3 x 20 + 0.08 x 5 + 0.02 x 50 = 7.4 ms. Each level's hit
        // ratio is of what reaches it (0.6, 0.3 / 0.4, 0.08 / 0.1), and a miss
        // passes on at no cost, as the seeds count it.
        auto level = [](const char* id, double hit, double latency) {
            model::Block c = cache(id, "fixed_ratio");
            c.params["hit_ratio"] = hit;
            c.params["latency_ms"] = latency;
            c.params["miss_latency_ms"] = 0;
            return c;
        };
        model::Architecture design;
        design.blocks = {patientClient("client", 1000), level("browser", 0.6, 0), level("cdn", 0.75, 20),
                         level("redis", 0.8, 5), database("db", 50, 50)};
        design.links = {wire("client", "browser"), wire("browser", "cdn"), wire("cdn", "redis"), wire("redis", "db")};
        const auto snap = simulate(design, 5, 300);
        const auto mean = windowInterval(
            measuredWindows(snap.series, 5), [](const stats::WindowSample& s) { return s.meanMs; },
            [](const stats::WindowSample& s) { return s.throughputPerSecond; });
        QVERIFY2(mean.contains(7.4), qPrintable(describe("multi-level mean latency ms", 7.4, mean)));
    }
};

QTEST_APPLESS_MAIN(CacheTest)
#include "CacheTest.moc"
