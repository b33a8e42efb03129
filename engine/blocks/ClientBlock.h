#pragma once
// Traffic source. Open model: Poisson arrivals whose rate follows the
// traffic profile, whatever happens to them. Closed model: N virtual users,
// each sends a request, waits for its final outcome, thinks, and sends the
// next, so a slow system lowers its own load (the interactive response-time
// law X = N / (R + Z)). Either way: a read/write mix, Zipf keys, a timeout
// per attempt and retries with exponential backoff. It records what users
// experience: latency from the first attempt, and the outcome of the last.
#include "model/Choices.h"
#include "Backoff.h"
#include "sim/BlockRuntime.h"
#include "sim/TrafficProfile.h"
#include "sim/ZipfSampler.h"

namespace scalelab::blocks {

class ClientBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void start(sim::Kernel& kernel) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onArrivalEvent(sim::Kernel& kernel, uint32_t generation) override;
    void onAttemptDone(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome) override;
    void onRetry(sim::Kernel& kernel, uint32_t request, uint32_t generation) override;
    std::map<std::string, double> extraMetrics() const override;
    void resetStats(sim::SimTime now) override;
    bool isClient() const override { return true; }
    bool sendsAttacks() const override { return m_attack; }

private:
    using Model = model::ArrivalModel;

    void restartArrivals(sim::Kernel& kernel);
    void scheduleNextArrival(sim::Kernel& kernel);
    void scheduleThink(sim::Kernel& kernel);
    void sendAttempt(sim::Kernel& kernel, uint32_t request);
    // The next request's key (only keys of simulated shards in a sampled run).
    uint32_t drawKey(sim::Kernel& kernel);
    void complete(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome);

    Model m_model = Model::Open;
    sim::TrafficProfile m_profile;
    double m_readRatio = 1;
    double m_staticRatio = 0;
    bool m_attack = false;
    int m_retries = 0;
    Jitter m_jitter = Jitter::Full;
    sim::SimTime m_backoff = 0;
    sim::ZipfSampler m_keys;
    int m_virtualUsers = 0;
    double m_thinkSeconds = 0;
    // Virtual users alive in the current generation: thinking or waiting for a reply.
    int m_activeUsers = 0;
    // Bumped when the arrival stream restarts (rate, profile or model edits):
    // events and requests of an older generation no longer drive arrivals.
    uint32_t m_arrivalGeneration = 0;
    bool m_started = false;
    uint64_t m_attempts = 0;
    uint64_t m_retriesSent = 0;
};

} // namespace scalelab::blocks
