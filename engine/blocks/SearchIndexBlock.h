#pragma once
// A search index (Elasticsearch-like): `shards` primary shards, each with
// `replicas` copies, one node (an InstancePool instance) per copy. A search
// fans out to every shard, each part to the least busy copy of its shard,
// and answers when the slowest part returns (a fork-join: with idle nodes
// and exponential shard times of mean m the mean is m x H(shards), the
// harmonic number). A shard's query time grows with the documents on it.
// A write is indexed on every copy of its key's shard and becomes
// searchable at the next refresh (every refresh_interval_s): a search for a
// key indexed since the last refresh misses it and counts as stale. With
// writes to K uniform keys at rate w and refresh interval R the stale share
// is 1 - (K / wR)(1 - exp(-wR / K)).
// Cost: one hash entry per key ever written (its last index time).
#include "GatherTable.h"
#include "InstancePool.h"
#include "ShardMap.h"
#include "sim/BlockRuntime.h"

#include <unordered_map>

namespace scalelab::blocks {

class SearchIndexBlock final : public sim::BlockRuntime {
public:
    SearchIndexBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    // Mean time one shard spends on a query: a base plus its share of the documents.
    static double shardQueryMs(const model::Block& block)
    {
        return block.param("query_base_ms") +
               block.param("query_ms_per_million_docs") * block.param("documents_millions") / block.param("shards");
    }

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { kernel.finish(frame, sim::Outcome::Ok); }
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void release(sim::Kernel& kernel, uint32_t frame) override;
    sim::SimTime workTime(const sim::CallFrame& frame) override;

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    double gauge() const override { return double(m_unrefreshed); }
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override
    {
        return sim::BlockRuntime::heldBytes() + m_indexedAt.size() * (sizeof(sim::SimTime) + 4 + kHashNodeBytes);
    }
    void resetStats(sim::SimTime now) override;

private:
    int leastBusyCopy(int shard);
    sim::SimTime lastRefresh(sim::SimTime now) const;
    void indexed(sim::SimTime now, uint32_t key);

    InstancePool m_pool;
    ShardMap m_map;
    int m_shards = 1, m_copies = 1;
    double m_queryMs = 1, m_indexMs = 1, m_cv = 1;
    sim::SimTime m_refresh = 0;
    GatherTable m_gathers;
    std::unordered_map<uint32_t, sim::SimTime> m_indexedAt; // key -> when its last write was indexed
    sim::SimTime m_unrefreshedSince = 0;
    uint64_t m_unrefreshed = 0; // writes indexed since the last refresh
    uint64_t m_searches = 0, m_staleSearches = 0, m_writes = 0;
};

} // namespace scalelab::blocks
