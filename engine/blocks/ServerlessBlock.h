#pragma once
// A serverless function (AWS Lambda-like). Each container serves one
// request at a time; a request finds a warm idle container, or starts a new
// one and pays the cold start, or, with `concurrency_limit` containers busy,
// is throttled with 429. A container idle for longer than keep_warm_s is
// reclaimed, so the next request after a quiet spell starts cold again.
// Busy containers out of the limit form an Erlang loss system: the share
// throttled is Erlang B (insensitive to the execution-time distribution).
// It costs per invocation and per GB-second of execution, nothing idle.
#include "sim/BlockRuntime.h"

#include <deque>
#include <vector>

namespace scalelab::blocks {

class ServerlessBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void start(sim::Kernel& kernel) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void release(sim::Kernel& kernel, uint32_t frame) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;

    int instanceCount() const override { return m_alive; }
    bool hasWorkers() const override { return true; }
    int load(int) const override { return m_busy; }
    double costPerHour(double requestsPerSecond) const override;
    std::map<std::string, double> extraMetrics() const override;
    void resetStats(sim::SimTime now) override;

private:
    struct Container {
        bool alive = false;
        sim::SimTime idleSince = 0;
    };

    void reclaimIdle(sim::SimTime now);

    int m_limit = 1000;
    double m_executionMs = 100, m_cv = 1, m_memoryGb = 0.5, m_pricePerGbSecond = 0, m_pricePerMillion = 0;
    sim::SimTime m_coldStart = 0, m_keepWarm = 0;

    std::vector<Container> m_containers;
    std::deque<int> m_idle;        // warm containers, least recently used first
    std::vector<int> m_freeSlots;  // reclaimed container slots
    int m_alive = 0, m_busy = 0;

    uint64_t m_invocations = 0, m_coldStarts = 0, m_throttled = 0;
};

} // namespace scalelab::blocks
