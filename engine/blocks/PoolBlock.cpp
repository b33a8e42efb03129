#include "PoolBlock.h"

#include "Backoff.h"
#include "core/FigureNames.h"

namespace scalelab::blocks {

PoolBlock::PoolBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void PoolBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    // One class serves every pool kind; what its registry entry declares
    // decides the rest: a connection limit (a database), call retries (a service).
    const auto has = [&](const char* key) { return block.params.count(key) > 0; };
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_times = ServiceTimes::of(block);
    m_maxConnections = has("max_connections") ? static_cast<int>(block.param("max_connections")) : INT_MAX;
    m_callRetries = has("call_retries") ? static_cast<int>(block.param("call_retries")) : 0;
    m_callBackoff = has("call_retry_backoff_ms") ? sim::fromMs(block.param("call_retry_backoff_ms")) : 0;
    const auto sessions = has("sessions") ? block.choice<model::SessionState>("sessions") : model::SessionState::None;
    if (sessions != model::SessionState::InInstance)
        m_sessions.clear(); // the sessions left the instances (or never were there)
    m_sessionState = sessions;
    // An autoscaler may have changed the instance count: only an edit of
    // the parameter itself overrides it.
    const int configured = static_cast<int>(block.param("instances"));
    const int instances = configured != m_configuredInstances ? configured : m_pool.active();
    m_configuredInstances = configured;
    m_pool.resize(kernel, instances, static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
}

void PoolBlock::onArrive(sim::Kernel& kernel, uint32_t index)
{
    if (m_pool.inSystem() >= m_maxConnections) {
        kernel.finish(index, sim::Outcome::Rejected); // too many connections
        return;
    }
    // Without a balancer in front, callers take the live instances in turn
    // (a service's own discovery drops dead instances at once).
    const int instance = m_pool.choose(kernel.frames()[index].instance, m_nextInstance);
    if (instance < 0 || m_pool.isDown(instance)) {
        kernel.finish(index, sim::Outcome::Failed); // connection refused by a dead host
        return;
    }
    if (m_sessionState == model::SessionState::InInstance &&
        m_sessions.visit(kernel.frames()[index].key, instance) == SessionTable::Visit::LoggedOut) {
        // This instance never saw the user's session (or lost it): the user
        // is sent to log in again, and what they asked for fails.
        ++m_loggedOut;
        kernel.finish(index, sim::Outcome::Failed);
        return;
    }
    if (m_pool.admit(kernel, index, instance) == InstancePool::Admission::Rejected)
        kernel.finish(index, sim::Outcome::Rejected); // queue full: 503
}

sim::SimTime PoolBlock::workTime(const sim::CallFrame& frame)
{
    return m_times.sample(frame, rng());
}

int PoolBlock::crash(sim::Kernel& kernel, int count)
{
    std::vector<bool> wasDown(static_cast<size_t>(m_pool.active()));
    for (int i = 0; i < m_pool.active(); ++i)
        wasDown[static_cast<size_t>(i)] = m_pool.isDown(i);
    const int crashed = m_pool.crash(kernel, count);
    if (m_sessionState != model::SessionState::InInstance)
        return crashed; // sessions in a shared store outlive any instance
    for (int i = 0; i < m_pool.active(); ++i) {
        if (wasDown[static_cast<size_t>(i)] || !m_pool.isDown(i))
            continue;
        const uint64_t lost = m_sessions.dropInstance(i);
        m_sessionsLost += lost;
        kernel.log(index(), id() + " #" + std::to_string(i + 1) + " crashed with " + std::to_string(lost) +
                                (lost == 1 ? " session in memory: its user is logged out"
                                           : " sessions in memory: those users are logged out"));
    }
    return crashed;
}

void PoolBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_sessionsLost = m_loggedOut = 0; // sessions held stay: they are state, not a count
}

bool PoolBlock::scaleTo(sim::Kernel& kernel, int instances)
{
    m_pool.resize(kernel, instances, m_pool.workers(), m_pool.queueCapacity());
    return true;
}

void PoolBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    if (m_pool.isDown(kernel.frames()[frame].instance))
        kernel.finish(frame, sim::Outcome::Failed); // the host died under it
    else
        kernel.continueCalls(frame);
}

void PoolBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    sim::CallFrame& call = kernel.frames()[frame];
    if (m_pool.isDown(call.instance)) {
        kernel.finish(frame, sim::Outcome::Failed);
        return;
    }
    if (outcome != sim::Outcome::Ok && call.phase < m_callRetries) {
        // Retry the same call after an exponential backoff with full jitter;
        // the worker stays held. `phase` counts this call's retries.
        ++call.phase;
        --call.nextLink;
        ++m_callRetriesSent;
        call.state = sim::FrameState::Working;
        kernel.schedule(kernel.now() + backoff(m_callBackoff, call.phase, Jitter::Full, rng()), sim::EventType::WorkDone,
                        index(), frame, kernel.frames().generation(frame));
        return;
    }
    if (outcome == sim::Outcome::Ok)
        call.phase = 0; // the next downstream call has its own retries
    sim::BlockRuntime::onReply(kernel, frame, outcome);
}

std::map<std::string, double> PoolBlock::extraMetrics() const
{
    std::map<std::string, double> extras{{"connections", static_cast<double>(m_pool.inSystem())}};
    if (m_callRetries > 0)
        extras["call_retries"] = static_cast<double>(m_callRetriesSent);
    if (m_pool.downCount() > 0)
        extras["instances_down"] = m_pool.downCount();
    if (m_sessionState != model::SessionState::None) {
        extras[figures::kSessionsLost] = static_cast<double>(m_sessionsLost);
        extras[figures::kLoggedOut] = static_cast<double>(m_loggedOut);
    }
    if (m_sessionState == model::SessionState::InInstance)
        extras[figures::kSessions] = static_cast<double>(m_sessions.size());
    return extras;
}

} // namespace scalelab::blocks
