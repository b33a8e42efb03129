#include "ShardMap.h"

#include <algorithm>

namespace scalelab::blocks {

uint64_t ShardMap::mix(uint64_t x)
{
    // splitmix64's finaliser: a good spread for consecutive integers.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

void ShardMap::configure(Strategy strategy, int shards, int virtualNodes, uint32_t keyRange)
{
    const bool directoryKept = strategy == Strategy::Directory && m_strategy == Strategy::Directory;
    m_strategy = strategy;
    m_shards = std::max(1, shards);
    m_virtualNodes = std::max(1, virtualNodes);
    m_keyRange = std::max<uint32_t>(1, keyRange);
    buildRing();
    if (!directoryKept) {
        m_directory.clear();
        m_directoryCounts.assign(static_cast<size_t>(m_shards), 0);
        return;
    }
    // A directory moves only what it must: keys of removed shards, and
    // enough keys to give new shards their share.
    m_directoryCounts.assign(static_cast<size_t>(m_shards), 0);
    const size_t fairShare = m_directory.size() / static_cast<size_t>(m_shards) + 1;
    for (auto& [key, shard] : m_directory) {
        if (shard >= m_shards || m_directoryCounts[static_cast<size_t>(shard)] >= fairShare) {
            shard = static_cast<int>(std::min_element(m_directoryCounts.begin(), m_directoryCounts.end()) -
                                     m_directoryCounts.begin());
        }
        ++m_directoryCounts[static_cast<size_t>(shard)];
    }
}

void ShardMap::buildRing()
{
    m_ring.clear();
    if (m_strategy != Strategy::ConsistentHash)
        return;
    for (int shard = 0; shard < m_shards; ++shard)
        for (int node = 0; node < m_virtualNodes; ++node)
            m_ring.emplace_back(mix((static_cast<uint64_t>(shard) << 32) | static_cast<uint64_t>(node)), shard);
    std::sort(m_ring.begin(), m_ring.end());
}

int ShardMap::shardOf(uint32_t key, uint32_t origin)
{
    switch (m_strategy) {
    case Strategy::Range:
        return static_cast<int>(std::min<uint64_t>(static_cast<uint64_t>(key) * m_shards / m_keyRange,
                                                   static_cast<uint64_t>(m_shards - 1)));
    case Strategy::HashModulo:
        return static_cast<int>(mix(key) % static_cast<uint64_t>(m_shards));
    case Strategy::ConsistentHash: {
        const uint64_t position = mix(0xC0FFEE00000000ULL ^ key);
        auto it = std::lower_bound(m_ring.begin(), m_ring.end(), std::make_pair(position, -1));
        return it == m_ring.end() ? m_ring.front().second : it->second;
    }
    case Strategy::Geographic:
        return static_cast<int>(origin % static_cast<uint32_t>(m_shards));
    case Strategy::Directory: {
        auto [it, inserted] = m_directory.try_emplace(key, 0);
        if (inserted) {
            it->second = static_cast<int>(std::min_element(m_directoryCounts.begin(), m_directoryCounts.end()) -
                                          m_directoryCounts.begin());
            ++m_directoryCounts[static_cast<size_t>(it->second)];
        }
        return it->second;
    }
    }
    return 0;
}

double ShardMap::movedFraction(ShardMap& before, ShardMap& after, uint32_t keyRange)
{
    if (before.m_strategy == Strategy::Directory && after.m_strategy == Strategy::Directory) {
        // Only keys the directory has seen have an owner to lose.
        if (before.m_directory.empty())
            return 0;
        uint64_t movedKeys = 0;
        for (const auto& [key, shard] : before.m_directory)
            movedKeys += after.shardOf(key, 0) != shard;
        return static_cast<double>(movedKeys) / static_cast<double>(before.m_directory.size());
    }
    if (keyRange == 0)
        return 0;
    // Every key up to 200,000, an even sample beyond: the estimate's error
    // is then below 0.3 percentage points.
    const uint32_t stride = std::max<uint32_t>(1, keyRange / 200'000);
    uint64_t moved = 0, checked = 0;
    for (uint64_t key = 0; key < keyRange; key += stride, ++checked)
        moved += before.shardOf(static_cast<uint32_t>(key), 0) != after.shardOf(static_cast<uint32_t>(key), 0);
    return static_cast<double>(moved) / static_cast<double>(checked);
}

size_t ShardMap::bytes() const
{
    // 32: an unordered_map node's pointer, hash and malloc rounding (BlockRuntime::kHashNodeBytes).
    return m_ring.capacity() * sizeof(m_ring.front()) + m_directory.size() * (sizeof(std::pair<uint32_t, int>) + 32) +
           m_directoryCounts.capacity() * sizeof(uint32_t);
}

} // namespace scalelab::blocks
