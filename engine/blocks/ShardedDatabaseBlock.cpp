#include "ShardedDatabaseBlock.h"

#include <algorithm>

namespace scalelab::blocks {

ShardedDatabaseBlock::ShardedDatabaseBlock(const model::Block& block, uint32_t index, uint64_t runSeed,
                                           size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void ShardedDatabaseBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_times = ServiceTimes::of(block);
    m_crossShard = block.param("cross_shard_ratio");
    const auto strategy = block.choice<ShardMap::Strategy>("strategy");
    m_lookupMs = strategy == ShardMap::Strategy::Directory ? block.param("directory_lookup_ms") : 0;
    const int shards = static_cast<int>(block.param("shards"));
    m_keyRange = static_cast<uint32_t>(block.param("key_range"));
    const ShardMap before = m_map;
    m_map.configure(strategy, shards, static_cast<int>(block.param("virtual_nodes")), m_keyRange);
    if (m_configured && before.shards() != shards) {
        ShardMap old = before;
        m_lastMovedFraction = ShardMap::movedFraction(old, m_map, m_keyRange);
        ++m_reshards;
    }
    m_configured = true;
    m_shardQueries.resize(static_cast<size_t>(shards), 0);
    m_shardWork.resize(static_cast<size_t>(shards), 0);
    m_pool.resize(kernel, shards, static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
}

void ShardedDatabaseBlock::onArrive(sim::Kernel& kernel, uint32_t index)
{
    const sim::CallFrame& frame = kernel.frames()[index];
    if (frame.type == sim::RequestType::Read && m_crossShard > 0 && rng().bernoulli(m_crossShard)) {
        scatter(kernel, index);
        return;
    }
    m_lastSeen = kernel.now();
    const int shard = m_map.shardOf(frame.key, frame.origin);
    ++m_shardQueries[static_cast<size_t>(shard)];
    if (m_pool.admit(kernel, index, shard) == InstancePool::Admission::Rejected)
        kernel.finish(index, sim::Outcome::Rejected);
}

void ShardedDatabaseBlock::scatter(sim::Kernel& kernel, uint32_t index)
{
    ++m_scatterGathers;
    std::vector<int> shards(static_cast<size_t>(m_pool.active()));
    for (size_t shard = 0; shard < shards.size(); ++shard) {
        shards[shard] = static_cast<int>(shard);
        ++m_shardQueries[shard];
    }
    m_gathers.scatter(kernel, m_pool, index, shards);
}

void ShardedDatabaseBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    if (const std::optional<sim::Outcome> result = m_gathers.partDone(frame, outcome))
        kernel.finish(frame, *result); // the slowest shard has answered
}

void ShardedDatabaseBlock::release(sim::Kernel& kernel, uint32_t frame)
{
    m_gathers.forget(frame); // a gather that timed out: late sub-replies are dropped
    m_pool.release(kernel, frame);
}

sim::SimTime ShardedDatabaseBlock::workTime(const sim::CallFrame& frame)
{
    const sim::SimTime work = sim::fromMs(m_lookupMs) + m_times.sample(frame, rng());
    if (frame.instance >= 0 && static_cast<size_t>(frame.instance) < m_shardWork.size())
        m_shardWork[static_cast<size_t>(frame.instance)] += work;
    return work;
}

void ShardedDatabaseBlock::setShardWeights(std::vector<double> weights)
{
    m_shardWeights = weights;
    m_pool.setWeights(std::move(weights));
}

std::map<std::string, double> ShardedDatabaseBlock::extraMetrics() const
{
    std::map<std::string, double> extras;
    double total = 0;
    uint64_t hottest = 0;
    size_t hottestShard = 0;
    for (size_t shard = 0; shard < m_shardQueries.size(); ++shard) {
        const double weight = shard < m_shardWeights.size() ? m_shardWeights[shard] : 1.0;
        if (weight == 0)
            continue; // not simulated in a sampled run: its figures are not known
        total += weight * double(m_shardQueries[shard]);
        if (m_shardQueries[shard] > hottest)
            hottest = m_shardQueries[shard], hottestShard = shard;
        if (shard < 64)
            extras["shard_" + std::to_string(shard) + "_queries"] = double(m_shardQueries[shard]);
    }
    // 1/N when the load is even; near 1 when one hot shard takes it all.
    extras["hottest_shard_share"] = total > 0 ? double(hottest) / total : 0.0;
    // Work started over the time since the reset (up to the last arrival,
    // which a busy shard sees often), per worker.
    const double seconds = sim::toSeconds(m_lastSeen - m_statsSince) * m_pool.workers();
    if (seconds > 0 && hottestShard < m_shardWork.size())
        extras["hottest_shard_utilization"] = sim::toSeconds(m_shardWork[hottestShard]) / seconds;
    extras["scatter_gathers"] = double(m_scatterGathers);
    extras["reshards"] = double(m_reshards);
    extras["keys_moved_fraction"] = m_lastMovedFraction;
    return extras;
}

void ShardedDatabaseBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    std::fill(m_shardQueries.begin(), m_shardQueries.end(), 0);
    std::fill(m_shardWork.begin(), m_shardWork.end(), 0);
    m_statsSince = m_lastSeen = now;
    m_scatterGathers = 0;
}

} // namespace scalelab::blocks
