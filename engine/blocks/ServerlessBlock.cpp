#include "ServerlessBlock.h"

#include <algorithm>

namespace scalelab::blocks {

void ServerlessBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_limit = static_cast<int>(block.param("concurrency_limit"));
    m_executionMs = block.param("execution_time_ms");
    m_cv = block.param("service_cv");
    m_coldStart = sim::fromMs(block.param("cold_start_ms"));
    m_keepWarm = sim::fromSeconds(block.param("keep_warm_s"));
    m_memoryGb = block.param("memory_mb") / 1024.0;
    m_pricePerGbSecond = block.param("cost_per_gb_second");
    m_pricePerMillion = block.param("cost_per_million");
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    metrics().capacity().set(kernel.now(), m_limit);
}

void ServerlessBlock::start(sim::Kernel& kernel)
{
    // Reclaiming idle containers once a second keeps the warm count honest
    // in quiet periods, when no request would trigger it.
    kernel.schedule(kernel.now() + sim::kSecond, sim::EventType::BlockTimer, index(), 0);
}

void ServerlessBlock::onTimer(sim::Kernel& kernel, uint32_t)
{
    reclaimIdle(kernel.now());
    kernel.schedule(kernel.now() + sim::kSecond, sim::EventType::BlockTimer, index(), 0);
}

void ServerlessBlock::reclaimIdle(sim::SimTime now)
{
    while (!m_idle.empty() && now - m_containers[static_cast<size_t>(m_idle.front())].idleSince >= m_keepWarm) {
        const int slot = m_idle.front();
        m_idle.pop_front();
        m_containers[static_cast<size_t>(slot)].alive = false;
        m_freeSlots.push_back(slot);
        --m_alive;
    }
}

void ServerlessBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    const sim::SimTime now = kernel.now();
    reclaimIdle(now);
    ++m_invocations;
    int slot;
    sim::SimTime coldStart = 0;
    if (!m_idle.empty()) {
        slot = m_idle.back(); // the most recently used container is the warmest
        m_idle.pop_back();
    } else if (m_busy < m_limit) {
        if (m_freeSlots.empty()) {
            slot = static_cast<int>(m_containers.size());
            m_containers.emplace_back();
        } else {
            slot = m_freeSlots.back();
            m_freeSlots.pop_back();
        }
        m_containers[static_cast<size_t>(slot)].alive = true;
        ++m_alive;
        ++m_coldStarts;
        coldStart = m_coldStart;
    } else {
        ++m_throttled;
        kernel.finish(frame, sim::Outcome::RateLimited); // throttled: 429
        return;
    }
    ++m_busy;
    metrics().busy().add(now, 1);
    sim::CallFrame& call = kernel.frames()[frame];
    call.instance = slot;
    call.holdsWorker = true;
    call.state = sim::FrameState::Working;
    const sim::SimTime work = sim::fromMs(rng().withVariation(m_executionMs, m_cv));
    kernel.schedule(now + coldStart + sim::roundToTime(static_cast<double>(work) * slowFactor()),
                    sim::EventType::WorkDone, index(), frame, kernel.frames().generation(frame));
}

void ServerlessBlock::release(sim::Kernel& kernel, uint32_t frame)
{
    sim::CallFrame& call = kernel.frames()[frame];
    if (!call.holdsWorker)
        return; // throttled before it got a container
    call.holdsWorker = false;
    --m_busy;
    metrics().busy().add(kernel.now(), -1);
    m_containers[static_cast<size_t>(call.instance)].idleSince = kernel.now();
    m_idle.push_back(call.instance);
}

double ServerlessBlock::costPerHour(double requestsPerSecond) const
{
    const double gbSecondsPerSecond = requestsPerSecond * m_executionMs / 1000.0 * m_memoryGb;
    return 3600 * (requestsPerSecond * m_pricePerMillion / 1e6 + gbSecondsPerSecond * m_pricePerGbSecond);
}

std::map<std::string, double> ServerlessBlock::extraMetrics() const
{
    return {{"invocations", double(m_invocations)},
            {"cold_starts", double(m_coldStarts)},
            {"cold_start_ratio", m_invocations ? double(m_coldStarts) / double(m_invocations) : 0.0},
            {"throttled", double(m_throttled)},
            {"warm_containers", double(m_alive)},
            {"busy_containers", double(m_busy)}};
}

void ServerlessBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_invocations = m_coldStarts = m_throttled = 0;
}

} // namespace scalelab::blocks
