#include "CacheBlock.h"

namespace scalelab::blocks {

CacheBlock::CacheBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : BlockRuntime(block, index, runSeed, windowCapacity)
{
}

void CacheBlock::configure(sim::Kernel&, const model::Block& block)
{
    m_hitRatio = block.param("hit_ratio");
    m_latency = sim::fromMs(block.param("latency_ms"));
}

void CacheBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (m_latency > 0) {
        kernel.frames()[frame].state = sim::FrameState::Working;
        kernel.schedule(kernel.now() + m_latency, sim::EventType::WorkDone, index(), frame,
                        kernel.frames().generation(frame));
    } else {
        lookUp(kernel, frame);
    }
}

void CacheBlock::lookUp(sim::Kernel& kernel, uint32_t frame)
{
    if (kernel.frames()[frame].type == sim::RequestType::Read) {
        if (rng().bernoulli(m_hitRatio)) {
            ++m_hits;
            kernel.finish(frame, sim::Outcome::Ok);
            return;
        }
        ++m_misses;
    }
    kernel.continueCalls(frame);
}

std::map<std::string, double> CacheBlock::extraMetrics() const
{
    const uint64_t lookups = m_hits + m_misses;
    return {{"hits", static_cast<double>(m_hits)},
            {"misses", static_cast<double>(m_misses)},
            {"hit_ratio", lookups ? static_cast<double>(m_hits) / static_cast<double>(lookups) : 0.0}};
}

void CacheBlock::resetStats(sim::SimTime now)
{
    BlockRuntime::resetStats(now);
    m_hits = m_misses = 0;
}

} // namespace scalelab::blocks
