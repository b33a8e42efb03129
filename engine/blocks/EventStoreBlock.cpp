#include "EventStoreBlock.h"

#include "model/NumberText.h"

#include <algorithm>

namespace scalelab::blocks {

namespace {

std::string count(double value)
{
    return model::groupedNumber(static_cast<unsigned long long>(value));
}

} // namespace

EventStoreBlock::EventStoreBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
    m_logEvents = block.param("initial_events");
}

void EventStoreBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_times = {block.param("read_time_ms"), block.param("append_time_ms"), block.param("service_cv"), 0};
    m_readInstances = static_cast<int>(block.param("read_instances"));
    m_projectionWorkers = static_cast<int>(block.param("projection_workers"));
    m_applyTime = sim::fromMs(block.param("apply_time_ms"));
    m_replayRate = block.param("replay_rate_eps");
    m_replayReads = block.choice<model::ReplayReads>("replay_reads");
    m_workers = static_cast<int>(block.param("workers"));
    m_pool.resize(kernel, 1 + m_readInstances, m_workers,
                  static_cast<int>(block.param("queue_capacity")));
    m_clock = kernel.now();
    project(kernel); // more workers start on the backlog at once
}

void EventStoreBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    m_clock = kernel.now();
    int instance = 0; // the log takes the writes
    if (kernel.frames()[frame].type != sim::RequestType::Write) {
        if (replaying() && m_replayReads == model::ReplayReads::Refuse) {
            ++m_refusedReads; // no read model to answer from until the replay ends
            kernel.finish(frame, sim::Outcome::Rejected);
            return;
        }
        instance = 1;
        for (int node = 2; node <= m_readInstances; ++node)
            if (m_pool.load(node) < m_pool.load(instance))
                instance = node;
    }
    if (m_pool.admit(kernel, frame, instance) == InstancePool::Admission::Rejected)
        kernel.finish(frame, sim::Outcome::Rejected);
}

sim::SimTime EventStoreBlock::workTime(const sim::CallFrame& frame)
{
    const sim::SimTime work = m_times.sample(frame, rng());
    (frame.type == sim::RequestType::Write ? m_appendWorkS : m_readWorkS) += sim::toSeconds(work) * slowFactor();
    return work;
}

void EventStoreBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    m_clock = kernel.now();
    const sim::CallFrame& call = kernel.frames()[frame];
    const double spentS = sim::toSeconds(kernel.now() - call.arrived);
    if (call.type == sim::RequestType::Write) {
        m_appendTimeS += spentS;
        append(kernel, call.key);
    } else {
        ++m_reads;
        m_readTimeS += spentS;
        // The read model has not applied an event of this key yet (or is
        // half rebuilt): the answer is the state before it.
        m_staleReads += replaying() || m_unappliedByKey.count(call.key) > 0;
    }
    kernel.finish(frame, sim::Outcome::Ok);
}

void EventStoreBlock::append(sim::Kernel& kernel, uint32_t key)
{
    m_logEvents += 1;
    ++m_appended;
    m_unapplied.push_back({kernel.now(), key});
    ++m_unappliedByKey[key];
    m_peakLag = std::max(m_peakLag, lagEvents());
    project(kernel);
}

void EventStoreBlock::project(sim::Kernel& kernel)
{
    if (replaying())
        return; // the workers resume when the rebuilt model is back
    const sim::SimTime work = sim::roundToTime(static_cast<double>(m_applyTime) * slowFactor());
    while (m_busyWorkers < m_projectionWorkers && static_cast<size_t>(m_busyWorkers) < m_unapplied.size()) {
        ++m_busyWorkers;
        kernel.schedule(kernel.now() + work, sim::EventType::BlockTimer, index(), m_generation << 1 | Applied);
    }
}

void EventStoreBlock::onTimer(sim::Kernel& kernel, uint32_t tag)
{
    m_clock = kernel.now();
    if (tag >> 1 != (m_generation & 0x7fff'ffffU))
        return; // a worker of a projection lost since
    // Workers apply in log order: the one done applied the oldest event.
    const size_t done = (tag & 1) == Applied ? 1 : m_replayCovers;
    if ((tag & 1) == Applied)
        --m_busyWorkers;
    for (size_t i = 0; i < done && !m_unapplied.empty(); ++i) {
        const auto found = m_unappliedByKey.find(m_unapplied.front().key);
        if (found != m_unappliedByKey.end() && --found->second == 0)
            m_unappliedByKey.erase(found);
        m_unapplied.pop_front();
    }
    if ((tag & 1) == Applied) {
        ++m_applied;
    } else {
        m_replayCovers = 0;
        kernel.log(index(), id() + ": read model rebuilt from " + count(m_replayEvents) + " events in " +
                                model::compactNumber(m_lastReplayS) + " s; projection resumes " +
                                count(static_cast<double>(m_unapplied.size())) + " events behind");
    }
    project(kernel);
}

std::string EventStoreBlock::command(sim::Kernel& kernel, const std::string& name)
{
    if (name != "lose_projection")
        return "an event store can lose_projection, not " + name;
    m_clock = kernel.now();
    if (replaying())
        return "the read model is already being rebuilt";
    ++m_generation; // its workers' timers are void: what they applied is gone
    m_busyWorkers = 0;
    m_replayEvents = m_logEvents;
    m_lastReplayS = m_logEvents / m_replayRate;
    m_replayStart = kernel.now();
    m_replayEnd = kernel.now() + sim::fromSeconds(m_lastReplayS);
    m_replayCovers = m_unapplied.size(); // in the log already: the replay restores them
    ++m_replays;
    kernel.schedule(m_replayEnd, sim::EventType::BlockTimer, index(), m_generation << 1 | Replayed);
    kernel.log(index(), id() + ": read model lost; replaying " + count(m_replayEvents) +
                            " events from the log takes " + model::compactNumber(m_lastReplayS) + " s");
    return {};
}

double EventStoreBlock::replayLeftS() const
{
    return replaying() ? sim::toSeconds(m_replayEnd - m_clock) : 0.0;
}

double EventStoreBlock::lagEvents() const
{
    const double appendedSince = static_cast<double>(m_unapplied.size() - m_replayCovers);
    return appendedSince + replayLeftS() * m_replayRate;
}

std::map<std::string, double> EventStoreBlock::extraMetrics() const
{
    double oldest = 0;
    if (!m_unapplied.empty())
        oldest = sim::toSeconds(m_clock - m_unapplied.front().appendedAt);
    if (replaying())
        oldest = std::max(oldest, sim::toSeconds(m_clock - m_replayStart));
    const double elapsedS = sim::toSeconds(m_clock - m_statsSince);
    const auto busy = [&](double workS, int nodes) { return elapsedS > 0 ? workS / (elapsedS * nodes * m_workers) : 0.0; };
    return {{"log_events", m_logEvents},
            {"log_utilization", busy(m_appendWorkS, 1)},
            {"read_model_utilization", busy(m_readWorkS, m_readInstances)},
            {"append_mean_ms", m_appended ? m_appendTimeS * 1000 / double(m_appended) : 0.0},
            {"read_mean_ms", m_reads ? m_readTimeS * 1000 / double(m_reads) : 0.0},
            {"events_appended", double(m_appended)},
            {"events_applied", double(m_applied)},
            {"apply_rate_eps", m_applyTime > 0 ? m_projectionWorkers / sim::toSeconds(m_applyTime) : 0.0},
            {"projection_lag_events", lagEvents()},
            {"peak_projection_lag_events", std::max(m_peakLag, lagEvents())},
            {"projection_lag_s", oldest},
            {"read_model_reads", double(m_reads)},
            {"stale_reads", double(m_staleReads)},
            {"stale_read_ratio", m_reads ? double(m_staleReads) / double(m_reads) : 0.0},
            {"reads_refused", double(m_refusedReads)},
            {"replays", double(m_replays)},
            {"replay_s", m_lastReplayS},
            {"replaying", replaying() ? 1.0 : 0.0},
            {"replay_left_s", replayLeftS()}};
}

void EventStoreBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_clock = std::max(m_clock, now);
    m_statsSince = now;
    m_appended = m_applied = m_reads = m_staleReads = m_refusedReads = m_replays = 0;
    m_appendWorkS = m_readWorkS = m_appendTimeS = m_readTimeS = 0;
    m_peakLag = lagEvents(); // the lag is state: it stays
}

size_t EventStoreBlock::heldBytes() const
{
    return sim::BlockRuntime::heldBytes() + m_unapplied.size() * sizeof(Event) +
           m_unappliedByKey.size() * (sizeof(std::pair<uint32_t, uint32_t>) + kHashNodeBytes);
}

std::string EventStoreBlock::heldText() const
{
    return std::to_string(m_unapplied.size()) + " events not yet projected";
}

} // namespace scalelab::blocks
