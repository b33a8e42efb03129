#pragma once
// Which shard owns a key, by one of the classic strategies:
//   range           contiguous key ranges (hot ranges make hot shards)
//   hash_modulo     hash(key) mod N (even, but adding a shard moves most keys)
//   consistent_hash a ring with virtual nodes (adding a shard moves ~1/N)
//   geographic      by the users' origin (one shard per client group)
//   directory       a lookup table, filled on first sight to balance shards
// Moving between two maps, movedFraction() tells the share of keys that
// change owner: the cost of resharding.
#include "model/Choices.h"
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace scalelab::blocks {

class ShardMap {
public:
    using Strategy = model::ShardingStrategy;

    void configure(Strategy strategy, int shards, int virtualNodes, uint32_t keyRange);
    int shardOf(uint32_t key, uint32_t origin);
    int shards() const { return m_shards; }
    // Memory held (the ring, the directory's per-key entries), for the run's memory budget.
    size_t bytes() const;
    // Share of keys in [0, keyRange) whose owner differs between the two maps.
    static double movedFraction(ShardMap& before, ShardMap& after, uint32_t keyRange);

private:
    static uint64_t mix(uint64_t x);
    void buildRing();

    Strategy m_strategy = Strategy::HashModulo;
    int m_shards = 1;
    int m_virtualNodes = 100;
    uint32_t m_keyRange = 1;
    std::vector<std::pair<uint64_t, int>> m_ring; // (position, shard), sorted
    std::unordered_map<uint32_t, int> m_directory;
    std::vector<uint32_t> m_directoryCounts;
};

} // namespace scalelab::blocks
