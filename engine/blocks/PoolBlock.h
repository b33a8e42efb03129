#pragma once
// A pool of identical instances, each with `workers` concurrent slots and a
// bounded FIFO wait queue: the service and database blocks. A worker is held
// for the service time and then for every downstream call, so a slow
// dependency fills this pool's workers and queue and the slowness climbs
// the graph. Databases differ only in read/write times and a connection cap.
#include "BlockRuntime.h"

#include <climits>

namespace scalelab::blocks {

class PoolBlock final : public BlockRuntime {
public:
    PoolBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void release(sim::Kernel& kernel, uint32_t frame) override;

    int instanceCount() const override { return m_activeInstances; }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override;
    std::map<std::string, double> extraMetrics() const override;

private:
    struct Instance {
        int busy = 0;
        sim::WaitQueue waiting;
    };

    void startWork(sim::Kernel& kernel, uint32_t frame);
    int chooseInstance(int requested);

    // Instances beyond m_activeInstances were scaled away: they get no new
    // work but finish what they hold, as a draining server does.
    std::vector<Instance> m_instances;
    int m_activeInstances = 0;
    int m_workers = 1;
    int m_queueCapacity = 0;
    int m_maxConnections = INT_MAX;
    int m_connections = 0;
    double m_readMs = 0, m_writeMs = 0, m_cv = 1;
    int m_nextInstance = 0;
};

} // namespace scalelab::blocks
