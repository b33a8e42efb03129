#pragma once
// A cache with a fixed hit ratio (the teaching model): reads hit with that
// probability and answer after the lookup; misses and writes go on to the
// downstream links. With 99% hits, 1,000 reads/s become 10 queries/s below.
#include "BlockRuntime.h"

namespace scalelab::blocks {

class CacheBlock final : public BlockRuntime {
public:
    CacheBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { lookUp(kernel, frame); }
    std::map<std::string, double> extraMetrics() const override;
    void resetStats(sim::SimTime now) override;

private:
    void lookUp(sim::Kernel& kernel, uint32_t frame);

    double m_hitRatio = 0;
    sim::SimTime m_latency = 0;
    uint64_t m_hits = 0, m_misses = 0;
};

} // namespace scalelab::blocks
