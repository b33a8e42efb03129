#include "SearchIndexBlock.h"

#include "core/FigureNames.h"

#include <algorithm>

namespace scalelab::blocks {

SearchIndexBlock::SearchIndexBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void SearchIndexBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_shards = static_cast<int>(block.param("shards"));
    m_copies = 1 + static_cast<int>(block.param("replicas"));
    m_queryMs = shardQueryMs(block);
    m_indexMs = block.param("write_time_ms");
    m_cv = block.param("service_cv");
    m_refresh = sim::fromSeconds(block.param("refresh_interval_s"));
    m_map.configure(ShardMap::Strategy::HashModulo, m_shards, 1, 1);
    m_pool.resize(kernel, m_shards * m_copies, static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
}

sim::SimTime SearchIndexBlock::lastRefresh(sim::SimTime now) const
{
    return m_refresh > 0 ? now / m_refresh * m_refresh : now;
}

int SearchIndexBlock::leastBusyCopy(int shard)
{
    // From a random copy, so that idle copies share the work evenly.
    const int first = shard * m_copies;
    const int start = static_cast<int>(rng().below(static_cast<uint64_t>(m_copies)));
    int best = first + start;
    for (int step = 1; step < m_copies; ++step) {
        const int copy = first + (start + step) % m_copies;
        if (m_pool.load(copy) < m_pool.load(best))
            best = copy;
    }
    return best;
}

void SearchIndexBlock::onArrive(sim::Kernel& kernel, uint32_t index)
{
    const sim::CallFrame& frame = kernel.frames()[index];
    std::vector<int> nodes;
    if (frame.type == sim::RequestType::Write) {
        ++m_writes;
        const int shard = m_map.shardOf(frame.key, frame.origin);
        for (int copy = 0; copy < m_copies; ++copy)
            nodes.push_back(shard * m_copies + copy);
    } else {
        ++m_searches;
        // The document was written since the last refresh: the search cannot see it yet.
        const auto written = m_indexedAt.find(frame.key);
        if (written != m_indexedAt.end() && m_refresh > 0 && written->second >= lastRefresh(kernel.now()))
            ++m_staleSearches;
        for (int shard = 0; shard < m_shards; ++shard)
            nodes.push_back(leastBusyCopy(shard));
    }
    m_gathers.scatter(kernel, m_pool, index, nodes);
}

void SearchIndexBlock::indexed(sim::SimTime now, uint32_t key)
{
    m_indexedAt[key] = now;
    if (lastRefresh(now) > m_unrefreshedSince) { // a refresh since the last write made the others searchable
        m_unrefreshed = 0;
        m_unrefreshedSince = lastRefresh(now);
    }
    if (m_refresh > 0)
        ++m_unrefreshed;
}

void SearchIndexBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    const std::optional<sim::Outcome> result = m_gathers.partDone(frame, outcome);
    if (!result)
        return;
    const sim::CallFrame& call = kernel.frames()[frame];
    if (call.type == sim::RequestType::Write && *result == sim::Outcome::Ok)
        indexed(kernel.now(), call.key);
    kernel.finish(frame, *result); // the slowest part has answered
}

void SearchIndexBlock::release(sim::Kernel& kernel, uint32_t frame)
{
    m_gathers.forget(frame); // a gather that timed out: late parts are dropped
    m_pool.release(kernel, frame);
}

sim::SimTime SearchIndexBlock::workTime(const sim::CallFrame& frame)
{
    return sim::fromMs(rng().withVariation(frame.type == sim::RequestType::Write ? m_indexMs : m_queryMs, m_cv));
}

std::map<std::string, double> SearchIndexBlock::extraMetrics() const
{
    return {{"searches", double(m_searches)},
            {"indexed_writes", double(m_writes)},
            {figures::kStaleSearchRatio, m_searches ? double(m_staleSearches) / double(m_searches) : 0.0},
            {"shard_query_ms", m_queryMs}};
}

void SearchIndexBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_searches = m_staleSearches = m_writes = 0;
}

} // namespace scalelab::blocks
