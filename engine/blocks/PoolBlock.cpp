#include "PoolBlock.h"

namespace scalelab::blocks {

PoolBlock::PoolBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void PoolBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    const bool isDatabase = block.kind == "database";
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_times = ServiceTimes::of(block);
    m_maxConnections = isDatabase ? static_cast<int>(block.param("max_connections")) : INT_MAX;
    m_pool.resize(kernel, static_cast<int>(block.param("instances")), static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
}

int PoolBlock::chooseInstance(int requested)
{
    const int active = m_pool.active();
    if (requested >= 0 && requested < active)
        return requested;
    // Called without a balancer in front: callers take instances in turn.
    const int chosen = m_nextInstance % active;
    m_nextInstance = (chosen + 1) % active;
    return chosen;
}

void PoolBlock::onArrive(sim::Kernel& kernel, uint32_t index)
{
    if (m_pool.inSystem() >= m_maxConnections) {
        kernel.finish(index, sim::Outcome::Rejected); // too many connections
        return;
    }
    const int instance = chooseInstance(kernel.frames()[index].instance);
    if (m_pool.admit(kernel, index, instance) == InstancePool::Admission::Rejected)
        kernel.finish(index, sim::Outcome::Rejected); // queue full: 503
}

sim::SimTime PoolBlock::workTime(const sim::CallFrame& frame)
{
    return m_times.sample(frame.type, rng());
}

std::map<std::string, double> PoolBlock::extraMetrics() const
{
    return {{"connections", static_cast<double>(m_pool.inSystem())}};
}

} // namespace scalelab::blocks
