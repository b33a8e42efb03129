#pragma once
// A primary database and its read replicas. Writes commit on the primary
// and ship to every replica, where one applier thread per replica applies
// them in order: when writes come faster than it applies them the lag
// grows, and a read on a lagging replica of a key written meanwhile is
// stale. Replication async / semi-sync / sync decides how long a write
// waits; read routing decides where reads go (read-your-writes sends a
// read to the primary when the chosen replica has not caught up on that
// key). Killing the primary fails writes until a replica is promoted.
//
// Instance 0 of the pool is the primary, 1..replicas the replicas. The
// appliers do not take read workers (they are separate threads).
//
// Multi-primary (master-master): every node takes writes (a uniformly
// random live node, as when clients write to their nearest primary) and
// ships them to the others through the same appliers. A write conflicts
// when another node wrote the same key less than one replication delay
// (shipping + apply) before, so neither had seen the other's write.
#include "model/Choices.h"
#include "sim/BlockRuntime.h"
#include "InstancePool.h"
#include "ServiceTimes.h"

#include <deque>
#include <unordered_map>

namespace scalelab::blocks {

class ReplicatedDatabaseBlock final : public sim::BlockRuntime {
public:
    ReplicatedDatabaseBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void release(sim::Kernel& kernel, uint32_t frame) override
    {
        m_awaiting.erase(frame); // a write that timed out waiting for replicas
        m_pool.release(kernel, frame);
    }
    sim::SimTime workTime(const sim::CallFrame& frame) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;
    std::string command(sim::Kernel& kernel, const std::string& name) override;

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override;
    void resetStats(sim::SimTime now) override;

private:
    using Replication = model::Replication;
    using Routing = model::ReadRouting;
    using Topology = model::ReplicaTopology;
    enum Phase : uint8_t { Serving, AwaitingReplicas };

    struct Replica {
        sim::SimTime applierFreeAt = 0;
        // Writes shipped but not yet applied: (commit time, visible at), in order.
        std::deque<std::pair<sim::SimTime, sim::SimTime>> pending;
        sim::SimTime appliedThrough = -1; // commit time of the last applied write
    };

    int routeRead(const sim::CallFrame& frame, sim::SimTime now);
    int routeWrite();
    void detectConflict(uint32_t key, int node, sim::SimTime now);
    void catchUp(Replica& replica, sim::SimTime now);
    void commit(sim::Kernel& kernel, uint32_t frame);
    // The writer has its answer: from now on, reading the old value is stale.
    void acknowledge(uint32_t key, sim::SimTime commitTime);

    InstancePool m_pool;
    int m_replicaCount = 0;
    ServiceTimes m_times;
    Replication m_replication = Replication::Async;
    sim::SimTime m_shipDelay = 0, m_applyTime = 0;
    Routing m_routing = Routing::Replicas;
    Topology m_topology = Topology::PrimaryReplica;
    double m_failoverS = 30;
    bool m_primaryDown = false;
    std::vector<Replica> m_replicas;
    // key -> commit time of its latest acknowledged write
    std::unordered_map<uint32_t, sim::SimTime> m_lastCommit;
    // frame -> commit time, for writes waiting on replicas (semi-sync, sync)
    std::unordered_map<uint32_t, sim::SimTime> m_awaiting;
    // Multi-primary: key -> commit time of its latest write on each node.
    std::unordered_map<uint32_t, std::vector<sim::SimTime>> m_nodeWrites;

    uint64_t m_readsOnPrimary = 0, m_readsOnReplicas = 0, m_staleReads = 0, m_writes = 0, m_failovers = 0,
             m_conflicts = 0;
    double m_lagSumMs = 0;
};

} // namespace scalelab::blocks
