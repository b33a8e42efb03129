// CQRS with event sourcing (seed 02, pattern 7): the event store's log is
// the source of truth and its read model follows it through projections.
// What the seeds' trade-offs ("eventual consistency", "independent
// scaling") amount to, against the numbers that follow from the rates:
//  - the projection lag grows by (append rate - apply rate) a second when
//    the projection cannot keep up; the appends are a Poisson count, so the
//    tolerance is 3.29 of its standard deviations (plus the events the
//    workers hold at each end);
//  - a lost read model is rebuilt in (events in the log) / (replay rate),
//    reads meanwhile refused or stale, and the appends made during the
//    replay wait for the projection after it;
//  - a read is stale when its key has an unapplied event: with B unapplied
//    events on K uniform keys, 1 - exp(-B/K) of the reads;
//  - the read side scales alone: more read-model nodes leave the log's
//    utilisation and append latency where M/M/c puts them.
#include "SimTestSupport.h"

#include "analysis/Advisor.h"
#include "analysis/NetworkModel.h"
#include "analysis/Queueing.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kZ = 3.29; // two-sided 99.9%

model::Block writers(double rps, double keySpace = 100'000)
{
    model::Block client = patientClient("writers", rps);
    client.params["read_ratio"] = 0;
    client.params["key_space"] = keySpace;
    return client;
}

model::Block readers(double rps, double keySpace = 100'000)
{
    model::Block client = patientClient("readers", rps);
    client.params["key_space"] = keySpace;
    return client;
}

model::Block store(int projectionWorkers, double applyMs)
{
    model::Block block = model::makeBlock("event_store", "store");
    block.params["projection_workers"] = projectionWorkers;
    block.params["apply_time_ms"] = applyMs;
    block.params["append_time_ms"] = 1;
    block.params["read_time_ms"] = 1;
    block.params["workers"] = 32;
    block.params["initial_events"] = 0;
    return block;
}

model::Architecture design(std::vector<model::Block> clients, const model::Block& eventStore)
{
    model::Architecture result;
    for (const model::Block& client : clients) {
        result.blocks.push_back(client);
        result.links.push_back(wire(client.id, "store"));
    }
    result.blocks.push_back(eventStore);
    return result;
}

double extra(const sim::Simulator& simulator, const char* name)
{
    return block(simulator.snapshot(), "store").extras.at(name);
}

model::Fault loseProjection()
{
    model::Fault fault;
    fault.action = "lose_projection";
    fault.block = "store";
    return fault;
}

} // namespace

class EventSourcingTest : public QObject {
    Q_OBJECT

private slots:
    void projection_lag_grows_at_append_rate_minus_apply_rate()
    {
        const double lambda = 1000, workers = 4, applyMs = 5; // mu = 800 events/s
        const double mu = workers * 1000 / applyMs;
        sim::Simulator simulator(design({writers(lambda)}, store(workers, applyMs)), 3);
        simulator.runUntil(sim::fromSeconds(20));
        const double early = extra(simulator, "projection_lag_events");
        simulator.runUntil(sim::fromSeconds(50));
        const double late = extra(simulator, "projection_lag_events");
        const double growth = late - early, expected = (lambda - mu) * 30;
        const double tolerance = kZ * std::sqrt(lambda * 30) + 2 * workers;
        QVERIFY2(std::abs(growth - expected) < tolerance, qPrintable(measuredAgainst("lag growth over 30 s", growth, expected, tolerance)));
        const double lagTolerance = kZ * std::sqrt(lambda * 50) + workers;
        QVERIFY2(std::abs(late - (lambda - mu) * 50) < lagTolerance,
                 qPrintable(measuredAgainst("lag at 50 s", late, (lambda - mu) * 50, lagTolerance)));
        // The oldest unapplied event is the (mu T + 1)-th appended, at about
        // mu T / lambda: its age is T (1 - mu / lambda), give or take the
        // spread of the n-th Poisson arrival, sqrt(n) / lambda.
        const double ageS = extra(simulator, "projection_lag_s"), expectedAge = 50 * (1 - mu / lambda);
        const double ageTolerance = kZ * std::sqrt(mu * 50) / lambda + 0.01;
        QVERIFY2(std::abs(ageS - expectedAge) < ageTolerance,
                 qPrintable(measuredAgainst("oldest unapplied age s", ageS, expectedAge, ageTolerance)));
    }

    void projection_that_keeps_up_holds_no_growing_lag()
    {
        const double lambda = 600, workers = 4, applyMs = 5; // mu = 800 events/s: rho 0.75
        sim::Simulator simulator(design({writers(lambda)}, store(workers, applyMs)), 4);
        simulator.runUntil(sim::fromSeconds(20));
        const double early = extra(simulator, "events_applied");
        simulator.runUntil(sim::fromSeconds(50));
        // Everything appended is applied: 30 s of applications = 30 s of appends.
        const double applied = extra(simulator, "events_applied") - early;
        const double tolerance = kZ * std::sqrt(lambda * 30) + 2 * workers;
        QVERIFY2(std::abs(applied - lambda * 30) < tolerance, qPrintable(measuredAgainst("applied in 30 s", applied, lambda * 30, tolerance)));
        QVERIFY2(extra(simulator, "projection_lag_events") < 100,
                 qPrintable(measuredAgainst("lag at 50 s", extra(simulator, "projection_lag_events"), 0, 100)));
    }

    void stale_reads_are_reads_of_keys_with_unapplied_events()
    {
        // B(t) = 200 t unapplied events on K = 20,000 uniform keys: a read at t
        // is stale with probability 1 - exp(-B/K); measured over t in [10, 40].
        const double keys = 20'000, readRps = 500;
        model::Architecture cqrs = design({writers(1000, keys), readers(readRps, keys)}, store(4, 5));
        sim::Simulator simulator(cqrs, 5);
        simulator.runUntil(sim::fromSeconds(10));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(40));
        const double expected = 1 - (100.0 / 30) * (std::exp(-0.1) - std::exp(-0.4));
        const double reads = extra(simulator, "read_model_reads");
        const double ratio = extra(simulator, "stale_read_ratio");
        // Binomial over the reads, and the lag's own Poisson spread (about
        // 160 events at mid-run) moving the probability by exp(-B/K) dB / K.
        const double binomial = std::sqrt(expected * (1 - expected) / reads);
        const double lagSpread = std::exp(-0.25) * std::sqrt(1000 * 25.0) / keys;
        const double tolerance = kZ * std::sqrt(binomial * binomial + lagSpread * lagSpread);
        QVERIFY2(std::abs(ratio - expected) < tolerance, qPrintable(measuredAgainst("stale read ratio", ratio, expected, tolerance)));
    }

    void replay_takes_events_in_the_log_over_the_replay_rate()
    {
        model::Block eventStore = store(4, 2);
        eventStore.params["initial_events"] = 300'000;
        eventStore.params["replay_rate_eps"] = 30'000;
        const double readRps = 500, writeRps = 200;
        sim::Simulator simulator(design({writers(writeRps), readers(readRps)}, eventStore), 6);
        simulator.runUntil(sim::fromSeconds(10));
        const double logEvents = extra(simulator, "log_events");
        QVERIFY2(logEvents > 300'000 + writeRps * 9, qPrintable(measuredAgainst("log events", logEvents, 300'000 + writeRps * 10, writeRps)));
        simulator.resetStats();
        QVERIFY(simulator.inject(loseProjection()).empty());
        const double replayS = logEvents / 30'000;
        QCOMPARE(extra(simulator, "replay_s"), replayS);

        simulator.runUntil(sim::fromSeconds(10 + replayS - 0.05));
        QCOMPARE(extra(simulator, "replaying"), 1.0);
        simulator.runUntil(sim::fromSeconds(10 + replayS + 0.001)); // before any worker finishes its first event
        QCOMPARE(extra(simulator, "replaying"), 0.0);
        const auto rebuilt = logged(simulator.snapshot(), "read model rebuilt");
        QCOMPARE(rebuilt.size(), size_t(1));
        QVERIFY2(std::abs(rebuilt.front().atS - (10 + replayS)) < 1e-6, qPrintable(measuredAgainst("rebuilt at s", rebuilt.front().atS, 10 + replayS, 1e-6)));
        // Reads were refused for the whole replay...
        const double refused = extra(simulator, "reads_refused");
        const double refusedTolerance = kZ * std::sqrt(readRps * replayS);
        QVERIFY2(std::abs(refused - readRps * replayS) < refusedTolerance,
                 qPrintable(measuredAgainst("reads refused", refused, readRps * replayS, refusedTolerance)));
        // ...and the appends made meanwhile wait for the projection workers.
        const double lag = extra(simulator, "projection_lag_events");
        const double lagTolerance = kZ * std::sqrt(writeRps * replayS);
        QVERIFY2(std::abs(lag - writeRps * replayS) < lagTolerance,
                 qPrintable(measuredAgainst("lag after the replay", lag, writeRps * replayS, lagTolerance)));
        // They drain at mu - lambda = 2,000 - 200 events/s.
        simulator.runFor(sim::fromSeconds(3));
        QVERIFY2(extra(simulator, "projection_lag_events") < 20,
                 qPrintable(measuredAgainst("lag 3 s later", extra(simulator, "projection_lag_events"), 0, 20)));
    }

    void reads_during_a_replay_are_stale_when_served()
    {
        model::Block eventStore = store(4, 2);
        eventStore.params["initial_events"] = 100'000;
        eventStore.params["replay_rate_eps"] = 10'000;
        eventStore.params["replay_reads"] = choiceValue("event_store", "replay_reads", "serve_stale");
        sim::Simulator simulator(design({readers(500)}, eventStore), 7);
        simulator.runUntil(sim::fromSeconds(5));
        simulator.resetStats();
        QVERIFY(simulator.inject(loseProjection()).empty());
        simulator.runUntil(sim::fromSeconds(14.9)); // the replay takes 10 s
        QCOMPARE(extra(simulator, "reads_refused"), 0.0);
        QVERIFY(extra(simulator, "read_model_reads") > 0);
        QCOMPARE(extra(simulator, "stale_reads"), extra(simulator, "read_model_reads"));
        simulator.runUntil(sim::fromSeconds(15.1));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(20)); // rebuilt, and nothing is written: nothing is stale
        QVERIFY(extra(simulator, "read_model_reads") > 0);
        QCOMPARE(extra(simulator, "stale_reads"), 0.0);
    }

    void read_side_scales_without_touching_the_write_side()
    {
        // 3,000 reads/s of 4 ms need 12 workers; 2 read nodes of 4 have 8.
        const double readRps = 3000, writeRps = 200, seconds = 20;
        model::Block eventStore = store(4, 1);
        eventStore.params["workers"] = 4;
        eventStore.params["read_time_ms"] = 4;
        eventStore.params["append_time_ms"] = 5;
        eventStore.params["queue_capacity"] = 200;
        eventStore.params["read_instances"] = 2;
        model::Architecture narrow = design({writers(writeRps), readers(readRps)}, eventStore);
        model::Architecture wide = narrow;
        wide.findBlock("store")->params["read_instances"] = 6;

        const stats::Snapshot before = simulate(narrow, 5, seconds, 8);
        const stats::Snapshot after = simulate(wide, 5, seconds, 8);
        // The advisor asks for the query side, not for replicas or a cache.
        bool advised = false;
        for (const analysis::Finding& finding : analysis::advise(narrow, before))
            advised = advised || (finding.code == "bottleneck" && finding.blockId == "store" &&
                                  finding.suggestion.find("read_instances") != std::string::npos);
        QVERIFY2(advised, "the advisor does not ask for read-model nodes on a saturated read side");
        const auto& readSide = [](const stats::Snapshot& snap) { return block(snap, "store").extras.at("read_model_utilization"); };
        QVERIFY2(readSide(before) > 0.97, qPrintable(measuredAgainst("read side busy, 2 nodes", readSide(before), 1, 0.03)));
        QVERIFY2(before.errors.total() > 0, "2 read nodes cannot serve 3,000 reads/s: reads are refused");
        QCOMPARE(after.errors.total(), uint64_t(0));
        const double readBusy = readRps * 0.004 / (6 * 4);
        const double readTolerance = kZ * std::sqrt(2 / (readRps * seconds)) * readBusy;
        QVERIFY2(std::abs(readSide(after) - readBusy) < readTolerance,
                 qPrintable(measuredAgainst("read side busy, 6 nodes", readSide(after), readBusy, readTolerance)));

        // The write side sees the same appends either way: M/M/4 at 25%.
        const analysis::QueueMetrics log = analysis::mmc(writeRps, 1000.0 / 5, 4);
        for (const stats::Snapshot* snap : {&before, &after}) {
            const auto& extras = block(*snap, "store").extras;
            const double busyTolerance = kZ * std::sqrt(2 / (writeRps * seconds)) * log.utilization;
            QVERIFY2(std::abs(extras.at("log_utilization") - log.utilization) < busyTolerance,
                     qPrintable(measuredAgainst("log busy", extras.at("log_utilization"), log.utilization, busyTolerance)));
            // A response's standard deviation is about its mean (exponential work, little waiting).
            const double meanMs = log.meanResponse * 1000;
            const double meanTolerance = kZ * meanMs / std::sqrt(writeRps * seconds);
            QVERIFY2(std::abs(extras.at("append_mean_ms") - meanMs) < meanTolerance,
                     qPrintable(measuredAgainst("append mean ms", extras.at("append_mean_ms"), meanMs, meanTolerance)));
        }
    }

    void plan_sizes_each_side_apart()
    {
        model::Block eventStore = store(4, 1);
        eventStore.params["workers"] = 4;
        eventStore.params["read_time_ms"] = 4;
        eventStore.params["append_time_ms"] = 5;
        eventStore.params["read_instances"] = 6;
        const model::Architecture cqrs = design({writers(200), readers(3000)}, eventStore);
        const analysis::NetworkPlan plan = analysis::planNetwork(cqrs);
        const analysis::BlockPlan* planned = plan.find("store");
        QVERIFY(planned);
        QCOMPARE(planned->instances, 7);
        // (log at 25% + 6 read nodes at 50%) / 7 nodes
        QVERIFY2(std::abs(planned->utilization - (0.25 + 6 * 0.5) / 7) < 1e-9, qPrintable(QString::number(planned->utilization)));
        const double appendMs = analysis::mmc(200, 200, 4).meanResponse * 1000;
        QVERIFY2(std::abs(planned->writeResponseMs - appendMs) < 1e-6 * appendMs, qPrintable(QString::number(planned->writeResponseMs)));
        // A projection that cannot keep up is said.
        model::Architecture behind = cqrs;
        behind.findBlock("writers")->params["rate_rps"] = 5000; // 4 workers x 1 ms apply 4,000 events/s
        bool said = false;
        for (const std::string& caveat : analysis::planNetwork(behind).caveats)
            said = said || caveat.find("falls behind by 1,000 events a second") != std::string::npos;
        QVERIFY2(said, "no caveat says the projection falls behind");
    }
};

QTEST_APPLESS_MAIN(EventSourcingTest)
#include "EventSourcingTest.moc"
