#pragma once
// Service and database blocks: a pool of identical instances (see
// InstancePool). A worker is held for the service time and then for every
// downstream call, so a slow dependency fills this pool's workers and queue
// and the slowness climbs the graph. Databases differ only in read/write
// times and a cap on connections over all instances. A service may keep
// users' login sessions in its instances' memory (SessionTable): then where
// a request lands and which instance crashes decide who is logged out.
#include "model/Choices.h"
#include "sim/BlockRuntime.h"
#include "InstancePool.h"
#include "ServiceTimes.h"
#include "SessionTable.h"

#include <climits>

namespace scalelab::blocks {

class PoolBlock final : public sim::BlockRuntime {
public:
    PoolBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void release(sim::Kernel& kernel, uint32_t frame) override { m_pool.release(kernel, frame); }
    sim::SimTime workTime(const sim::CallFrame& frame) override;

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    std::map<std::string, double> extraMetrics() const override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    int crash(sim::Kernel& kernel, int count) override;
    void restore(sim::Kernel&) override { m_pool.restore(); }
    bool instanceUp(int instance) const override { return !m_pool.isDown(instance); }
    bool scaleTo(sim::Kernel& kernel, int instances) override;
    void resetStats(sim::SimTime now) override;

private:
    InstancePool m_pool;
    int m_maxConnections = INT_MAX;
    ServiceTimes m_times;
    int m_nextInstance = 0;
    int m_configuredInstances = -1;
    int m_callRetries = 0;
    sim::SimTime m_callBackoff = 0;
    uint64_t m_callRetriesSent = 0;
    model::SessionState m_sessionState = model::SessionState::None;
    SessionTable m_sessions; // in_instance only
    uint64_t m_sessionsLost = 0, m_loggedOut = 0;
};

} // namespace scalelab::blocks
