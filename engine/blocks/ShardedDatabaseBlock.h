#pragma once
// A database split over N shards, one pool instance each. A key's shard
// comes from the ShardMap strategy, so the clients' key skew shows up as a
// hot shard. A cross-shard read is a scatter-gather: one sub-query per
// shard, answered when the slowest returns. Changing the shard count while
// running reports the share of keys that would move.
#include "sim/BlockRuntime.h"
#include "GatherTable.h"
#include "InstancePool.h"
#include "ServiceTimes.h"
#include "ShardMap.h"


namespace scalelab::blocks {

class ShardedDatabaseBlock final : public sim::BlockRuntime {
public:
    ShardedDatabaseBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { kernel.finish(frame, sim::Outcome::Ok); }
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void release(sim::Kernel& kernel, uint32_t frame) override;
    sim::SimTime workTime(const sim::CallFrame& frame) override;

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override { return sim::BlockRuntime::heldBytes() + m_map.bytes(); }
    void resetStats(sim::SimTime now) override;
    // A sampled run (run/ShardSampling.h): shard i stands for weights[i]
    // shards of its load (0: not simulated, it gets no keys). Figures of
    // the whole block are estimated from the simulated shards; a shard that
    // is not simulated is not reported (it is not idle, just not run).
    void setShardWeights(std::vector<double> weights);

private:
    void scatter(sim::Kernel& kernel, uint32_t frame);

    InstancePool m_pool;
    ShardMap m_map;
    bool m_configured = false;
    uint32_t m_keyRange = 1;
    ServiceTimes m_times;
    double m_crossShard = 0, m_lookupMs = 0;
    GatherTable m_gathers; // cross-shard reads in flight
    std::vector<uint64_t> m_shardQueries;
    std::vector<double> m_shardWeights; // empty: every shard simulated
    // Work started per shard since the last reset, and the clock then: the
    // hottest shard's utilisation.
    std::vector<sim::SimTime> m_shardWork;
    sim::SimTime m_statsSince = 0, m_lastSeen = 0;
    uint64_t m_scatterGathers = 0, m_reshards = 0;
    double m_lastMovedFraction = 0;
};

} // namespace scalelab::blocks
