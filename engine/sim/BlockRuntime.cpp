#include "BlockRuntime.h"

namespace scalelab::sim {

BlockRuntime::BlockRuntime(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : m_index(index)
    , m_id(block.id)
    , m_kind(block.kind)
    , m_region(block.region)
    , m_rng(runSeed, block.id)
    , m_metrics(windowCapacity)
{
}

void BlockRuntime::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    if (outcome != sim::Outcome::Ok)
        kernel.finish(frame, outcome);
    else
        kernel.continueCalls(frame);
}

int BlockRuntime::load(int) const
{
    return m_inFlight;
}

size_t BlockRuntime::heldBytes() const
{
    // Calls waiting for a pooled connection are the one thing every block holds.
    size_t bytes = 0;
    for (const RuntimeLink& link : m_links)
        for (const ConnectionPool& pool : link.pools)
            bytes += sizeof(ConnectionPool) + pool.waiting.size() * sizeof(ConnectionPool::Waiting);
    return bytes;
}

} // namespace scalelab::sim
