#include "PoolBlock.h"

namespace scalelab::blocks {

PoolBlock::PoolBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : BlockRuntime(block, index, runSeed, windowCapacity)
{
}

void PoolBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    const bool isDatabase = block.kind == "database";
    m_workers = static_cast<int>(block.param("workers"));
    m_queueCapacity = static_cast<int>(block.param("queue_capacity"));
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_cv = block.param("service_cv");
    m_readMs = block.param(isDatabase ? "read_time_ms" : "service_time_ms");
    m_writeMs = block.param(isDatabase ? "write_time_ms" : "service_time_ms");
    m_maxConnections = isDatabase ? static_cast<int>(block.param("max_connections")) : INT_MAX;

    const int instances = static_cast<int>(block.param("instances"));
    if (instances > static_cast<int>(m_instances.size()))
        m_instances.resize(static_cast<size_t>(instances));
    if (instances != m_activeInstances) {
        m_activeInstances = instances;
        kernel.instancesChanged();
    }
    metrics().capacity().set(kernel.now(), static_cast<double>(m_activeInstances) * m_workers);
    // A larger pool starts at once on work already waiting.
    for (int i = 0; i < m_activeInstances; ++i) {
        Instance& instance = m_instances[static_cast<size_t>(i)];
        while (instance.busy < m_workers && !instance.waiting.empty()) {
            const uint32_t next = instance.waiting.popFront(kernel.frames());
            metrics().queued().add(kernel.now(), -1);
            startWork(kernel, next);
        }
    }
}

int PoolBlock::chooseInstance(int requested)
{
    if (requested >= 0 && requested < m_activeInstances)
        return requested;
    // Called without a balancer in front: callers take instances in turn.
    const int chosen = m_nextInstance % m_activeInstances;
    m_nextInstance = (chosen + 1) % m_activeInstances;
    return chosen;
}

void PoolBlock::onArrive(sim::Kernel& kernel, uint32_t index)
{
    if (m_connections >= m_maxConnections) {
        kernel.finish(index, sim::Outcome::Rejected); // too many connections
        return;
    }
    sim::CallFrame& frame = kernel.frames()[index];
    frame.instance = chooseInstance(frame.instance);
    Instance& instance = m_instances[static_cast<size_t>(frame.instance)];
    if (instance.busy < m_workers) {
        ++m_connections;
        startWork(kernel, index);
    } else if (static_cast<int>(instance.waiting.size()) < m_queueCapacity) {
        ++m_connections;
        frame.state = sim::FrameState::Queued;
        instance.waiting.pushBack(kernel.frames(), index);
        metrics().queued().add(kernel.now(), 1);
    } else {
        kernel.finish(index, sim::Outcome::Rejected); // queue full: 503
    }
}

void PoolBlock::startWork(sim::Kernel& kernel, uint32_t index)
{
    sim::CallFrame& frame = kernel.frames()[index];
    ++m_instances[static_cast<size_t>(frame.instance)].busy;
    metrics().busy().add(kernel.now(), 1);
    frame.holdsWorker = true;
    frame.state = sim::FrameState::Working;
    const double meanMs = frame.type == sim::RequestType::Read ? m_readMs : m_writeMs;
    const sim::SimTime work = sim::fromMs(rng().withVariation(meanMs, m_cv));
    kernel.schedule(kernel.now() + work, sim::EventType::WorkDone, this->index(), index,
                    kernel.frames().generation(index));
}

void PoolBlock::release(sim::Kernel& kernel, uint32_t index)
{
    sim::CallFrame& frame = kernel.frames()[index];
    if (frame.instance < 0)
        return; // refused before it was admitted
    Instance& instance = m_instances[static_cast<size_t>(frame.instance)];
    if (frame.state == sim::FrameState::Queued) {
        instance.waiting.remove(kernel.frames(), index);
        metrics().queued().add(kernel.now(), -1);
        --m_connections;
        return;
    }
    if (!frame.holdsWorker)
        return;
    frame.holdsWorker = false;
    --m_connections;
    --instance.busy;
    metrics().busy().add(kernel.now(), -1);
    if (!instance.waiting.empty()) {
        const uint32_t next = instance.waiting.popFront(kernel.frames());
        metrics().queued().add(kernel.now(), -1);
        startWork(kernel, next);
    }
}

int PoolBlock::load(int instance) const
{
    if (instance < 0 || instance >= static_cast<int>(m_instances.size()))
        return inFlight();
    const Instance& chosen = m_instances[static_cast<size_t>(instance)];
    return chosen.busy + static_cast<int>(chosen.waiting.size());
}

std::map<std::string, double> PoolBlock::extraMetrics() const
{
    return {{"connections", static_cast<double>(m_connections)}};
}

} // namespace scalelab::blocks
