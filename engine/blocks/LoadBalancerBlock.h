#pragma once
// Sends each request to exactly one backend instance among all instances of
// the blocks it links to. Costs per pick: round robin, random, ip hash and
// power of two are O(1); least connections and weighted round robin scan
// the backends, O(instances).
#include "BlockRuntime.h"

namespace scalelab::blocks {

class LoadBalancerBlock final : public BlockRuntime {
public:
    enum class Algorithm { RoundRobin, WeightedRoundRobin, LeastConnections, Random, IpHash, PowerOfTwo };

    LoadBalancerBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { forward(kernel, frame); }
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;

private:
    struct Backend {
        uint16_t link;
        int instance;
        double weight;
        double current = 0; // smooth weighted round robin state
    };

    void forward(sim::Kernel& kernel, uint32_t frame);
    void rebuildBackends(sim::Kernel& kernel);
    size_t pick(sim::Kernel& kernel, uint32_t key);
    int backendLoad(sim::Kernel& kernel, const Backend& backend) const;

    Algorithm m_algorithm = Algorithm::RoundRobin;
    sim::SimTime m_overhead = 0;
    std::vector<Backend> m_backends;
    uint64_t m_builtForVersion = UINT64_MAX;
    size_t m_next = 0;
};

} // namespace scalelab::blocks
