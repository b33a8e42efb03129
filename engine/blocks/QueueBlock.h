#pragma once
// A message queue with its consumers. A producer's call is acknowledged at
// once (the seeds' "return success immediately"); the message waits until
// one of `consumers` workers takes it, works on it and makes the block's
// downstream calls (a job, see Kernel::startJob). A failed attempt (the
// failure probability, a downstream error, or the visibility timeout)
// returns the message after the retry delay; after `max_receives` failed
// attempts it moves to the dead-letter queue.
//
// Utilisation and queue length are the consumers' and the waiting
// messages', so the usual plots read as "workers busy" and "backlog".
#include "sim/BlockRuntime.h"
#include "SlotTable.h"
#include "stats/LatencyHistogram.h"

#include <deque>
#include <vector>

namespace scalelab::blocks {

class QueueBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onJobDone(sim::Kernel& kernel, uint32_t tag, sim::Outcome outcome) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;

    int instanceCount() const override { return m_consumers; }
    bool hasWorkers() const override { return true; }
    int load(int) const override { return static_cast<int>(m_waiting.size()) + m_busy; }
    double gauge() const override { return static_cast<double>(m_waiting.size()); }
    bool scaleTo(sim::Kernel& kernel, int consumers) override;
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override;
    std::string heldText() const override;
    void resetStats(sim::SimTime now) override;

private:
    struct Message {
        uint32_t key = 0;
        sim::RequestType type = sim::RequestType::Read;
        uint32_t attempts = 0;
        sim::SimTime enqueuedAt = 0;
    };

    void setConsumers(sim::Kernel& kernel, int consumers);
    // Gives waiting messages to idle consumers.
    void dispatch(sim::Kernel& kernel);
    void enqueue(sim::Kernel& kernel, const Message& message);

    int m_capacity = 0, m_consumers = 0, m_configuredConsumers = -1, m_maxReceives = 3;
    double m_processingMs = 0, m_cv = 1, m_failureProbability = 0;
    sim::SimTime m_retryDelay = 0, m_visibilityTimeout = 0;

    std::deque<Message> m_waiting;
    SlotTable<Message> m_inFlight; // by job tag
    SlotTable<Message> m_delayed;  // failed, invisible until their retry timer (tag = slot)
    int m_busy = 0;
    bool m_full = false; // refusing messages since the queue filled up
    sim::SimTime m_clock = 0; // the block's latest event: snapshots age the oldest message with it

    stats::LatencyHistogram m_messageTime; // enqueue to processed, successful messages
    uint64_t m_processed = 0, m_failedAttempts = 0, m_deadLettered = 0, m_dlqDepth = 0;
};

} // namespace scalelab::blocks
