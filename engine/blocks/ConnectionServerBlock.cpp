#include "ConnectionServerBlock.h"

#include <cmath>
#include <limits>

namespace scalelab::blocks {

void ConnectionServerBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    // Decimal units, as the help says: 1 GB = 1,000,000 KB.
    const double perInstance = std::floor(block.param("memory_gb") * 1e6 / block.param("memory_per_connection_kb"));
    m_perInstance = static_cast<int>(std::min(perInstance, double(std::numeric_limits<int>::max() / 2)));
    m_workers = static_cast<int>(block.param("workers"));
    m_durationS = block.param("connection_duration_s");
    m_messageRate = block.param("message_rate");
    m_messageMs = block.param("message_time_ms");
    m_reconnectWithinS = block.param("reconnect_within_s");
    m_handshake = sim::fromMs(block.param("handshake_ms"));
    const int configured = static_cast<int>(block.param("instances"));
    if (configured != m_configuredInstances) {
        m_configuredInstances = configured;
        setInstances(kernel, configured);
    }
    setCapacity(kernel);
    for (uint32_t i = 0; i < m_instances.size(); ++i) {
        rearmMessages(kernel, i); // the message rate may have changed
        while (m_instances[i].busy < m_workers && !m_instances[i].waiting.empty()) {
            const sim::SimTime arrived = m_instances[i].waiting.front();
            m_instances[i].waiting.pop_front();
            metrics().queued().add(kernel.now(), -1);
            startMessage(kernel, i, arrived);
        }
    }
}

bool ConnectionServerBlock::scaleTo(sim::Kernel& kernel, int instances)
{
    setInstances(kernel, instances);
    setCapacity(kernel);
    return true;
}

void ConnectionServerBlock::setInstances(sim::Kernel& kernel, int count)
{
    // Fewer instances: the removed ones' users are dropped and reconnect.
    for (int i = count; i < static_cast<int>(m_instances.size()); ++i)
        dropAll(kernel, i);
    for (int i = count; i < static_cast<int>(m_instances.size()); ++i)
        metrics().queued().add(kernel.now(), -static_cast<double>(m_instances[static_cast<size_t>(i)].waiting.size()));
    m_instances.resize(static_cast<size_t>(count));
    kernel.instancesChanged();
}

int ConnectionServerBlock::upCount() const
{
    int up = 0;
    for (const Instance& instance : m_instances)
        up += !instance.down;
    return up;
}

void ConnectionServerBlock::setCapacity(sim::Kernel& kernel)
{
    metrics().capacity().set(kernel.now(), double(upCount()) * m_workers);
}

void ConnectionServerBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (!open(kernel)) {
        ++m_refused;
        kernel.finish(frame, sim::Outcome::Rejected); // no instance has memory for one more: 503
        return;
    }
    ++m_accepted;
    kernel.frames()[frame].state = sim::FrameState::Working;
    kernel.schedule(kernel.now() + m_handshake, sim::EventType::WorkDone, index(), frame,
                    kernel.frames().generation(frame));
}

bool ConnectionServerBlock::open(sim::Kernel& kernel)
{
    int best = -1;
    for (int i = 0; i < static_cast<int>(m_instances.size()); ++i) {
        const Instance& instance = m_instances[static_cast<size_t>(i)];
        if (!instance.down && instance.connections < m_perInstance &&
            (best < 0 || instance.connections < m_instances[static_cast<size_t>(best)].connections))
            best = i;
    }
    if (best < 0) {
        if (!m_full) {
            m_full = true;
            kernel.log(index(), id() + ": every instance is full (" + std::to_string(m_perInstance) +
                                    " connections each) or down; refusing new connections");
        }
        return false;
    }
    if (m_full && m_open < static_cast<int64_t>(0.9 * upCount() * m_perInstance))
        m_full = false; // room again: the next time all fill up is a new episode
    uint32_t slot;
    if (m_free.empty()) {
        slot = static_cast<uint32_t>(m_connections.size());
        m_connections.emplace_back();
    } else {
        slot = m_free.back();
        m_free.pop_back();
    }
    const sim::SimTime endsAt = kernel.now() + sim::fromSeconds(rng().exponential(m_durationS));
    m_connections[slot] = Connection{best, endsAt};
    ++m_instances[static_cast<size_t>(best)].connections;
    ++m_open;
    kernel.schedule(endsAt, sim::EventType::BlockTimer, index(), kEnd | slot);
    rearmMessages(kernel, static_cast<uint32_t>(best));
    return true;
}

void ConnectionServerBlock::close(sim::Kernel& kernel, uint32_t slot)
{
    Connection& connection = m_connections[slot];
    const auto instance = static_cast<uint32_t>(connection.instance);
    connection.instance = -1;
    m_free.push_back(slot);
    --m_instances[instance].connections;
    --m_open;
    rearmMessages(kernel, instance);
}

void ConnectionServerBlock::dropAll(sim::Kernel& kernel, int instance)
{
    int dropped = 0;
    for (uint32_t slot = 0; slot < m_connections.size(); ++slot) {
        if (m_connections[slot].instance != instance)
            continue;
        close(kernel, slot);
        ++dropped;
        const double delayS = m_reconnectWithinS > 0 ? rng().uniform() * m_reconnectWithinS : 0;
        kernel.schedule(kernel.now() + sim::fromSeconds(delayS), sim::EventType::BlockTimer, index(), kReconnect);
    }
    m_dropped += static_cast<uint64_t>(dropped);
    if (dropped > 0)
        kernel.log(index(), id() + " #" + std::to_string(instance + 1) + " dropped " + std::to_string(dropped) +
                                " connections; they reconnect onto the other instances");
}

void ConnectionServerBlock::rearmMessages(sim::Kernel& kernel, uint32_t i)
{
    Instance& instance = m_instances[i];
    const double rate = m_messageRate * instance.connections;
    if (instance.down || rate <= 0) {
        instance.nextMessage = sim::kNever;
        return;
    }
    instance.nextMessage = kernel.now() + std::max<sim::SimTime>(1, sim::fromSeconds(rng().exponential(1 / rate)));
    kernel.schedule(instance.nextMessage, sim::EventType::BlockTimer, index(), kMessage | i);
}

void ConnectionServerBlock::startMessage(sim::Kernel& kernel, uint32_t i, sim::SimTime arrived)
{
    Instance& instance = m_instances[i];
    ++instance.busy;
    metrics().busy().add(kernel.now(), 1);
    const sim::SimTime work = sim::fromMs(rng().exponential(m_messageMs) * slowFactor());
    m_messageTime.record(kernel.now() - arrived + work);
    kernel.schedule(kernel.now() + work, sim::EventType::BlockTimer, index(), kMessageDone | i);
}

void ConnectionServerBlock::onTimer(sim::Kernel& kernel, uint32_t tag)
{
    const uint32_t who = tag & ~kKindMask;
    switch (tag & kKindMask) {
    case kEnd:
        if (who < m_connections.size() && m_connections[who].instance >= 0 && m_connections[who].endsAt == kernel.now())
            close(kernel, who); // the user left (not a stale timer of a dropped connection)
        return;
    case kMessage: {
        if (who >= m_instances.size() || m_instances[who].nextMessage != kernel.now())
            return; // redrawn since
        ++m_messages;
        Instance& instance = m_instances[who];
        if (instance.busy < m_workers) {
            startMessage(kernel, who, kernel.now());
        } else {
            instance.waiting.push_back(kernel.now());
            metrics().queued().add(kernel.now(), 1);
        }
        rearmMessages(kernel, who);
        return;
    }
    case kMessageDone: {
        metrics().busy().add(kernel.now(), -1);
        if (who >= m_instances.size())
            return; // the instance was removed meanwhile
        Instance& instance = m_instances[who];
        --instance.busy;
        if (!instance.waiting.empty() && instance.busy < m_workers) {
            const sim::SimTime arrived = instance.waiting.front();
            instance.waiting.pop_front();
            metrics().queued().add(kernel.now(), -1);
            startMessage(kernel, who, arrived);
        }
        return;
    }
    case kReconnect:
        ++m_reconnects;
        if (!open(kernel))
            ++m_reconnectsRefused;
        return;
    }
}

int ConnectionServerBlock::crash(sim::Kernel& kernel, int count)
{
    int crashed = 0;
    for (int i = static_cast<int>(m_instances.size()) - 1; i >= 0 && crashed < count; --i) {
        Instance& instance = m_instances[static_cast<size_t>(i)];
        if (instance.down)
            continue;
        instance.down = true;
        ++crashed;
        metrics().queued().add(kernel.now(), -static_cast<double>(instance.waiting.size()));
        instance.waiting.clear(); // its messages in memory are lost with it
        dropAll(kernel, i);
    }
    setCapacity(kernel);
    kernel.instancesChanged();
    return crashed;
}

void ConnectionServerBlock::restore(sim::Kernel& kernel)
{
    for (Instance& instance : m_instances)
        instance.down = false; // back empty: new connections fill it
    m_full = false;
    setCapacity(kernel);
    kernel.instancesChanged();
}

std::map<std::string, double> ConnectionServerBlock::extraMetrics() const
{
    return {{"open_connections", double(m_open)},
            {"connection_capacity", double(upCount()) * m_perInstance},
            {"connections_per_instance", double(m_perInstance)},
            {"accepted", double(m_accepted)},
            {"refused", double(m_refused)},
            {"dropped", double(m_dropped)},
            {"reconnects", double(m_reconnects)},
            {"reconnects_refused", double(m_reconnectsRefused)},
            {"messages", double(m_messages)},
            {"message_time_p95_ms", m_messageTime.count() ? double(m_messageTime.quantile(0.95)) / 1e6 : 0.0}};
}

void ConnectionServerBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_messageTime.reset();
    m_accepted = m_refused = m_dropped = m_reconnects = m_reconnectsRefused = m_messages = 0;
}

size_t ConnectionServerBlock::heldBytes() const
{
    size_t bytes = sim::BlockRuntime::heldBytes() + m_connections.capacity() * sizeof(Connection) +
                   m_free.capacity() * sizeof(uint32_t);
    for (const Instance& instance : m_instances)
        bytes += instance.waiting.size() * sizeof(sim::SimTime);
    return bytes;
}

std::string ConnectionServerBlock::heldText() const
{
    return std::to_string(m_open) + " open connections";
}

} // namespace scalelab::blocks
