// The what-to-try figures of the data-store examples (object-storage-uploads,
// kv-hot-partition, search-index-refresh), checked on the files and on the
// variations the texts ask for, as ExampleClaimsTest does for the others.
//
// Tolerances, decided before running: throttled and rejected shares against
// their theory (the Poisson excess over a partition's limit; a saturated
// pool's 1 - capacity / offered) within a 99.9% interval over 10 s windows
// or 3.29 sigma of the counts; the text's rounded figure within half its
// last digit of the theory; latencies without a closed form within 15%.
#include "ClaimChecks.h"
#include "analysis/CacheModel.h"
#include "analysis/DataStorePlanning.h"
#include "core/FigureNames.h"
#include "core/Outcome.h"
#include "io/ScenarioFile.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr size_t kThrottled = static_cast<size_t>(sim::Outcome::Throttled) - 1;
constexpr size_t kRejected = static_cast<size_t>(sim::Outcome::Rejected) - 1;

// Share of a block's arrivals that ended in error `kind`, per 10 s window.
stats::ConfidenceInterval errorShare(const stats::Snapshot& snap, const char* id, size_t kind)
{
    return windowInterval(
        measuredWindows(block(snap, id).series, 0),
        [kind](const stats::WindowSample& w) {
            return w.arrivalsPerSecond > 0 ? w.errorsPerSecond[kind] / w.arrivalsPerSecond : 0.0;
        },
        [](const stats::WindowSample& w) { return w.arrivalsPerSecond; });
}

// The text's figure, rounded as it is written, agrees with the theory.
bool stated(double theory, double text, double roundedTo)
{
    return std::abs(theory - text) <= roundedTo / 2 + 1e-12; // 0.835 is "84%"
}

// The planner's throttled share of a design's partitioned store (its key source: the design's client).
double plannedThrottle(const model::Architecture& design, const char* store, double readRps, double writeRps)
{
    analysis::BlockPlan plan;
    plan.readRps = readRps;
    plan.writeRps = writeRps;
    analysis::planPartitionedStore(*design.findBlock(store), plan, design.findBlock("users"));
    return plan.throttledRatio;
}

} // namespace

class DataStoreExamplesTest : public QObject {
    Q_OBJECT

private slots:
    void object_storage_uploads()
    {
        model::Architecture design = example("object-storage-uploads.scalelab");
        const model::Block& blobs = *design.findBlock("blobs");
        const double transferMs = 1000 * blobs.param("object_size_mb") / blobs.param("transfer_rate");
        const double readMs = blobs.param("read_time_ms") + transferMs, writeMs = blobs.param("write_time_ms") + transferMs;
        QVERIFY(stated(readMs, 52, 1) && stated(transferMs, 22, 1) && stated(writeMs, 72, 1));
        const double mixMs = 0.9 * readMs + 0.1 * writeMs;
        QVERIFY(stated(mixMs, 54, 1));
        auto snap = simulate(design, 5, 60);
        const auto& store = block(snap, "blobs");
        QVERIFY2(std::abs(store.latency.meanMs - mixMs) < 0.15 * mixMs,
                 qPrintable(QString("blobs: %1 ms, the text says 54").arg(store.latency.meanMs)));
        // Cost: storage + GETs + PUTs at the measured rates; the uploads' share more than half.
        const double perS = double(store.arrivals) / snap.measuredSeconds;
        const double storage = blobs.param("stored_gb") * blobs.param("cost_per_gb_month") / stats::kHoursPerMonth;
        const double gets = 0.9 * perS * 3600 * blobs.param("cost_per_million") / 1e6;
        const double puts = 0.1 * perS * 3600 * blobs.param("cost_per_million_writes") / 1e6;
        QVERIFY2(stated(store.costPerHour, 6.4, 0.1) && puts > 0.5 * (storage + gets + puts),
                 qPrintable(QString("blobs cost $%1/h (storage %2, GETs %3, PUTs %4)")
                                .arg(store.costPerHour).arg(storage).arg(gets).arg(puts)));
        QCOMPARE(store.extras.at(figures::kThrottled), 0.0);

        // Images in the database: 64 workers at 0.9 x 50 + 0.1 x 80 ms serve
        // 64 / 53 ms = 1,208 of 2,000 a second; the rest is refused.
        model::Architecture inDb = design;
        set(inDb, "meta", "read_time_ms", 50);
        set(inDb, "meta", "write_time_ms", 80);
        const double capacity = 64 / 0.053, offered = 2000;
        QVERIFY(stated(capacity, 1200, 100) && stated(1 - capacity / offered, 0.40, 0.01));
        snap = simulate(inDb, 10, 60);
        const auto rejected = errorShare(snap, "meta", kRejected);
        QVERIFY2(rejected.contains(1 - capacity / offered),
                 qPrintable(describe("meta rejects", 1 - capacity / offered, rejected)));

        // 7,000 rps: 6,300 GETs/s on one prefix of 5,500.
        model::Architecture busy = design;
        set(busy, "users", "rate_rps", 7000);
        const double theory = analysis::poissonExcess(6300, blobs.param("partition_read_rps")) / 7000;
        QVERIFY(stated(theory, 0.11, 0.01));
        snap = simulate(busy, 5, 60);
        const auto throttled = errorShare(snap, "blobs", kThrottled);
        QVERIFY2(throttled.contains(theory), qPrintable(describe("blobs throttled", theory, throttled)));
        set(busy, "blobs", "partitions", 2);
        snap = simulate(busy, 5, 60);
        QCOMPARE(block(snap, "blobs").extras.at(figures::kThrottled), 0.0);
    }

    void kv_hot_partition()
    {
        model::Architecture design = example("kv-hot-partition.scalelab");
        const double reads = 7200, writes = 800;
        auto snap = simulate(design, 5, 60);
        QCOMPARE(block(snap, "carts").extras.at(figures::kThrottled), 0.0);
        QVERIFY(stated(reads / 4, 1800, 100));

        set(design, "users", "key_skew", 1.5);
        const double hottestKey = analysis::zipfClasses(1'000'000, 1.5).front().p;
        QVERIFY2(stated(hottestKey, 0.38, 0.01), qPrintable(QString::number(hottestKey)));
        const struct {
            const char* what;
            double partitions;
            bool onDemand;
            double text;
        } cases[] = {{"hot key", 4, false, 0.045}, {"on demand", 4, true, 0.045}, {"8 partitions", 8, false, 0.20}};
        for (const auto& c : cases) {
            model::Architecture variant = design;
            set(variant, "carts", "partitions", c.partitions);
            if (c.onDemand)
                set(variant, "carts", "capacity_mode", choiceValue("kv_store", "capacity_mode", "on_demand"));
            const double theory = plannedThrottle(variant, "carts", reads, writes);
            QVERIFY2(stated(theory, c.text, c.text < 0.1 ? 0.001 : 0.01), qPrintable(QString("%1: planned %2").arg(c.what).arg(theory)));
            snap = simulate(variant, 5, 60);
            const auto ci = errorShare(snap, "carts", kThrottled);
            QVERIFY2(ci.contains(theory), qPrintable(describe(c.what, theory, ci)));
        }
    }

    void search_index_refresh()
    {
        model::Architecture design = example("search-index-refresh.scalelab");
        const model::Block& index = *design.findBlock("search");
        const double queryMs = index.param("query_base_ms") +
                               index.param("query_ms_per_million_docs") * index.param("documents_millions") / 5;
        QVERIFY(stated(queryMs, 7, 1) && stated(queryMs * (1 + 1. / 2 + 1. / 3 + 1. / 4 + 1. / 5), 16, 1));
        const auto utilisation = [&](double replicas) {
            return (950 * 5 * queryMs + 50 * (1 + replicas) * index.param("write_time_ms")) / 1000 /
                   (5 * (1 + replicas) * index.param("workers"));
        };
        QVERIFY(stated(utilisation(1), 0.42, 0.01) && stated(utilisation(0), 0.84, 0.01));
        auto snap = simulate(design, 5, 60);
        const auto& search = block(snap, "search");
        // Idle nodes: searches 7 ms x H(5), writes 3 ms x H(2) (both copies); a little queueing on top.
        const double idleMs = 0.95 * queryMs * (1 + 1. / 2 + 1. / 3 + 1. / 4 + 1. / 5) +
                              0.05 * index.param("write_time_ms") * 1.5;
        QVERIFY2(stated(idleMs, 15, 1), qPrintable(QString::number(idleMs)));
        QVERIFY2(std::abs(search.latency.meanMs - 15) < 0.15 * 15,
                 qPrintable(QString("search: %1 ms, the text says about 15").arg(search.latency.meanMs)));
        const auto busy = [](const stats::Snapshot& s) {
            return windowInterval(
                measuredWindows(block(s, "search").series, 0), [](const stats::WindowSample& w) { return w.utilization; },
                [](const stats::WindowSample&) { return 1.0; });
        };
        QVERIFY2(busy(snap).contains(utilisation(1)), qPrintable(describe("nodes busy", utilisation(1), busy(snap))));
        model::Architecture halved = design;
        set(halved, "search", "replicas", 0);
        const auto fewer = simulate(halved, 5, 60);
        QVERIFY2(busy(fewer).contains(utilisation(0)),
                 qPrintable(describe("nodes busy, no replicas", utilisation(0), busy(fewer))));
        QVERIFY2(block(fewer, "search").latency.meanMs > search.latency.meanMs,
                 qPrintable(QString("no replicas: %1 ms, with: %2 ms").arg(block(fewer, "search").latency.meanMs)
                                .arg(search.latency.meanMs)));

        // Stale searches: 50 writes/s over 1,000 keys, refreshed every R s.
        for (const auto& [refreshS, text] : {std::pair{1.0, 0.025}, std::pair{30.0, 0.48}}) {
            const double wR = 50 * refreshS / 1000;
            const double theory = 1 - (1 - std::exp(-wR)) / wR;
            QVERIFY2(stated(theory, text, text < 0.1 ? 0.001 : 0.01), qPrintable(QString::number(theory)));
            model::Architecture variant = design;
            set(variant, "search", "refresh_interval_s", refreshS);
            std::vector<double> shares;
            for (uint64_t seed = 1; seed <= 6; ++seed)
                shares.push_back(block(simulate(variant, 5, 60, seed), "search").extras.at(figures::kStaleSearchRatio));
            const auto ci = stats::batchMeansInterval(shares, kConfidence);
            QVERIFY2(ci.contains(theory), qPrintable(describe("stale searches", theory, ci)));
        }
    }
};

QTEST_GUILESS_MAIN(DataStoreExamplesTest)
#include "DataStoreExamplesTest.moc"
