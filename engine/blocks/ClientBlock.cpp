#include "ClientBlock.h"

namespace scalelab::blocks {

ClientBlock::ClientBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : BlockRuntime(block, index, runSeed, windowCapacity)
{
}

void ClientBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    const double oldRate = m_rate;
    m_rate = block.param("rate_rps");
    m_readRatio = block.param("read_ratio");
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_retries = static_cast<int>(block.param("retries"));
    m_backoff = sim::fromMs(block.param("retry_backoff_ms"));
    m_keys.configure(static_cast<uint64_t>(block.param("key_space")), block.param("key_skew"));
    // Arrivals are memoryless: a new rate simply restarts the stream now.
    if (m_started && m_rate != oldRate) {
        ++m_arrivalGeneration;
        scheduleNextArrival(kernel);
    }
}

void ClientBlock::start(sim::Kernel& kernel)
{
    m_started = true;
    scheduleNextArrival(kernel);
}

void ClientBlock::scheduleNextArrival(sim::Kernel& kernel)
{
    if (m_rate <= 0)
        return;
    const double gapSeconds = rng().exponential(1.0 / m_rate);
    kernel.schedule(kernel.now() + sim::fromSeconds(gapSeconds), sim::EventType::ClientArrival, index(), 0,
                    m_arrivalGeneration);
}

void ClientBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    // The registry forbids links into a client; refuse defensively.
    kernel.finish(frame, sim::Outcome::Rejected);
}

void ClientBlock::onArrivalEvent(sim::Kernel& kernel, uint32_t generation)
{
    if (generation != m_arrivalGeneration)
        return; // superseded by a rate change
    // The next arrival first: it is the earliest event, so it takes the slot
    // this one leaves at the top of the event heap with no sifting, and the
    // later work this request schedules sinks no further than a leaf.
    scheduleNextArrival(kernel);
    const uint32_t index = kernel.requests().acquire();
    sim::Request& request = kernel.requests()[index];
    request.firstSent = kernel.now();
    request.client = this->index();
    request.key = static_cast<uint32_t>(m_keys.sample(rng()));
    request.type = rng().bernoulli(m_readRatio) ? sim::RequestType::Read : sim::RequestType::Write;
    request.attempts = 0;
    metrics().arrived();
    sendAttempt(kernel, index);
}

void ClientBlock::sendAttempt(sim::Kernel& kernel, uint32_t request)
{
    ++kernel.requests()[request].attempts;
    ++m_attempts;
    const uint32_t frame = kernel.startAttempt(index(), request);
    if (m_timeout > 0)
        kernel.armDeadline(frame, kernel.now() + m_timeout);
    kernel.continueCalls(frame);
}

void ClientBlock::onAttemptDone(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome)
{
    const int attempts = kernel.requests()[request].attempts;
    if (outcome == sim::Outcome::Ok || attempts > m_retries) {
        complete(kernel, request, outcome);
        return;
    }
    // Exponential backoff: backoff, 2 x backoff, 4 x backoff...
    const sim::SimTime wait = m_backoff << (attempts - 1);
    kernel.schedule(kernel.now() + wait, sim::EventType::Retry, index(), request,
                    kernel.requests().generation(request));
}

void ClientBlock::onRetry(sim::Kernel& kernel, uint32_t request, uint32_t generation)
{
    if (!kernel.requests().isLive(request, generation))
        return;
    ++m_retriesSent;
    sendAttempt(kernel, request);
}

void ClientBlock::complete(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome)
{
    const sim::SimTime latency = kernel.now() - kernel.requests()[request].firstSent;
    metrics().finished(latency, outcome);
    kernel.requests().release(request);
}

std::map<std::string, double> ClientBlock::extraMetrics() const
{
    return {{"attempts", static_cast<double>(m_attempts)}, {"retries", static_cast<double>(m_retriesSent)}};
}

void ClientBlock::resetStats(sim::SimTime now)
{
    BlockRuntime::resetStats(now);
    m_attempts = m_retriesSent = 0;
}

} // namespace scalelab::blocks
