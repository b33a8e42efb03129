#include "ReplicatedDatabaseBlock.h"

#include <algorithm>

namespace scalelab::blocks {

ReplicatedDatabaseBlock::ReplicatedDatabaseBlock(const model::Block& block, uint32_t index, uint64_t runSeed,
                                                 size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void ReplicatedDatabaseBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_times = ServiceTimes::of(block);
    m_replication = block.choice<Replication>("replication");
    m_shipDelay = sim::fromMs(block.param("replication_delay_ms"));
    m_applyTime = sim::fromMs(block.param("apply_time_ms"));
    m_routing = block.choice<Routing>("read_routing");
    m_failoverS = block.param("failover_s");
    m_topology = block.choice<Topology>("topology");
    m_replicaCount = static_cast<int>(block.param("replicas"));
    m_replicas.resize(static_cast<size_t>(m_replicaCount));
    m_pool.resize(kernel, 1 + m_replicaCount, static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
}

void ReplicatedDatabaseBlock::catchUp(Replica& replica, sim::SimTime now)
{
    while (!replica.pending.empty() && replica.pending.front().second <= now) {
        replica.appliedThrough = replica.pending.front().first;
        replica.pending.pop_front();
    }
}

int ReplicatedDatabaseBlock::routeRead(const sim::CallFrame& frame, sim::SimTime now)
{
    if (m_replicaCount == 0 || m_routing == Routing::Primary)
        return 0;
    // Multi-primary: every node is a peer and serves reads.
    const int first = m_topology == Topology::MultiPrimary && !m_primaryDown ? 0 : 1;
    int best = first;
    for (int r = first + 1; r <= m_replicaCount; ++r)
        if (m_pool.load(r) < m_pool.load(best))
            best = r;
    if (best > 0 && m_routing == Routing::ReadYourWrites && !m_primaryDown) {
        Replica& replica = m_replicas[static_cast<size_t>(best - 1)];
        catchUp(replica, now);
        auto written = m_lastCommit.find(frame.key);
        if (written != m_lastCommit.end() && written->second > replica.appliedThrough)
            return 0; // this replica has not seen the latest write of the key yet
    }
    return best;
}

void ReplicatedDatabaseBlock::onArrive(sim::Kernel& kernel, uint32_t index)
{
    const sim::CallFrame& frame = kernel.frames()[index];
    int instance = 0;
    if (frame.type == sim::RequestType::Write) {
        instance = routeWrite();
        if (instance < 0) {
            kernel.finish(index, sim::Outcome::Failed); // no primary to write to until failover
            return;
        }
    } else {
        instance = routeRead(frame, kernel.now());
        if (instance == 0 && m_primaryDown) {
            kernel.finish(index, sim::Outcome::Failed);
            return;
        }
        if (instance > 0) {
            // Stale: the replica has not applied a write of this key that the
            // primary committed before this read was sent.
            Replica& replica = m_replicas[static_cast<size_t>(instance - 1)];
            catchUp(replica, kernel.now());
            auto written = m_lastCommit.find(frame.key);
            m_staleReads += written != m_lastCommit.end() && written->second > replica.appliedThrough;
        }
    }
    kernel.frames()[index].phase = Serving;
    if (m_pool.admit(kernel, index, instance) == InstancePool::Admission::Rejected)
        kernel.finish(index, sim::Outcome::Rejected);
}

int ReplicatedDatabaseBlock::routeWrite()
{
    if (m_topology == Topology::PrimaryReplica)
        return m_primaryDown ? -1 : 0;
    const int down = m_primaryDown ? 1 : 0;
    const int live = 1 + m_replicaCount - down;
    if (live == 0)
        return -1;
    return down + static_cast<int>(rng().below(static_cast<uint64_t>(live)));
}

void ReplicatedDatabaseBlock::detectConflict(uint32_t key, int node, sim::SimTime now)
{
    std::vector<sim::SimTime>& written = m_nodeWrites[key];
    written.resize(static_cast<size_t>(1 + m_replicaCount), -sim::kNever);
    const sim::SimTime window = m_shipDelay + m_applyTime;
    for (size_t other = 0; other < written.size(); ++other)
        if (static_cast<int>(other) != node && written[other] > now - window) {
            ++m_conflicts;
            break;
        }
    written[static_cast<size_t>(node)] = now;
}

sim::SimTime ReplicatedDatabaseBlock::workTime(const sim::CallFrame& frame)
{
    return m_times.sample(frame, rng());
}

void ReplicatedDatabaseBlock::onWorkDone(sim::Kernel& kernel, uint32_t index)
{
    const sim::CallFrame& frame = kernel.frames()[index];
    if (frame.phase == AwaitingReplicas) {
        acknowledge(frame.key, m_awaiting[index]);
        m_awaiting.erase(index);
        kernel.finish(index, sim::Outcome::Ok);
        return;
    }
    if (frame.type == sim::RequestType::Write) {
        commit(kernel, index);
        return;
    }
    if (frame.instance == 0)
        ++m_readsOnPrimary;
    else
        ++m_readsOnReplicas;
    kernel.finish(index, sim::Outcome::Ok);
}

void ReplicatedDatabaseBlock::acknowledge(uint32_t key, sim::SimTime commitTime)
{
    sim::SimTime& latest = m_lastCommit[key];
    latest = std::max(latest, commitTime);
}

void ReplicatedDatabaseBlock::commit(sim::Kernel& kernel, uint32_t index)
{
    const sim::SimTime now = kernel.now();
    ++m_writes;
    if (m_topology == Topology::MultiPrimary)
        detectConflict(kernel.frames()[index].key, kernel.frames()[index].instance, now);
    sim::SimTime firstReceived = sim::kNever, lastApplied = now;
    for (Replica& replica : m_replicas) {
        catchUp(replica, now);
        const sim::SimTime received = now + m_shipDelay;
        // One applier per replica applies writes in commit order.
        const sim::SimTime visible = std::max(received, replica.applierFreeAt) + m_applyTime;
        replica.applierFreeAt = visible;
        replica.pending.emplace_back(now, visible);
        m_lagSumMs += sim::toMs(visible - now);
        firstReceived = std::min(firstReceived, received);
        lastApplied = std::max(lastApplied, visible);
    }
    sim::SimTime waitUntil = now;
    if (!m_replicas.empty() && m_replication == Replication::SemiSync)
        waitUntil = firstReceived;
    else if (m_replication == Replication::Sync)
        waitUntil = lastApplied;
    if (waitUntil <= now) {
        acknowledge(kernel.frames()[index].key, now);
        kernel.finish(index, sim::Outcome::Ok);
        return;
    }
    // The primary's worker waits for the replicas' acknowledgement.
    m_awaiting[index] = now;
    kernel.frames()[index].phase = AwaitingReplicas;
    kernel.schedule(waitUntil, sim::EventType::WorkDone, this->index(), index, kernel.frames().generation(index));
}

std::string ReplicatedDatabaseBlock::command(sim::Kernel& kernel, const std::string& name)
{
    if (name != "kill_primary")
        return "a database with replicas can kill_primary, not " + name;
    if (m_primaryDown)
        return "the primary is already down";
    m_primaryDown = true;
    kernel.schedule(kernel.now() + sim::fromSeconds(m_failoverS), sim::EventType::BlockTimer, index(), 0);
    return {};
}

void ReplicatedDatabaseBlock::onTimer(sim::Kernel& kernel, uint32_t)
{
    // Failover: a replica becomes the new primary (the pool loses one
    // replica); with none left, the old primary comes back after a restart.
    // Multi-primary needs no promotion: the dead node rejoins.
    if (m_topology == Topology::PrimaryReplica && m_replicaCount > 0) {
        --m_replicaCount;
        m_replicas.pop_back();
        m_pool.resize(kernel, 1 + m_replicaCount, m_pool.workers(), m_pool.queueCapacity());
    }
    m_primaryDown = false;
    ++m_failovers;
}

std::map<std::string, double> ReplicatedDatabaseBlock::extraMetrics() const
{
    const uint64_t shipped = m_writes * m_replicas.size();
    return {{"replicas", double(m_replicaCount)},
            {"primary_down", m_primaryDown ? 1.0 : 0.0},
            {"reads_on_primary", double(m_readsOnPrimary)},
            {"reads_on_replicas", double(m_readsOnReplicas)},
            {"writes", double(m_writes)},
            {"stale_reads", double(m_staleReads)},
            {"stale_read_ratio", m_readsOnReplicas ? double(m_staleReads) / double(m_readsOnReplicas) : 0.0},
            // Commit on the primary to visible on a replica, averaged over writes and replicas.
            {"mean_replica_lag_ms", shipped ? m_lagSumMs / double(shipped) : 0.0},
            {"failovers", double(m_failovers)},
            {"write_conflicts", double(m_conflicts)},
            {"conflict_rate", m_writes ? double(m_conflicts) / double(m_writes) : 0.0}};
}

void ReplicatedDatabaseBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_readsOnPrimary = m_readsOnReplicas = m_staleReads = m_writes = m_conflicts = 0;
    m_lagSumMs = 0;
}

size_t ReplicatedDatabaseBlock::heldBytes() const
{
    size_t bytes = sim::BlockRuntime::heldBytes();
    for (const Replica& replica : m_replicas)
        bytes += replica.pending.size() * sizeof(replica.pending.front());
    bytes += (m_lastCommit.size() + m_awaiting.size()) * (sizeof(std::pair<uint32_t, sim::SimTime>) + kHashNodeBytes);
    const size_t nodes = m_replicas.size() + 1;
    bytes += m_nodeWrites.size() * (sizeof(std::vector<sim::SimTime>) + kHashNodeBytes + nodes * sizeof(sim::SimTime));
    return bytes;
}

} // namespace scalelab::blocks
