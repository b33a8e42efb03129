#include "CircuitBreakerBlock.h"

namespace scalelab::blocks {

namespace {
enum Phase : uint8_t { Normal, Probe };
}

void CircuitBreakerBlock::configure(sim::Kernel&, const model::Block& block)
{
    m_threshold = static_cast<int>(block.param("failure_threshold"));
    m_openFor = sim::fromSeconds(block.param("open_s"));
    m_probes = static_cast<int>(block.param("half_open_probes"));
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_fallback = block.param("fallback") != 0;
}

void CircuitBreakerBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (m_state == State::Open) {
        refuse(kernel, frame);
        return;
    }
    if (m_state == State::HalfOpen) {
        if (m_probesInFlight >= m_probes) {
            refuse(kernel, frame);
            return;
        }
        ++m_probesInFlight;
        kernel.frames()[frame].phase = Probe;
    }
    kernel.continueCalls(frame);
}

void CircuitBreakerBlock::refuse(sim::Kernel& kernel, uint32_t frame)
{
    ++m_shortCircuited;
    if (m_fallback) {
        ++m_fallbacks;
        kernel.finish(frame, sim::Outcome::Ok); // a degraded answer, at once
    } else {
        kernel.finish(frame, sim::Outcome::CircuitOpen);
    }
}

void CircuitBreakerBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    record(kernel, kernel.frames()[frame], outcome);
    sim::BlockRuntime::onReply(kernel, frame, outcome);
}

void CircuitBreakerBlock::onTimeout(sim::Kernel& kernel, uint32_t frame)
{
    record(kernel, kernel.frames()[frame], sim::Outcome::Timeout);
    kernel.finish(frame, sim::Outcome::Timeout);
}

void CircuitBreakerBlock::record(sim::Kernel& kernel, const sim::CallFrame& frame, sim::Outcome outcome)
{
    const bool probe = frame.phase == Probe;
    if (probe)
        --m_probesInFlight;
    // Results of calls let through before the circuit opened say nothing
    // about the dependency now: only probes count while half-open.
    if (m_state == State::Open || (m_state == State::HalfOpen && !probe))
        return;
    if (outcome == sim::Outcome::Ok) {
        m_failuresInARow = 0;
        if (m_state == State::HalfOpen && ++m_probeSuccesses >= m_probes) {
            m_state = State::Closed;
            kernel.log(index(), id() + ": circuit closed, the probe calls succeeded");
        }
        return;
    }
    ++m_failuresInARow;
    if (m_state == State::HalfOpen)
        open(kernel, "a probe call failed");
    else if (m_failuresInARow >= m_threshold)
        open(kernel, std::to_string(m_failuresInARow) + " failures in a row");
}

void CircuitBreakerBlock::open(sim::Kernel& kernel, const std::string& why)
{
    m_state = State::Open;
    m_openUntil = kernel.now() + m_openFor;
    m_failuresInARow = 0;
    ++m_opened;
    kernel.log(index(), id() + ": circuit opened (" + why + "); calls fail fast for " +
                            std::to_string(static_cast<int>(sim::toSeconds(m_openFor))) + " s");
    kernel.schedule(m_openUntil, sim::EventType::BlockTimer, index(), ++m_openings);
}

void CircuitBreakerBlock::onTimer(sim::Kernel& kernel, uint32_t tag)
{
    if (tag != m_openings || m_state != State::Open)
        return; // an earlier opening's timer
    m_state = State::HalfOpen;
    m_probeSuccesses = 0;
    kernel.log(index(), id() + ": circuit half-open, letting " + std::to_string(m_probes) +
                            (m_probes == 1 ? " probe call" : " probe calls") + " through");
}

double CircuitBreakerBlock::gauge() const
{
    return m_state == State::Closed ? 0 : m_state == State::HalfOpen ? 1 : 2;
}

std::map<std::string, double> CircuitBreakerBlock::extraMetrics() const
{
    return {{"state", gauge()},
            {"times_opened", double(m_opened)},
            {"short_circuited", double(m_shortCircuited)},
            {"fallbacks", double(m_fallbacks)}};
}

void CircuitBreakerBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_opened = m_shortCircuited = m_fallbacks = 0;
}

} // namespace scalelab::blocks
