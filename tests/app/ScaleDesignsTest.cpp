// The generated designs `scalelab bench --realtime` times: each must be the
// design its comment describes, or the real-time factor it reports is of
// something else. Checked at 100K rps (the bench runs them at 1M), where
// mean utilisation is known exactly: offered work over capacity.
#include "bench/ScaleDesigns.h"
#include "engine/SimTestSupport.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;

namespace {

constexpr double kRateRps = 100'000;
constexpr double kSeconds = 2;

// From an empty start, no warm-up: the bench times the same.
stats::Snapshot run(const model::Architecture& design) { return testing::simulate(design, 0, kSeconds); }

// Utilisation is the mean of about n = rate x seconds x share service
// times over a fixed span: relative standard error about sqrt(1 + cv^2) /
// sqrt(n) (arrival count and work both vary), under 0.5% here; 2% is
// four of those plus the first milliseconds' start from empty.
constexpr double kTolerance = 0.02;

} // namespace

class ScaleDesignsTest : public QObject {
    Q_OBJECT

private slots:
    void unequal_fleets_share_the_load_by_capacity()
    {
        const model::Architecture design = bench::unequalFleetsDesign(kRateRps);
        QCOMPARE(design.cells, 1);
        const stats::Snapshot snap = run(design);
        QVERIFY(!snap.sampled);
        const stats::BlockSnapshot& oldFleet = testing::block(snap, "old");
        const stats::BlockSnapshot& newFleet = testing::block(snap, "new");
        QVERIFY(oldFleet.instances > newFleet.instances); // unequal in number as well as in size
        // Weighted round robin gives each old instance 1 share and each new
        // one 4: an old instance (2,000 rps) and a new one (8,000) are then
        // equally busy.
        const double shares = oldFleet.instances + 4.0 * newFleet.instances;
        const double expected = kRateRps / shares / 2'000;
        QVERIFY2(std::abs(expected - 0.7) < 0.01, qPrintable(QString::number(expected)));
        for (const stats::BlockSnapshot* fleet : {&oldFleet, &newFleet})
            QVERIFY2(std::abs(fleet->utilization / expected - 1) < kTolerance,
                     qPrintable(QString("%1: %2 busy, expected %3")
                                    .arg(fleet->id.c_str())
                                    .arg(fleet->utilization)
                                    .arg(expected)));
        QCOMPARE(oldFleet.errors.total(), uint64_t(0));
        QCOMPARE(newFleet.errors.total(), uint64_t(0));
    }

    void celebrity_fanout_carries_the_examples_load_per_instance()
    {
        const model::Architecture design = bench::celebrityFanoutDesign(kRateRps);
        QCOMPARE(design.cells, 1);
        const model::Block& timeline = *design.findBlock("timeline");
        QCOMPARE(timeline.param("celebrity_followers"), 50'000'000.0); // the seed's celebrity
        const stats::Snapshot snap = run(design);
        QVERIFY(!snap.sampled);
        // Posts (5%, 2 ms) and reads (95%, 1 ms) over instances x workers:
        // the twitter-fanout examples' 8.2% at any rate.
        const double work = 0.05 * timeline.param("post_time_ms") + 0.95 * timeline.param("read_time_ms");
        const double expected = kRateRps * work / 1000 / (timeline.param("instances") * timeline.param("workers"));
        QVERIFY2(std::abs(expected - 0.082) < 0.001, qPrintable(QString::number(expected)));
        const stats::BlockSnapshot& block = testing::block(snap, "timeline");
        QVERIFY2(std::abs(block.utilization / expected - 1) < kTolerance,
                 qPrintable(QString("%1 busy, expected %2").arg(block.utilization).arg(expected)));
        QVERIFY(block.extras.at("posts") > 0);
    }
};

QTEST_GUILESS_MAIN(ScaleDesignsTest)
#include "ScaleDesignsTest.moc"
