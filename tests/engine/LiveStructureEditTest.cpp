// Structural edits of a running simulation (model::DesignEdit's AddBlock,
// RemoveBlock, AddLink, RemoveLink through sim::Simulator::apply): the
// clock, the statistics and the series carry on; a new block serves from
// the moment it is added; calls in flight at a removed block end as
// Outcome::Removed; every edit is in the event log as a Design entry.
#include "io/ScenarioFile.h"
#include "model/DesignDiff.h"
#include "model/DesignEdit.h"
#include "model/Registry.h"
#include "run/Simulator.h"

#include <QTest>

#include <algorithm>

using namespace scalelab;
using Edit = model::DesignEdit;

namespace {

const stats::BlockSnapshot* findBlock(const stats::Snapshot& snapshot, const std::string& id)
{
    for (const auto& block : snapshot.blocks)
        if (block.id == id)
            return &block;
    return nullptr;
}

// Mean of the per-window p95 of the end-to-end latency over windows ending in (fromS, toS].
double meanP95(const stats::Snapshot& snapshot, double fromS, double toS)
{
    double sum = 0;
    int count = 0;
    for (const auto& window : snapshot.series)
        if (window.endSeconds > fromS && window.endSeconds <= toS && window.throughputPerSecond > 0) {
            sum += window.p95Ms;
            ++count;
        }
    return count > 0 ? sum / count : -1;
}

const model::Link& linkOf(const model::Architecture& design, const std::string& from, const std::string& to)
{
    return *std::find_if(design.links.begin(), design.links.end(),
                         [&](const model::Link& l) { return l.from == from && l.to == to; });
}

model::Architecture threeTier()
{
    return io::readScenario(SCALELAB_SOURCE_DIR "/resources/examples/three-tier.scalelab");
}

// users -> svc -> db, with calls long enough that many are in flight.
model::Architecture chain()
{
    model::Architecture a;
    model::Block users = model::makeBlock("client", "users", "Users");
    users.params["rate_rps"] = 200;
    users.params["retries"] = 0;
    users.params["timeout_ms"] = 0;
    model::Block svc = model::makeBlock("service", "svc", "Service");
    svc.params["instances"] = 4;
    svc.params["workers"] = 50;
    svc.params["service_time_ms"] = 5;
    model::Block db = model::makeBlock("service", "db", "Database");
    db.params["instances"] = 1;
    db.params["workers"] = 64;
    db.params["service_time_ms"] = 200; // about 40 calls in service at a time
    db.params["queue_capacity"] = 1000;
    a.blocks = {users, svc, db};
    model::Link in = model::makeLink("users", "svc");
    in.params["latency_ms"] = 2;
    model::Link out = model::makeLink("svc", "db");
    out.params["latency_ms"] = 3; // calls on the wire too when the block goes
    a.links = {in, out};
    return a;
}

bool hasDesignEntry(const stats::Snapshot& snapshot, const std::string& text, double atS)
{
    return std::any_of(snapshot.eventLog.begin(), snapshot.eventLog.end(), [&](const stats::EventLogEntry& e) {
        return e.kind == stats::EventLogEntry::Kind::Design && e.text == text && std::abs(e.atS - atS) < 1e-9;
    });
}

} // namespace

class LiveStructureEditTest : public QObject {
    Q_OBJECT
private slots:
    // The bar: the three-tier example without its cache, at a load
    // above the database's capacity; the cache and its links are added at
    // t = 30 s and the run goes on to 60 s.
    void adding_the_cache_live_lowers_p95_and_keeps_the_history()
    {
        const model::Architecture full = threeTier();
        model::Architecture design = full;
        const model::Block cache = *design.findBlock("cache");
        QCOMPARE(cache.kind, std::string("cache"));
        QVERIFY(Edit{Edit::RemoveBlock{"cache"}}.applyTo(design).empty());
        model::Link direct = linkOf(full, "app", "cache");
        direct.to = "db";
        const Edit addDirect{Edit::AddLink{direct, design.links.size()}};
        QVERIFY(addDirect.applyTo(design).empty());

        // The database's capacity from its own parameters: workers over the
        // mean service time of the users' read/write mix.
        const model::Block& db = *design.findBlock("db");
        model::Block& users = *design.findBlock("users");
        const double readRatio = users.param("read_ratio");
        const double meanServiceS =
            (readRatio * db.param("read_time_ms") + (1 - readRatio) * db.param("write_time_ms")) / 1000;
        const double dbCapacityRps = db.param("instances") * db.param("workers") / meanServiceS;
        users.params["rate_rps"] = std::round(1.15 * dbCapacityRps); // 15% over: the database saturates
        // Enough app servers that the database, not the app tier, is the bottleneck.
        design.findBlock("app")->params["instances"] = 12;

        sim::Simulator sim(design, 7);
        sim.runUntil(sim::fromSeconds(30));
        const stats::Snapshot before = sim.snapshot(true);
        const stats::BlockSnapshot* dbBefore = findBlock(before, "db");
        QVERIFY(dbBefore);
        QVERIFY2(dbBefore->utilization > 0.97, qPrintable(QString("db utilisation %1").arg(dbBefore->utilization)));

        const std::vector<Edit> addCache{
            {Edit::RemoveLink{"app", "db"}},
            {Edit::AddBlock{cache, *full.blockIndex("cache")}},
            {Edit::AddLink{linkOf(full, "app", "cache"), 2}},
            {Edit::AddLink{linkOf(full, "cache", "db"), 3}},
        };
        const std::string refusal = sim.apply(addCache);
        QVERIFY2(refusal.empty(), refusal.c_str());
        QCOMPARE(sim.now(), sim::fromSeconds(30));
        sim.runUntil(sim::fromSeconds(60));
        QCOMPARE(sim.now(), sim::fromSeconds(60)); // time went on, it did not restart at 0

        const stats::Snapshot after = sim.snapshot(true);
        QCOMPARE(after.simSeconds, 60.0);
        QCOMPARE(int(after.series.size()), 60);
        // The first 30 windows are the same windows as before the edit.
        for (size_t i = 0; i < before.series.size(); ++i) {
            QCOMPARE(after.series[i].endSeconds, before.series[i].endSeconds);
            QCOMPARE(after.series[i].p95Ms, before.series[i].p95Ms);
            QCOMPARE(after.series[i].throughputPerSecond, before.series[i].throughputPerSecond);
        }
        QCOMPARE(after.series.front().endSeconds, 1.0);
        QVERIFY(after.requests > before.requests);

        const double p95Before = meanP95(after, 10, 30);
        const double p95After = meanP95(after, 40, 60);
        qInfo("p95 (mean of 1 s windows): t=10-30 s %.1f ms, t=40-60 s %.1f ms", p95Before, p95After);
        QVERIFY(p95Before > 0 && p95After > 0);
        QVERIFY2(p95After < 0.5 * p95Before, qPrintable(QString("%1 vs %2").arg(p95After).arg(p95Before)));

        // The cache serves from t = 30 s and takes the reads off the database.
        const stats::BlockSnapshot* cacheNow = findBlock(after, "cache");
        QVERIFY(cacheNow);
        QVERIFY(cacheNow->arrivals > 0);
        QVERIFY(!cacheNow->series.empty());
        QVERIFY(cacheNow->series.front().endSeconds > 30);
        const stats::BlockSnapshot* dbAfter = findBlock(after, "db");
        QVERIFY2(dbAfter->series.back().utilization < 0.8,
                 qPrintable(QString("db utilisation %1").arg(dbAfter->series.back().utilization)));
        // The snapshot lists the blocks in the design's order, names matching.
        QCOMPARE(after.blocks.size(), full.blocks.size());
        for (size_t i = 0; i < full.blocks.size(); ++i) {
            QCOMPARE(after.blocks[i].id, full.blocks[i].id);
            QCOMPARE(after.blocks[i].name, full.blocks[i].name);
        }
        QVERIFY(sim.architecture().findBlock("cache"));
        QCOMPARE(*sim.architecture().linkOrdinal("app", "cache"), size_t(0));
        // One log entry per edit, at the moment it was made.
        QVERIFY(hasDesignEntry(after, "cache added", 30));
        QVERIFY(hasDesignEntry(after, "app -> cache link added", 30));
        QVERIFY(hasDesignEntry(after, "cache -> db link added", 30));
        QVERIFY(hasDesignEntry(after, "app -> db link removed", 30));
    }

    void removing_a_block_ends_its_calls_as_removed_and_the_run_goes_on()
    {
        sim::Simulator sim(chain(), 3);
        sim.runUntil(sim::fromSeconds(10));
        const stats::Snapshot before = sim.snapshot();
        const int inFlight = findBlock(before, "db")->inFlight;
        QVERIFY2(inFlight > 20, qPrintable(QString("%1 in flight").arg(inFlight)));
        QCOMPARE(before.errors[sim::Outcome::Removed], uint64_t(0));

        QCOMPARE(sim.apply(Edit{Edit::RemoveBlock{"db"}}), std::string());
        QVERIFY(!sim.architecture().findBlock("db"));
        QVERIFY(sim.architecture().links.size() == 1);
        sim.runFor(sim::fromMs(5)); // the failures' way back to the users: one 2 ms wire
        const stats::Snapshot atRemoval = sim.snapshot();
        // Every call at the database (served, queued or on the wire) failed
        // its request at once: no retries, no timeouts here.
        const uint64_t removed = atRemoval.errors[sim::Outcome::Removed];
        QVERIFY2(removed >= uint64_t(inFlight),
                 qPrintable(QString("%1 removed, %2 were in flight").arg(removed).arg(inFlight)));
        QCOMPARE(atRemoval.errors.total(), removed);
        QVERIFY(!findBlock(atRemoval, "db"));
        // The service's calls waiting on the database ended with them (give
        // or take the few requests that arrived in those 5 ms at 200 rps: 1 expected).
        QVERIFY(findBlock(atRemoval, "svc")->inFlight <= findBlock(before, "svc")->inFlight - inFlight + 8);
        QVERIFY(hasDesignEntry(atRemoval, "db removed", 10));

        sim.runUntil(sim::fromSeconds(20));
        const stats::Snapshot later = sim.snapshot(true);
        QCOMPARE(later.errors[sim::Outcome::Removed], removed); // nothing else failed
        QCOMPARE(later.errors.total(), removed);
        QVERIFY(later.completed > before.completed + 1500); // about 200 rps for 10 s
        // Without its 200 ms database call the service answers in its own 5 ms (plus the 2 ms wire twice).
        QVERIFY2(later.series.back().p95Ms < 50, qPrintable(QString("p95 %1").arg(later.series.back().p95Ms)));
        QVERIFY(findBlock(later, "svc")->inFlight >= 0); // no call counted out twice
    }

    void removing_a_link_stops_its_calls()
    {
        model::Architecture design = chain();
        sim::Simulator sim(design, 5);
        sim.runUntil(sim::fromSeconds(5));
        QCOMPARE(sim.apply(Edit{Edit::RemoveLink{"svc", "db"}}), std::string());
        sim.runFor(sim::fromMs(5)); // the failures' way back to the users
        const uint64_t dbArrivals = findBlock(sim.snapshot(), "db")->arrivals;
        const uint64_t removed = sim.snapshot().errors[sim::Outcome::Removed];
        QVERIFY(removed > 20); // the calls in flight on it: their callers gave up
        sim.runUntil(sim::fromSeconds(10));
        const stats::Snapshot later = sim.snapshot();
        QCOMPARE(findBlock(later, "db")->arrivals, dbArrivals); // nothing called it any more
        QCOMPARE(later.errors.total(), removed);
        QCOMPARE(findBlock(later, "db")->inFlight, 0); // the orphaned calls finished
    }

    // Adding a block and a link, then removing them at the same instant,
    // leaves the run exactly as if nothing happened.
    void add_and_remove_at_once_changes_nothing()
    {
        const model::Architecture design = chain();
        sim::Simulator plain(design, 11);
        sim::Simulator edited(design, 11);
        plain.runUntil(sim::fromSeconds(10));
        edited.runUntil(sim::fromSeconds(10));
        model::Block extra = model::makeBlock("service", "extra", "Extra");
        const std::vector<Edit> add{{Edit::AddBlock{extra, 1}}, {Edit::AddLink{model::makeLink("svc", "extra"), 0}}};
        QCOMPARE(edited.apply(add), std::string());
        QCOMPARE(edited.apply(Edit{Edit::RemoveLink{"svc", "extra"}}), std::string());
        QCOMPARE(edited.apply(Edit{Edit::RemoveBlock{"extra"}}), std::string());
        QCOMPARE(edited.architecture().blocks, design.blocks);
        QCOMPARE(edited.architecture().links, design.links);
        plain.runUntil(sim::fromSeconds(20));
        edited.runUntil(sim::fromSeconds(20));
        const stats::Snapshot a = plain.snapshot(), b = edited.snapshot();
        QCOMPARE(b.completed, a.completed);
        QCOMPARE(b.latency.p95Ms, a.latency.p95Ms);
        QCOMPARE(b.latency.meanMs, a.latency.meanMs);
        QCOMPARE(b.errors.total(), a.errors.total());
        QCOMPARE(b.blocks.size(), a.blocks.size());
    }

    void a_new_client_sends_from_the_moment_it_is_added()
    {
        model::Architecture design = chain();
        sim::Simulator sim(design, 2);
        sim.runUntil(sim::fromSeconds(10));
        model::Block more = model::makeBlock("client", "more", "More users");
        more.params["rate_rps"] = 100;
        more.params["timeout_ms"] = 0;
        const std::vector<Edit> add{{Edit::AddBlock{more, 0}}, {Edit::AddLink{model::makeLink("more", "svc"), 0}}};
        QCOMPARE(sim.apply(add), std::string());
        sim.runUntil(sim::fromSeconds(30));
        const stats::Snapshot snap = sim.snapshot(true);
        const stats::BlockSnapshot* client = findBlock(snap, "more");
        QVERIFY(client);
        QCOMPARE(snap.blocks.front().id, std::string("more"));
        // About 100 rps for 20 s, Poisson: 2,000 +- 4.5 sigma (sigma = sqrt(2000) = 45).
        QVERIFY2(std::abs(double(client->arrivals) - 2000) < 4.5 * 45, qPrintable(QString::number(client->arrivals)));
        // Its first window is its first second, not a window since t = 0.
        QCOMPARE(client->series.front().endSeconds, 11.0);
        QVERIFY(client->series.front().arrivalsPerSecond > 50);
    }

    void an_edit_that_leaves_errors_is_refused_and_changes_nothing()
    {
        sim::Simulator sim(chain(), 1);
        sim.runUntil(sim::fromSeconds(2));
        const model::Architecture before = sim.architecture();
        // A cycle: db calls the service that calls it.
        const std::string refusal = sim.apply(Edit{Edit::AddLink{model::makeLink("db", "svc"), 2}});
        QVERIFY2(!refusal.empty(), "a cycle was accepted");
        QCOMPARE(sim.architecture(), before);
        QVERIFY(!sim.apply(Edit{Edit::RemoveBlock{"nope"}}).empty());
        QVERIFY(!sim.apply(Edit{Edit::AddLink{model::makeLink("svc", "db"), 0}}).empty()); // already there
        QVERIFY(!sim.apply(Edit{Edit::AddBlock{model::makeBlock("service", "svc"), 0}}).empty()); // id taken
        QCOMPARE(sim.architecture(), before);
        sim.runUntil(sim::fromSeconds(4));
        QVERIFY(sim.snapshot().completed > 0);
    }

    // Faults and commands find their block by id after blocks moved in the design.
    void faults_reach_the_right_block_after_edits()
    {
        model::Architecture design = chain();
        model::Block side = model::makeBlock("service", "side", "Side");
        design.blocks.insert(design.blocks.begin() + 1, side);
        design.links.push_back(model::makeLink("svc", "side"));
        sim::Simulator sim(design, 4);
        sim.runUntil(sim::fromSeconds(2));
        QCOMPARE(sim.apply(Edit{Edit::RemoveBlock{"side"}}), std::string());
        model::Fault crash;
        crash.action = "crash";
        crash.block = "db";
        crash.value = 1;
        QCOMPARE(sim.inject(crash), std::string());
        sim.runUntil(sim::fromSeconds(3));
        const stats::Snapshot snap = sim.snapshot();
        QCOMPARE(snap.eventLog.back().kind, stats::EventLogEntry::Kind::Fault);
        QCOMPARE(snap.eventLog.back().blocks, std::vector<std::string>{"db"});
        QVERIFY(findBlock(snap, "db")->errors[sim::Outcome::Failed] > 100); // its one instance is down
        QCOMPARE(findBlock(snap, "svc")->errors[sim::Outcome::Failed], findBlock(snap, "db")->errors[sim::Outcome::Failed]);
        QCOMPARE(sim.recover("db"), std::string());
        QCOMPARE(sim.snapshot().eventLog.back().blocks, std::vector<std::string>{"db"});
        sim.runUntil(sim::fromSeconds(3.5)); // the calls failed before the recovery have come back
        const uint64_t failed = sim.snapshot().errors[sim::Outcome::Failed];
        sim.runUntil(sim::fromSeconds(5));
        QCOMPARE(sim.snapshot().errors[sim::Outcome::Failed], failed);
    }

    void blocks_added_to_a_reduced_design_are_reduced_too()
    {
        model::Architecture design = chain();
        design.cells = 4;
        design.findBlock("users")->params["rate_rps"] = 800;
        sim::Simulator sim(design, 9);
        sim.runUntil(sim::fromSeconds(2));
        model::Block more = model::makeBlock("service", "more", "More");
        more.params["instances"] = 8;
        const std::vector<Edit> add{{Edit::AddBlock{more, 3}}, {Edit::AddLink{model::makeLink("svc", "more"), 1}}};
        QCOMPARE(sim.apply(add), std::string());
        sim.runUntil(sim::fromSeconds(12));
        const stats::Snapshot snap = sim.snapshot();
        // Reported for the whole design: 8 instances, and every request's call.
        QCOMPARE(findBlock(snap, "more")->instances, 8);
        const double rate = double(findBlock(snap, "more")->arrivals) / 10;
        QVERIFY2(std::abs(rate - 800) < 800 * 0.1, qPrintable(QString::number(rate)));
    }

    void parameter_edits_are_logged_as_design_changes()
    {
        sim::Simulator sim(chain(), 1);
        sim.runUntil(sim::fromSeconds(3));
        QCOMPARE(sim.setParam("db", "service_time_ms", 20), std::string());
        const stats::Snapshot snap = sim.snapshot();
        QVERIFY(hasDesignEntry(snap, "db.service_time_ms = 20", 3));
        QCOMPARE(snap.eventLog.back().blocks, std::vector<std::string>{"db"});
    }

    void diff_gives_the_edits_between_two_designs()
    {
        const model::Architecture full = threeTier();
        model::Architecture without = full;
        QVERIFY(Edit{Edit::RemoveBlock{"cache"}}.applyTo(without).empty());
        const Edit addDirect{Edit::AddLink{model::makeLink("app", "db"), 2}};
        QVERIFY(addDirect.applyTo(without).empty());
        without.findBlock("db")->params["workers"] = 32;

        const auto edits = model::diff(without, full);
        QVERIFY(edits);
        model::Architecture rebuilt = without;
        for (const Edit& edit : *edits)
            QCOMPARE(edit.applyTo(rebuilt), std::string());
        QCOMPARE(rebuilt.blocks, full.blocks);
        QCOMPARE(rebuilt.links, full.links);
        QCOMPARE(int(edits->size()), 5); // app->db removed, cache added, two links added, db.workers
        // The simulator takes the same edits as one batch.
        sim::Simulator sim(without, 1);
        sim.runUntil(sim::fromSeconds(1));
        QCOMPARE(sim.apply(*edits), std::string());
        QCOMPARE(sim.architecture().blocks, full.blocks);
        QCOMPARE(sim.architecture().links, full.links);

        QVERIFY(model::diff(full, full) && model::diff(full, full)->empty());
        model::Architecture moved = full;
        moved.findBlock("db")->region = "eu";
        QVERIFY(!model::diff(full, moved)); // a region has no live edit
    }
};

QTEST_GUILESS_MAIN(LiveStructureEditTest)
#include "LiveStructureEditTest.moc"
