#pragma once
// CQRS with event sourcing (seed 02, pattern 7): an append-only event log
// that is the source of truth, and a read model fed from it in the
// background by projections.
//
//  - Write side: a write (a command) appends its events to the log on the
//    log node, instance 0 of the pool, and returns once they are durable.
//  - Projection: `projection_workers` background workers apply appended
//    events to the read model, oldest first, `apply_time_ms` each. They do
//    not take read or append workers. Projection lag = events appended but
//    not yet applied; when appends come at lambda/s and the workers apply
//    mu = workers / apply time, it grows by (lambda - mu) a second.
//  - Read side: reads go to the least busy of `read_instances` read-model
//    nodes (instances 1..R), sized apart from the log: the query side
//    scales without touching the write side. A read of a key with an event
//    not yet applied is stale (it sees the state before that event).
//  - lose_projection: the read model is gone and is rebuilt by replaying
//    the log from the start: events in the log / replay rate seconds. Reads
//    meanwhile are refused (503) or served stale, as `replay_reads` says.
//    Events appended during the replay queue for the projection workers,
//    who resume when the replay has read the log as it stood at the loss.
//
// Cost: one timer event per applied event; memory of one entry per
// unapplied event and per key with an unapplied event (a lag of 1M events
// holds about 30 MB).
#include "model/Choices.h"
#include "sim/BlockRuntime.h"
#include "InstancePool.h"
#include "ServiceTimes.h"

#include <deque>
#include <unordered_map>

namespace scalelab::blocks {

class EventStoreBlock final : public sim::BlockRuntime {
public:
    EventStoreBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void release(sim::Kernel& kernel, uint32_t frame) override { m_pool.release(kernel, frame); }
    sim::SimTime workTime(const sim::CallFrame& frame) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;
    std::string command(sim::Kernel& kernel, const std::string& name) override;
    double gauge() const override { return lagEvents(); }

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override;
    std::string heldText() const override;
    void resetStats(sim::SimTime now) override;

private:
    struct Event {
        sim::SimTime appendedAt = 0;
        uint32_t key = 0;
    };
    enum Timer : uint32_t { Applied = 0, Replayed = 1 };

    void append(sim::Kernel& kernel, uint32_t key);
    // Starts idle projection workers on the oldest unstarted events.
    void project(sim::Kernel& kernel);
    bool replaying() const { return m_replayEnd > m_clock; }
    // Events the read model does not reflect yet: unapplied appends plus
    // what a running replay has still to read.
    double lagEvents() const;
    double replayLeftS() const;

    InstancePool m_pool;
    ServiceTimes m_times;
    int m_readInstances = 1;
    int m_workers = 1;
    int m_projectionWorkers = 1;
    sim::SimTime m_applyTime = 0;
    double m_replayRate = 1;
    model::ReplayReads m_replayReads = model::ReplayReads::Refuse;

    double m_logEvents = 0;          // the whole log: the initial history plus every append
    std::deque<Event> m_unapplied;   // in log order; the first m_busyWorkers are being applied
    std::unordered_map<uint32_t, uint32_t> m_unappliedByKey;
    int m_busyWorkers = 0;
    uint32_t m_generation = 0;       // a lost projection voids its workers' timers
    sim::SimTime m_replayStart = 0, m_replayEnd = 0;
    double m_replayEvents = 0;       // the log as it stood when the read model was lost
    size_t m_replayCovers = 0;       // unapplied events the running replay will restore
    sim::SimTime m_clock = 0;        // time of the last thing this block did

    // Measurements since the last reset: each side's work and time in the
    // block apart, so that a learner sees the query side scale alone.
    sim::SimTime m_statsSince = 0;
    uint64_t m_appended = 0, m_applied = 0, m_reads = 0, m_staleReads = 0, m_refusedReads = 0, m_replays = 0;
    double m_appendWorkS = 0, m_readWorkS = 0, m_appendTimeS = 0, m_readTimeS = 0;
    double m_peakLag = 0, m_lastReplayS = 0;
};

} // namespace scalelab::blocks
