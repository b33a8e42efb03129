#include "StreamBlock.h"

#include <algorithm>
#include <map>

namespace scalelab::blocks {

void StreamBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_append = sim::fromMs(block.param("append_ms"));
    m_retention = sim::fromSeconds(block.param("retention_s"));
    m_cv = block.param("service_cv");
    const int partitions = static_cast<int>(block.param("partitions"));
    const std::string& text = block.text("groups");
    if (partitions == m_partitions && text == m_groupsText)
        return;
    std::string error; // the validator refused a malformed text before the run
    rebuild(kernel, model::parseConsumerGroups(text, error), partitions);
    m_groupsText = text;
}

void StreamBlock::rebuild(sim::Kernel& kernel, const std::vector<model::ConsumerGroup>& specs, int partitions)
{
    // Fewer partitions: the messages of the removed ones are gone.
    m_log.resize(static_cast<size_t>(partitions));
    m_partitions = partitions;
    std::map<std::string, Group> old;
    for (Group& group : m_groups)
        old.emplace(group.spec.name, std::move(group));
    m_groups.clear();
    for (const model::ConsumerGroup& spec : specs) {
        Group group;
        if (auto it = old.find(spec.name); it != old.end())
            group = std::move(it->second);
        else // a new group starts at the end of the log (auto.offset.reset = latest)
            for (const Partition& partition : m_log)
                group.offset.push_back(partition.end());
        group.spec = spec;
        group.offset.resize(m_log.size(), 0);
        for (size_t p = 0; p < m_log.size(); ++p)
            group.offset[p] = std::clamp(group.offset[p], m_log[p].start, m_log[p].end());
        const size_t active = static_cast<size_t>(std::min(spec.consumers, partitions));
        std::vector<bool> busy(active, false);
        for (size_t c = 0; c < std::min(active, group.active.size()); ++c)
            busy[c] = group.active[c].busy;
        group.active.assign(active, Consumer{});
        for (size_t c = 0; c < active; ++c)
            group.active[c].busy = busy[c];
        for (uint32_t p = 0; p < m_log.size() && active > 0; ++p)
            group.active[p % active].partitions.push_back(p);
        m_groups.push_back(std::move(group));
    }
    metrics().capacity().set(kernel.now(), activeConsumers());
    double waiting = 0;
    for (const Group& group : m_groups)
        for (size_t p = 0; p < m_log.size(); ++p)
            waiting += static_cast<double>(m_log[p].end() - group.offset[p]);
    metrics().queued().set(kernel.now(), waiting);
    for (uint32_t g = 0; g < m_groups.size(); ++g)
        for (uint32_t c = 0; c < m_groups[g].active.size(); ++c)
            dispatch(kernel, g, c);
}

int StreamBlock::activeConsumers() const
{
    int total = 0;
    for (const Group& group : m_groups)
        total += static_cast<int>(group.active.size());
    return total;
}

void StreamBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    kernel.frames()[frame].state = sim::FrameState::Working;
    kernel.schedule(kernel.now() + m_append, sim::EventType::WorkDone, index(), frame,
                    kernel.frames().generation(frame));
}

void StreamBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    const sim::CallFrame& call = kernel.frames()[frame];
    if (call.viaLink == sim::kJobCall) {
        kernel.continueCalls(frame); // a consumer's job: its downstream calls
        return;
    }
    append(kernel, Entry{call.key, call.type, kernel.now()});
    kernel.finish(frame, sim::Outcome::Ok); // the producer's acknowledgement
}

void StreamBlock::append(sim::Kernel& kernel, const Entry& entry)
{
    m_clock = kernel.now();
    ++m_appended;
    const uint32_t p = entry.key % static_cast<uint32_t>(m_partitions);
    m_log[p].log.push_back(entry);
    metrics().queued().add(kernel.now(), static_cast<double>(m_groups.size()));
    trim(kernel, p);
    for (uint32_t g = 0; g < m_groups.size(); ++g)
        if (!m_groups[g].active.empty())
            dispatch(kernel, g, p % static_cast<uint32_t>(m_groups[g].active.size()));
}

void StreamBlock::trim(sim::Kernel& kernel, uint32_t p)
{
    Partition& partition = m_log[p];
    const sim::SimTime oldest = kernel.now() - m_retention;
    while (!partition.log.empty()) {
        const bool expired = partition.log.front().at < oldest;
        bool everyoneRead = true;
        for (const Group& group : m_groups)
            everyoneRead = everyoneRead && group.offset[p] > partition.start;
        if (!expired && !everyoneRead)
            break;
        for (Group& group : m_groups) {
            if (group.offset[p] > partition.start)
                continue;
            group.offset[p] = partition.start + 1; // it never reads this one
            ++group.expired;
            metrics().queued().add(kernel.now(), -1);
            if (!m_expiring) {
                m_expiring = true;
                kernel.log(index(), id() + ": group " + group.spec.name +
                                        " is further behind than the retention; unread messages expire");
            }
        }
        partition.log.pop_front();
        ++partition.start;
    }
}

void StreamBlock::dispatch(sim::Kernel& kernel, uint32_t g, uint32_t c)
{
    Group& group = m_groups[g];
    Consumer& consumer = group.active[c];
    if (consumer.busy || consumer.partitions.empty())
        return;
    for (size_t tried = 0; tried < consumer.partitions.size(); ++tried) {
        const uint32_t p = consumer.partitions[consumer.next];
        consumer.next = (consumer.next + 1) % consumer.partitions.size();
        Partition& partition = m_log[p];
        if (group.offset[p] >= partition.end())
            continue;
        consumer.current = partition.log[group.offset[p] - partition.start];
        ++group.offset[p];
        consumer.busy = true;
        metrics().queued().add(kernel.now(), -1);
        metrics().busy().add(kernel.now(), 1);
        const uint32_t job = kernel.startJob(index(), g * kTagStride + c, consumer.current.key, consumer.current.type);
        const double ms = rng().withVariation(group.spec.processingMs, m_cv) * slowFactor();
        kernel.schedule(kernel.now() + sim::fromMs(ms), sim::EventType::WorkDone, index(), job,
                        kernel.frames().generation(job));
        trim(kernel, p); // it may have been the last group to read the head
        return;
    }
}

void StreamBlock::onJobDone(sim::Kernel& kernel, uint32_t tag, sim::Outcome outcome)
{
    m_clock = kernel.now();
    metrics().busy().add(kernel.now(), -1);
    const uint32_t g = tag / kTagStride, c = tag % kTagStride;
    if (g >= m_groups.size() || c >= m_groups[g].active.size())
        return; // its group or consumer was edited away meanwhile
    Group& group = m_groups[g];
    Consumer& consumer = group.active[c];
    consumer.busy = false;
    ++group.consumed; // committed either way: a failed message is not read again
    group.failed += outcome != sim::Outcome::Ok;
    group.delaySumS += sim::toSeconds(kernel.now() - consumer.current.at);
    dispatch(kernel, g, c);
}

uint64_t StreamBlock::lag(const Group& group) const
{
    uint64_t lag = 0;
    for (size_t p = 0; p < m_log.size(); ++p)
        lag += m_log[p].end() - group.offset[p];
    for (const Consumer& consumer : group.active)
        lag += consumer.busy;
    return lag;
}

double StreamBlock::gauge() const
{
    uint64_t slowest = 0;
    for (const Group& group : m_groups)
        slowest = std::max(slowest, lag(group));
    return static_cast<double>(slowest);
}

std::map<std::string, double> StreamBlock::extraMetrics() const
{
    std::map<std::string, double> extras{{"appended", double(m_appended)}, {"partitions", double(m_partitions)}};
    uint64_t expired = 0;
    for (const Group& group : m_groups) {
        const std::string& name = group.spec.name;
        double behindS = 0; // age of the oldest message the group has not taken yet
        for (size_t p = 0; p < m_log.size(); ++p)
            if (group.offset[p] < m_log[p].end())
                behindS = std::max(behindS, sim::toSeconds(m_clock - m_log[p].log[group.offset[p] - m_log[p].start].at));
        extras["lag_" + name] = double(lag(group));
        extras["consumed_" + name] = double(group.consumed);
        extras["expired_" + name] = double(group.expired);
        extras["behind_s_" + name] = behindS;
        extras["active_consumers_" + name] = double(group.active.size());
        extras["idle_consumers_" + name] = double(group.spec.consumers - static_cast<int>(group.active.size()));
        extras["delay_mean_s_" + name] = group.consumed ? group.delaySumS / double(group.consumed) : 0.0;
        if (group.failed)
            extras["failed_" + name] = double(group.failed);
        expired += group.expired;
    }
    extras["expired"] = double(expired);
    return extras;
}

void StreamBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_appended = 0;
    for (Group& group : m_groups) {
        group.consumed = group.failed = group.expired = 0;
        group.delaySumS = 0;
    }
}

size_t StreamBlock::heldBytes() const
{
    size_t bytes = sim::BlockRuntime::heldBytes();
    for (const Partition& partition : m_log)
        bytes += partition.log.size() * sizeof(Entry);
    return bytes;
}

std::string StreamBlock::heldText() const
{
    size_t held = 0;
    for (const Partition& partition : m_log)
        held += partition.log.size();
    return std::to_string(held) + " messages not read by every group";
}

} // namespace scalelab::blocks
