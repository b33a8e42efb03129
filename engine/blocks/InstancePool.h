#pragma once
// Instances of one block, each with `workers` concurrent slots and a
// bounded FIFO wait queue: the capacity model shared by services and
// databases (plain or replicated). It admits, queues, starts and releases
// frames and keeps the owner's busy/queue/capacity integrals up to date;
// the owner decides which instance and how long the work takes.
#include "sim/Kernel.h"

#include <vector>

namespace scalelab::sim {
class BlockRuntime;
}

namespace scalelab::blocks {

class InstancePool {
public:
    enum class Admission { Started, Queued, Rejected };
    // Work times come from the owner's workTime(), sampled as work starts.
    explicit InstancePool(sim::BlockRuntime& owner);

    // Instances beyond `active` get no new work but finish what they hold,
    // as a draining server does. A larger pool starts waiting work at once.
    void resize(sim::Kernel& kernel, int active, int workers, int queueCapacity);
    Admission admit(sim::Kernel& kernel, uint32_t frame, int instance);
    // Gives back the frame's queue place or worker; starts the next waiter.
    void release(sim::Kernel& kernel, uint32_t frame);

    int active() const { return m_active; }
    int workers() const { return m_workers; }
    int queueCapacity() const { return m_queueCapacity; }
    // Injected crashes: the last `count` live instances go down; returns how
    // many did. A down instance fails what it holds and what reaches it.
    int crash(sim::Kernel& kernel, int count);
    void restore();
    bool isDown(int instance) const;
    // The instance a call goes to: `requested` when a balancer in front
    // chose one (down or not: it learns by health checks); otherwise the
    // live instances in turn from `next`, which moves on. -1 when every
    // instance is down.
    int choose(int requested, int& next) const;
    // A call that reached the owner, when nothing else decides for it: to
    // the instance choose() picks; a dead one refuses it (failed), a full
    // queue rejects it (503).
    void receive(sim::Kernel& kernel, uint32_t frame, int& next);
    int downCount() const { return m_down; }

    // Queued plus in service at one instance.
    int load(int instance) const;
    int inSystem() const { return m_inSystem; }
    // A sampled run (run/ShardSampling.h): each instance's busy workers and
    // queue count `weights[i]` times in the owner's integrals, so the
    // block's utilisation and queue estimate the whole (unsimulated
    // instances weigh 0). Empty: every instance counts once.
    void setWeights(std::vector<double> weights) { m_weights = std::move(weights); }

private:
    struct Instance {
        int busy = 0;
        bool down = false;
        sim::WaitQueue waiting;
    };
    void start(sim::Kernel& kernel, uint32_t frame);
    double weight(int instance) const
    {
        return m_weights.empty() || instance >= static_cast<int>(m_weights.size())
                   ? 1.0
                   : m_weights[static_cast<size_t>(instance)];
    }

    sim::BlockRuntime& m_owner;
    std::vector<Instance> m_instances;
    std::vector<double> m_weights;
    int m_active = 0, m_workers = 1, m_queueCapacity = 0, m_inSystem = 0, m_down = 0;
};

} // namespace scalelab::blocks
