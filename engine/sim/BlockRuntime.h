#pragma once
// Behaviour of one block during a run. The kernel calls these hooks; a
// block answers by asking the kernel to schedule work, call a downstream
// link or finish a frame. One subclass per block kind, built by
// makeBlockRuntime() from the registry kind.
#include "model/Architecture.h"
#include "sim/ConnectionPool.h"
#include "sim/Kernel.h"
#include "sim/Rng.h"
#include "stats/BlockMetrics.h"
#include "stats/PoolWaitStats.h"

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace scalelab::sim {

// A compiled outgoing link, read on every call. With a connection pool
// (poolSize > 0) each caller instance has at most poolSize calls in flight
// on it; the others wait, in order, and the wait is part of the caller's
// latency (see ConnectionPool).
struct RuntimeLink {
    uint32_t id = 0; // unique in the run (Kernel::newLinkId): events name a link by it, as positions move
    uint32_t target = 0;
    sim::SimTime latency = 0;
    double probability = 1;
    double weight = 1;
    int poolSize = 0;
    sim::SimTime poolTimeout = 0; // longest wait for a connection; 0 = waits for ever
    bool backup = false; // a load balancer's backup target
    bool cut = false; // an injected partition: calls on it vanish
    std::vector<ConnectionPool> pools; // by caller instance, grown as instances call

    ConnectionPool& pool(uint32_t slot)
    {
        if (slot >= pools.size())
            pools.resize(slot + 1);
        return pools[slot];
    }
};

class BlockRuntime {
public:
    BlockRuntime(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);
    virtual ~BlockRuntime() = default;

    // Reads parameter values; called at construction and for every live edit.
    virtual void configure(sim::Kernel& kernel, const model::Block& block) = 0;
    // Called once when the run starts, or when the block is added to a
    // running design (clients schedule their first arrival).
    virtual void start(sim::Kernel&) {}
    // Links were added to or removed from this block while running (after
    // configure): rebuild what is kept per link.
    virtual void linksChanged(sim::Kernel&) {}

    // A call has reached this block.
    virtual void onArrive(sim::Kernel& kernel, uint32_t frame) = 0;
    // Work scheduled by this block for `frame` is done.
    virtual void onWorkDone(sim::Kernel& kernel, uint32_t frame) { kernel.continueCalls(frame); }
    // A downstream call made for `frame` came back.
    virtual void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome);
    // The frame's deadline passed (it has already left the deadline list).
    virtual void onTimeout(sim::Kernel& kernel, uint32_t frame) { kernel.finish(frame, sim::Outcome::Timeout); }
    // How long a worker spends on `frame` (blocks with an InstancePool).
    virtual sim::SimTime workTime(const sim::CallFrame&) { return 0; }
    // The frame is finishing: give back whatever it holds (worker, queue slot).
    virtual void release(sim::Kernel&, uint32_t) {}
    // A timer this block scheduled (EventType::BlockTimer) fired.
    virtual void onTimer(sim::Kernel&, uint32_t /*tag*/) {}
    // A background call this block made (Kernel::callDetached) ended; `rows`
    // is what it carried (a batch's rows).
    virtual void onDetachedReply(sim::Kernel&, uint32_t /*key*/, sim::RequestType, uint16_t /*rows*/, sim::Outcome) {}
    // A job this block started (Kernel::startJob) ended.
    virtual void onJobDone(sim::Kernel&, uint32_t /*tag*/, sim::Outcome) {}
    // The block's own gauge, sampled into each statistics window (breaker
    // state, queue depth...); what it means is the BlockSpec's gauge.
    virtual double gauge() const { return 0; }
    // An operator action on this block ("flush" for caches...); returns "" or
    // why the block cannot do it.
    virtual std::string command(sim::Kernel&, const std::string& name) { return "a " + kind() + " cannot " + name; }
    // Client hooks.
    virtual void onArrivalEvent(sim::Kernel&, uint32_t) {}
    virtual void onAttemptDone(sim::Kernel&, uint32_t, sim::Outcome) {}
    virtual void onRetry(sim::Kernel&, uint32_t, uint32_t) {}

    // Memory the block holds that grows with load (queued messages, per-key
    // state, a backlog), beyond the frames of its calls, which the kernel
    // counts: what the memory budget adds up (MemoryBudget.h). Roughly: a
    // budget needs the order of magnitude, not the last byte.
    virtual size_t heldBytes() const;
    // An unordered_map or unordered_set entry beyond its value: the node's
    // next pointer and hash, its bucket pointer, and malloc's rounding.
    static constexpr size_t kHashNodeBytes = 32;
    // What that memory holds, for the budget's message ("1,234 messages
    // waiting"); empty when the block holds little.
    virtual std::string heldText() const { return {}; }

    virtual int instanceCount() const { return 1; }
    // True for blocks with a pool of workers, whose utilisation means something.
    virtual bool hasWorkers() const { return false; }
    // Clients measure requests end to end; the run's totals add them up.
    virtual bool isClient() const { return false; }
    // A client whose requests are attack traffic (a DDoS flood), which a
    // WAF recognises by the request's origin.
    virtual bool sendsAttacks() const { return false; }
    // Requests in flight at one instance (queued or served): what
    // least-connections and power-of-two balancing compare.
    virtual int load(int instance) const;
    // Kind-specific figures for snapshots (hit_ratio, ...).
    virtual std::map<std::string, double> extraMetrics() const { return {}; }
    // Injected faults. crash() takes `count` instances down (returns how many
    // it took, or -1 if the block cannot crash); restore() brings them back.
    virtual int crash(sim::Kernel&, int /*count*/) { return -1; }
    virtual void restore(sim::Kernel&) {}
    // An autoscaler's decision: serve with this many instances (consumers
    // for a queue). Returns false if the block cannot scale.
    virtual bool scaleTo(sim::Kernel&, int /*instances*/) { return false; }
    // Whether an instance answers a health check (-1: the block as a whole).
    virtual bool instanceUp(int /*instance*/) const { return true; }
    double errorRate() const { return m_errorRate; }
    void setErrorRate(double probability) { m_errorRate = probability; }
    double slowFactor() const { return m_slowFactor; }
    void setSlowFactor(double factor) { m_slowFactor = factor; }

    // Prices from the block's cost parameters (0 when it has none).
    void setPrices(double perInstanceHour, double perMillionRequests)
    {
        m_pricePerHour = perInstanceHour;
        m_pricePerMillion = perMillionRequests;
    }
    // What the block costs per hour at this size and request rate.
    virtual double costPerHour(double requestsPerSecond) const
    {
        return instanceCount() * m_pricePerHour + requestsPerSecond * 3600 * m_pricePerMillion / 1e6;
    }

    // Forget measurements at the end of warm-up.
    virtual void resetStats(sim::SimTime now)
    {
        m_metrics.reset(now);
        if (m_poolWaits)
            m_poolWaits->reset();
    }

    uint32_t index() const { return m_index; }
    const std::string& id() const { return m_id; }
    const std::string& kind() const { return m_kind; }
    const std::string& region() const { return m_region; }
    sim::SimTime timeout() const { return m_timeout; }

    std::vector<RuntimeLink>& links() { return m_links; }
    const RuntimeLink& link(uint16_t index) const { return m_links[index]; }
    RuntimeLink& link(uint16_t index) { return m_links[index]; }
    size_t linkCount() const { return m_links.size(); }

    sim::Rng& rng() { return m_rng; }
    stats::BlockMetrics& metrics() { return m_metrics; }
    const stats::BlockMetrics& metrics() const { return m_metrics; }
    // Waits for connections of this block's pooled links; made on the first
    // pooled call, null for a block that never used one.
    stats::PoolWaitStats& poolWaits()
    {
        if (!m_poolWaits)
            m_poolWaits = std::make_unique<stats::PoolWaitStats>();
        return *m_poolWaits;
    }
    const stats::PoolWaitStats* poolWaitStats() const { return m_poolWaits.get(); }
    sim::DeadlineList& deadlines() { return m_deadlines; }
    sim::SimTime& deadlineCheckAt() { return m_deadlineCheckAt; }
    int& inFlight() { return m_inFlight; }
    int inFlight() const { return m_inFlight; }

protected:
    sim::SimTime m_timeout = 0; // 0: calls here never time out on this block's account

private:
    uint32_t m_index;
    std::string m_id;
    std::string m_kind;
    std::string m_region;
    std::vector<RuntimeLink> m_links;
    sim::Rng m_rng;
    stats::BlockMetrics m_metrics;
    std::unique_ptr<stats::PoolWaitStats> m_poolWaits;
    sim::DeadlineList m_deadlines;
    sim::SimTime m_deadlineCheckAt = sim::kNever;
    int m_inFlight = 0;
    double m_errorRate = 0;
    double m_slowFactor = 1;
    double m_pricePerHour = 0, m_pricePerMillion = 0;
};

} // namespace scalelab::sim
