#pragma once
// A saga orchestrator (seed 03: "transactions across shards: saga
// pattern"): a business transaction split into local steps, one per
// outgoing link, called in link order. When step k fails, the steps
// 1..k-1 that committed are undone by compensating calls over their links
// (in reverse order, each a write), and the saga fails. With independent
// step failure probabilities p_i, a saga fails with 1 - prod(1 - p_i) and
// needs compensation with (1 - p_1) - prod(1 - p_i).
//
// The orchestrator is a pool of instances (InstancePool) whose worker does
// its own work and then waits for each step and each compensation, as a
// synchronous orchestrator does.
#include "sim/BlockRuntime.h"
#include "InstancePool.h"

namespace scalelab::blocks {

class SagaBlock final : public sim::BlockRuntime {
public:
    SagaBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override { m_pool.receive(kernel, frame, m_next); }
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void release(sim::Kernel& kernel, uint32_t frame) override { m_pool.release(kernel, frame); }
    sim::SimTime workTime(const sim::CallFrame& frame) override;

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    int crash(sim::Kernel& kernel, int count) override { return m_pool.crash(kernel, count); }
    void restore(sim::Kernel&) override { m_pool.restore(); }
    bool instanceUp(int instance) const override { return !m_pool.isDown(instance); }
    bool scaleTo(sim::Kernel& kernel, int instances) override;
    std::map<std::string, double> extraMetrics() const override;
    void resetStats(sim::SimTime now) override;

private:
    enum Phase : uint8_t { Forward = 0, Compensating = 1 };
    // The next step to undo, from the last committed one down; the saga
    // fails when none is left.
    void compensateNext(sim::Kernel& kernel, uint32_t frame);
    void end(sim::Kernel& kernel, uint32_t frame, bool ok);

    InstancePool m_pool;
    double m_serviceMs = 0, m_cv = 1;
    int m_next = 0;
    int m_configuredInstances = -1;
    uint64_t m_sagas = 0, m_failed = 0, m_compensated = 0, m_compensations = 0, m_compensationFailures = 0;
};

} // namespace scalelab::blocks
