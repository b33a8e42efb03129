#pragma once
// Open-loop traffic source: Poisson arrivals, a read/write mix, Zipf keys,
// a timeout per attempt and retries with exponential backoff. It records
// what users experience: end-to-end latency from the first attempt, and the
// final outcome after the last retry.
#include "BlockRuntime.h"
#include "sim/ZipfSampler.h"

namespace scalelab::blocks {

class ClientBlock final : public BlockRuntime {
public:
    ClientBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void start(sim::Kernel& kernel) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onArrivalEvent(sim::Kernel& kernel, uint32_t generation) override;
    void onAttemptDone(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome) override;
    void onRetry(sim::Kernel& kernel, uint32_t request, uint32_t generation) override;
    std::map<std::string, double> extraMetrics() const override;
    bool isClient() const override { return true; }
    void resetStats(sim::SimTime now) override;

private:
    void scheduleNextArrival(sim::Kernel& kernel);
    void sendAttempt(sim::Kernel& kernel, uint32_t request);
    void complete(sim::Kernel& kernel, uint32_t request, sim::Outcome outcome);

    double m_rate = 0;
    double m_readRatio = 1;
    int m_retries = 0;
    sim::SimTime m_backoff = 0;
    sim::ZipfSampler m_keys;
    uint32_t m_arrivalGeneration = 0;
    bool m_started = false;
    uint64_t m_attempts = 0;
    uint64_t m_retriesSent = 0;
};

} // namespace scalelab::blocks
