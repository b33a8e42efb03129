#include "QueueBlock.h"

namespace scalelab::blocks {

void QueueBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_capacity = static_cast<int>(block.param("capacity"));
    m_processingMs = block.param("processing_time_ms");
    m_cv = block.param("service_cv");
    m_failureProbability = block.param("failure_probability");
    m_maxReceives = static_cast<int>(block.param("max_receives"));
    m_retryDelay = sim::fromMs(block.param("retry_delay_ms"));
    m_visibilityTimeout = sim::fromMs(block.param("visibility_timeout_ms"));
    // An autoscaler may have changed the consumer count: only an edit of
    // the parameter itself overrides it.
    const int configured = static_cast<int>(block.param("consumers"));
    if (configured != m_configuredConsumers) {
        m_configuredConsumers = configured;
        setConsumers(kernel, configured);
    }
}

bool QueueBlock::scaleTo(sim::Kernel& kernel, int consumers)
{
    setConsumers(kernel, consumers);
    return true;
}

void QueueBlock::setConsumers(sim::Kernel& kernel, int consumers)
{
    m_consumers = consumers;
    metrics().capacity().set(kernel.now(), consumers);
    dispatch(kernel); // more consumers start on the backlog at once; fewer finish what they hold
}

void QueueBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (static_cast<int>(m_waiting.size()) >= m_capacity) {
        if (!m_full) { // one entry per episode, not one per refused message
            m_full = true;
            kernel.log(index(), id() + ": queue full at " + std::to_string(m_capacity) + " messages, refusing new ones");
        }
        kernel.finish(frame, sim::Outcome::Rejected); // queue full: 503
        return;
    }
    if (m_full && static_cast<int>(m_waiting.size()) < m_capacity * 9 / 10) {
        m_full = false;
        kernel.log(index(), id() + ": queue below 90% of its capacity again");
    }
    const sim::CallFrame& call = kernel.frames()[frame];
    enqueue(kernel, Message{call.key, call.type, 0, kernel.now()});
    kernel.finish(frame, sim::Outcome::Ok); // the producer's acknowledgement
}

void QueueBlock::enqueue(sim::Kernel& kernel, const Message& message)
{
    m_clock = kernel.now();
    m_waiting.push_back(message);
    metrics().queued().add(kernel.now(), 1);
    dispatch(kernel);
}

void QueueBlock::dispatch(sim::Kernel& kernel)
{
    while (m_busy < m_consumers && !m_waiting.empty()) {
        Message message = m_waiting.front();
        m_waiting.pop_front();
        metrics().queued().add(kernel.now(), -1);
        ++message.attempts;
        const uint32_t tag = m_inFlight.add(message);
        ++m_busy;
        metrics().busy().add(kernel.now(), 1);
        const uint32_t job = kernel.startJob(index(), tag, message.key, message.type);
        if (m_visibilityTimeout > 0)
            kernel.armDeadline(job, kernel.now() + m_visibilityTimeout);
        kernel.schedule(kernel.now() + sim::fromMs(rng().withVariation(m_processingMs, m_cv)),
                        sim::EventType::WorkDone, index(), job, kernel.frames().generation(job));
    }
}

void QueueBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    if (m_failureProbability > 0 && rng().bernoulli(m_failureProbability))
        kernel.finish(frame, sim::Outcome::Failed);
    else
        kernel.continueCalls(frame); // the downstream calls the message needs
}

void QueueBlock::onJobDone(sim::Kernel& kernel, uint32_t tag, sim::Outcome outcome)
{
    m_clock = kernel.now();
    const Message message = m_inFlight.take(tag);
    --m_busy;
    metrics().busy().add(kernel.now(), -1);
    if (outcome == sim::Outcome::Ok) {
        ++m_processed;
        m_messageTime.record(kernel.now() - message.enqueuedAt);
    } else {
        ++m_failedAttempts;
        if (static_cast<int>(message.attempts) >= m_maxReceives) {
            ++m_deadLettered;
            ++m_dlqDepth;
            if (m_deadLettered == 1 || m_deadLettered % 1000 == 0)
                kernel.log(index(), id() + ": " + std::to_string(m_deadLettered) +
                                        (m_deadLettered == 1 ? " message" : " messages") + " in the dead-letter queue after " +
                                        std::to_string(m_maxReceives) + " failed attempts");
        } else if (m_retryDelay > 0) {
            kernel.schedule(kernel.now() + m_retryDelay, sim::EventType::BlockTimer, index(), m_delayed.add(message));
        } else {
            m_waiting.push_back(message);
            metrics().queued().add(kernel.now(), 1);
        }
    }
    dispatch(kernel);
}

void QueueBlock::onTimer(sim::Kernel& kernel, uint32_t slot)
{
    // A failed message is visible again: back of the line.
    enqueue(kernel, m_delayed.take(slot));
}

std::map<std::string, double> QueueBlock::extraMetrics() const
{
    const double oldestS =
        m_waiting.empty() ? 0.0 : sim::toSeconds(m_clock - m_waiting.front().enqueuedAt);
    return {{"depth", double(m_waiting.size())},
            {"oldest_message_age_s", oldestS},
            {"processed", double(m_processed)},
            {"failed_attempts", double(m_failedAttempts)},
            {"dead_lettered", double(m_deadLettered)},
            {"dlq_depth", double(m_dlqDepth)},
            {"message_time_mean_ms", m_processed ? m_messageTime.mean() / 1e6 : 0.0},
            {"message_time_p95_ms", m_processed ? double(m_messageTime.quantile(0.95)) / 1e6 : 0.0}};
}

void QueueBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_messageTime.reset();
    m_processed = m_failedAttempts = m_deadLettered = 0;
}

size_t QueueBlock::heldBytes() const
{
    return sim::BlockRuntime::heldBytes() + m_waiting.size() * sizeof(Message) + m_inFlight.bytes() +
           m_delayed.bytes();
}

std::string QueueBlock::heldText() const
{
    return std::to_string(m_waiting.size()) + " messages waiting";
}

} // namespace scalelab::blocks
