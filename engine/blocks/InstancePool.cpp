#include "InstancePool.h"

#include "sim/BlockRuntime.h"

namespace scalelab::blocks {

InstancePool::InstancePool(sim::BlockRuntime& owner)
    : m_owner(owner)
{
}

void InstancePool::resize(sim::Kernel& kernel, int active, int workers, int queueCapacity)
{
    m_workers = workers;
    m_queueCapacity = queueCapacity;
    if (active > static_cast<int>(m_instances.size()))
        m_instances.resize(static_cast<size_t>(active));
    if (active != m_active) {
        m_active = active;
        kernel.instancesChanged();
    }
    m_owner.metrics().capacity().set(kernel.now(), static_cast<double>(m_active) * m_workers);
    for (int i = 0; i < m_active; ++i) {
        Instance& instance = m_instances[static_cast<size_t>(i)];
        while (instance.busy < m_workers && !instance.waiting.empty()) {
            const uint32_t next = instance.waiting.popFront(kernel.frames());
            m_owner.metrics().queued().add(kernel.now(), -weight(i));
            start(kernel, next);
        }
    }
}

InstancePool::Admission InstancePool::admit(sim::Kernel& kernel, uint32_t index, int instanceIndex)
{
    sim::CallFrame& frame = kernel.frames()[index];
    frame.instance = instanceIndex;
    Instance& instance = m_instances[static_cast<size_t>(instanceIndex)];
    if (instance.busy < m_workers) {
        ++m_inSystem;
        start(kernel, index);
        return Admission::Started;
    }
    if (static_cast<int>(instance.waiting.size()) < m_queueCapacity) {
        ++m_inSystem;
        frame.state = sim::FrameState::Queued;
        instance.waiting.pushBack(kernel.frames(), index);
        m_owner.metrics().queued().add(kernel.now(), weight(instanceIndex));
        return Admission::Queued;
    }
    return Admission::Rejected;
}

void InstancePool::start(sim::Kernel& kernel, uint32_t index)
{
    sim::CallFrame& frame = kernel.frames()[index];
    ++m_instances[static_cast<size_t>(frame.instance)].busy;
    m_owner.metrics().busy().add(kernel.now(), weight(frame.instance));
    frame.holdsWorker = true;
    frame.state = sim::FrameState::Working;
    sim::SimTime work = m_owner.workTime(frame);
    if (m_owner.slowFactor() != 1)
        work = sim::roundToTime(static_cast<double>(work) * m_owner.slowFactor()); // saturates
    kernel.schedule(kernel.now() + work, sim::EventType::WorkDone, m_owner.index(), index,
                    kernel.frames().generation(index));
}

void InstancePool::release(sim::Kernel& kernel, uint32_t index)
{
    sim::CallFrame& frame = kernel.frames()[index];
    if (frame.instance < 0 || frame.instance >= static_cast<int>(m_instances.size()))
        return; // refused before it was admitted
    Instance& instance = m_instances[static_cast<size_t>(frame.instance)];
    if (frame.state == sim::FrameState::Queued) {
        instance.waiting.remove(kernel.frames(), index);
        m_owner.metrics().queued().add(kernel.now(), -weight(frame.instance));
        --m_inSystem;
        return;
    }
    if (!frame.holdsWorker)
        return;
    frame.holdsWorker = false;
    --m_inSystem;
    --instance.busy;
    m_owner.metrics().busy().add(kernel.now(), -weight(frame.instance));
    if (!instance.waiting.empty()) {
        const uint32_t next = instance.waiting.popFront(kernel.frames());
        m_owner.metrics().queued().add(kernel.now(), -weight(frame.instance));
        start(kernel, next);
    }
}

int InstancePool::crash(sim::Kernel& kernel, int count)
{
    int crashed = 0;
    for (int i = m_active - 1; i >= 0 && crashed < count; --i) {
        Instance& instance = m_instances[static_cast<size_t>(i)];
        if (instance.down)
            continue;
        instance.down = true;
        ++crashed;
        // Its queue is lost: waiting callers get an error at once. Requests
        // in service fail when their work would have ended (see isDown).
        while (!instance.waiting.empty())
            kernel.finish(instance.waiting.front(), sim::Outcome::Failed);
    }
    m_down += crashed;
    return crashed;
}

void InstancePool::restore()
{
    for (Instance& instance : m_instances)
        instance.down = false;
    m_down = 0;
}

bool InstancePool::isDown(int instance) const
{
    return instance >= 0 && instance < static_cast<int>(m_instances.size()) &&
           m_instances[static_cast<size_t>(instance)].down;
}

int InstancePool::choose(int requested, int& next) const
{
    if (requested >= 0 && requested < m_active)
        return requested;
    for (int step = 0; step < m_active; ++step) {
        const int chosen = (next + step) % m_active;
        if (!isDown(chosen)) {
            next = (chosen + 1) % m_active;
            return chosen;
        }
    }
    return -1;
}

void InstancePool::receive(sim::Kernel& kernel, uint32_t frame, int& next)
{
    const int instance = choose(kernel.frames()[frame].instance, next);
    if (instance < 0 || isDown(instance))
        kernel.finish(frame, sim::Outcome::Failed); // a dead host refuses the connection
    else if (admit(kernel, frame, instance) == Admission::Rejected)
        kernel.finish(frame, sim::Outcome::Rejected);
}

int InstancePool::load(int instance) const
{
    if (instance < 0 || instance >= static_cast<int>(m_instances.size()))
        return m_inSystem;
    const Instance& chosen = m_instances[static_cast<size_t>(instance)];
    return chosen.busy + static_cast<int>(chosen.waiting.size());
}

} // namespace scalelab::blocks
