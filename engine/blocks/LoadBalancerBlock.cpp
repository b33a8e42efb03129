#include "LoadBalancerBlock.h"

namespace scalelab::blocks {

LoadBalancerBlock::LoadBalancerBlock(const model::Block& block, uint32_t index, uint64_t runSeed,
                                     size_t windowCapacity)
    : BlockRuntime(block, index, runSeed, windowCapacity)
{
}

void LoadBalancerBlock::configure(sim::Kernel&, const model::Block& block)
{
    m_algorithm = static_cast<Algorithm>(static_cast<int>(block.param("algorithm")));
    m_overhead = sim::fromMs(block.param("overhead_ms"));
    m_builtForVersion = UINT64_MAX; // link weights may have changed too
}

void LoadBalancerBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (m_overhead > 0) {
        kernel.frames()[frame].state = sim::FrameState::Working;
        kernel.schedule(kernel.now() + m_overhead, sim::EventType::WorkDone, index(), frame,
                        kernel.frames().generation(frame));
    } else {
        forward(kernel, frame);
    }
}

void LoadBalancerBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    kernel.finish(frame, outcome);
}

void LoadBalancerBlock::rebuildBackends(sim::Kernel& kernel)
{
    m_backends.clear();
    for (uint16_t l = 0; l < linkCount(); ++l) {
        const RuntimeLink& target = link(l);
        const int instances = kernel.block(target.target).instanceCount();
        for (int i = 0; i < instances; ++i)
            m_backends.push_back({l, instances > 1 ? i : -1, target.weight});
    }
    m_next = 0;
    m_builtForVersion = kernel.instancesVersion();
}

int LoadBalancerBlock::backendLoad(sim::Kernel& kernel, const Backend& backend) const
{
    return kernel.block(link(backend.link).target).load(backend.instance);
}

size_t LoadBalancerBlock::pick(sim::Kernel& kernel, uint32_t key)
{
    const size_t count = m_backends.size();
    switch (m_algorithm) {
    case Algorithm::RoundRobin: {
        const size_t chosen = m_next % count;
        m_next = chosen + 1;
        return chosen;
    }
    case Algorithm::WeightedRoundRobin: {
        // nginx's smooth weighted round robin: even spacing, exact shares.
        double total = 0;
        size_t best = 0;
        for (size_t i = 0; i < count; ++i) {
            m_backends[i].current += m_backends[i].weight;
            total += m_backends[i].weight;
            if (m_backends[i].current > m_backends[best].current)
                best = i;
        }
        m_backends[best].current -= total;
        return best;
    }
    case Algorithm::LeastConnections: {
        // Ties go round robin so that an idle pool is still spread evenly.
        size_t best = m_next % count;
        int bestLoad = backendLoad(kernel, m_backends[best]);
        for (size_t step = 1; step < count && bestLoad > 0; ++step) {
            const size_t i = (m_next + step) % count;
            const int load = backendLoad(kernel, m_backends[i]);
            if (load < bestLoad) {
                best = i;
                bestLoad = load;
            }
        }
        m_next = best + 1;
        return best;
    }
    case Algorithm::Random:
        return rng().below(count);
    case Algorithm::IpHash: {
        uint64_t hash = key * 0x9e3779b97f4a7c15ULL;
        hash ^= hash >> 29;
        return hash % count;
    }
    case Algorithm::PowerOfTwo: {
        const size_t a = rng().below(count);
        const size_t b = rng().below(count);
        return backendLoad(kernel, m_backends[b]) < backendLoad(kernel, m_backends[a]) ? b : a;
    }
    }
    return 0;
}

void LoadBalancerBlock::forward(sim::Kernel& kernel, uint32_t frame)
{
    if (m_builtForVersion != kernel.instancesVersion())
        rebuildBackends(kernel);
    if (m_backends.empty()) {
        kernel.finish(frame, sim::Outcome::Rejected); // no upstream: 503
        return;
    }
    const Backend& backend = m_backends[pick(kernel, kernel.frames()[frame].key)];
    kernel.call(frame, backend.link, backend.instance);
}

} // namespace scalelab::blocks
