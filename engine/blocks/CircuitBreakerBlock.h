#pragma once
// A circuit breaker in front of a dependency, as the seeds describe it:
// closed, it passes calls and counts failures in a row (errors, or calls
// slower than its timeout); at the threshold it opens and refuses every
// call at once (fail fast, give the dependency time to recover); after the
// open duration it goes half-open and lets a few probe calls through: they
// close it if they succeed and open it again if one fails.
#include "model/Choices.h"
#include "sim/BlockRuntime.h"

namespace scalelab::blocks {

class CircuitBreakerBlock final : public sim::BlockRuntime {
public:
    using State = model::BreakerState; // its gauge; the registry names the states

    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void onTimeout(sim::Kernel& kernel, uint32_t frame) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;
    double gauge() const override;
    std::map<std::string, double> extraMetrics() const override;
    void resetStats(sim::SimTime now) override;

    State state() const { return m_state; }

private:
    void record(sim::Kernel& kernel, const sim::CallFrame& frame, sim::Outcome outcome);
    void open(sim::Kernel& kernel, const std::string& why);
    void refuse(sim::Kernel& kernel, uint32_t frame);

    int m_threshold = 5, m_probes = 1;
    sim::SimTime m_openFor = 0;
    bool m_fallback = false;

    State m_state = State::Closed;
    int m_failuresInARow = 0, m_probesInFlight = 0, m_probeSuccesses = 0;
    sim::SimTime m_openUntil = 0;
    uint32_t m_openings = 0; // tags the half-open timer of each opening
    uint64_t m_opened = 0, m_shortCircuited = 0, m_fallbacks = 0;
};

} // namespace scalelab::blocks
