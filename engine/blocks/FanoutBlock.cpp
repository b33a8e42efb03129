#include "FanoutBlock.h"

#include "blocks/FanoutModel.h"

#include <algorithm>
#include <cmath>

namespace scalelab::blocks {

FanoutBlock::FanoutBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity)
    : sim::BlockRuntime(block, index, runSeed, windowCapacity)
    , m_pool(*this)
{
}

void FanoutBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_mode = block.choice<Mode>("mode");
    m_timeout = sim::fromMs(block.param("timeout_ms"));
    m_postMs = block.param("post_time_ms");
    m_readMs = block.param("read_time_ms");
    m_mergeMs = block.param("merge_time_ms");
    m_cv = block.param("service_cv");
    m_followersMean = block.param("followers_mean");
    m_celebrityShare = block.param("celebrity_share");
    m_celebrityFollowers = static_cast<uint64_t>(block.param("celebrity_followers"));
    m_threshold = static_cast<uint64_t>(block.param("hybrid_threshold"));
    m_mergedPerRead = fanoutLoad(block).mergedPerRead;
    m_writers = static_cast<int>(block.param("fanout_workers"));
    m_writeTime = sim::fromMs(block.param("write_time_ms"));
    m_batchSize = static_cast<uint64_t>(block.param("batch_size"));
    // An autoscaler may have changed the instance count: only an edit of
    // the parameter itself overrides it.
    const int configured = static_cast<int>(block.param("instances"));
    const int instances = configured != m_configuredInstances ? configured : m_pool.active();
    m_configuredInstances = configured;
    m_pool.resize(kernel, instances, static_cast<int>(block.param("workers")),
                  static_cast<int>(block.param("queue_capacity")));
    dispatch(kernel); // more writers start on the backlog at once
}

bool FanoutBlock::scaleTo(sim::Kernel& kernel, int instances)
{
    m_pool.resize(kernel, instances, m_pool.workers(), m_pool.queueCapacity());
    return true;
}

void FanoutBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    int instance = kernel.frames()[frame].instance;
    if (instance < 0 || instance >= m_pool.active()) // no balancer in front: callers take the instances in turn
        instance = m_nextInstance++ % m_pool.active();
    if (m_pool.isDown(instance)) {
        kernel.finish(frame, sim::Outcome::Failed);
        return;
    }
    if (m_pool.admit(kernel, frame, instance) == InstancePool::Admission::Rejected)
        kernel.finish(frame, sim::Outcome::Rejected);
}

sim::SimTime FanoutBlock::workTime(const sim::CallFrame& frame)
{
    const double meanMs =
        frame.type == sim::RequestType::Write ? m_postMs : m_readMs + m_mergedPerRead * m_mergeMs;
    return sim::fromMs(rng().withVariation(meanMs, m_cv));
}

void FanoutBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    m_clock = kernel.now();
    if (m_pool.isDown(kernel.frames()[frame].instance)) {
        kernel.finish(frame, sim::Outcome::Failed);
        return;
    }
    if (kernel.frames()[frame].type == sim::RequestType::Write)
        accept(kernel); // the post is stored: its fan-out starts, nobody waits for it
    else
        ++m_reads;
    kernel.continueCalls(frame);
}

uint64_t FanoutBlock::drawFollowers()
{
    if (rng().bernoulli(m_celebrityShare)) {
        ++m_celebrityPosts;
        return m_celebrityFollowers;
    }
    if (m_followersMean <= 0)
        return 0;
    // Geometric on {0, 1, ...} with mean m: P(k) = p (1-p)^k, p = 1 / (m + 1).
    const double p = 1.0 / (m_followersMean + 1.0);
    return static_cast<uint64_t>(std::floor(std::log(rng().uniformPositive()) / std::log1p(-p)));
}

void FanoutBlock::accept(sim::Kernel& kernel)
{
    ++m_posts;
    const uint64_t followers = drawFollowers();
    const bool pushed = m_mode == Mode::Write || (m_mode == Mode::Hybrid && followers <= m_threshold);
    if (!pushed || followers == 0) {
        m_propagation.record(0); // visible to every follower at their next read
        return;
    }
    ++m_pushedPosts;
    m_backlog.push_back(Post{kernel.now(), followers, 0, false});
    m_backlogWrites += followers;
    dispatch(kernel);
}

void FanoutBlock::dispatch(sim::Kernel& kernel)
{
    while (m_busyWriters < m_writers && m_nextToAssign < m_backlog.size()) {
        Post& oldest = m_backlog[m_nextToAssign];
        if (oldest.unassigned == 0) {
            ++m_nextToAssign;
            continue;
        }
        // Full batches for as many idle writers as the post has them, one
        // event for all; else the post's remainder for one writer.
        const auto idle = static_cast<uint64_t>(m_writers - m_busyWriters);
        const uint64_t fullBatches = oldest.unassigned / m_batchSize;
        const uint64_t timelines = fullBatches > 0 ? m_batchSize : oldest.unassigned;
        const uint64_t writers = fullBatches > 0 ? std::min(idle, fullBatches) : 1;
        oldest.unassigned -= timelines * writers;
        ++oldest.batchesInFlight;
        m_busyWriters += static_cast<int>(writers);
        const uint32_t slot = m_batches.add(Batch{m_firstSequence + m_nextToAssign, timelines, writers});
        const sim::SimTime work =
            sim::roundToTime(static_cast<double>(timelines) * static_cast<double>(m_writeTime) * slowFactor());
        kernel.schedule(kernel.now() + work, sim::EventType::BlockTimer, index(), slot);
    }
}

void FanoutBlock::onTimer(sim::Kernel& kernel, uint32_t slot)
{
    m_clock = kernel.now();
    const Batch batch = m_batches.take(slot);
    const uint64_t written = batch.timelines * batch.writers;
    m_busyWriters -= static_cast<int>(batch.writers);
    m_timelineWrites += written;
    m_backlogWrites -= written;
    m_writerBusyNs += static_cast<double>(written) * static_cast<double>(m_writeTime);
    Post& owner = post(batch.post);
    --owner.batchesInFlight;
    if (owner.unassigned == 0 && owner.batchesInFlight == 0) {
        owner.done = true; // its last follower's timeline is written
        m_propagation.record(kernel.now() - owner.postedAt);
    }
    while (!m_backlog.empty() && m_backlog.front().done) {
        m_backlog.pop_front();
        ++m_firstSequence;
        if (m_nextToAssign > 0)
            --m_nextToAssign;
    }
    dispatch(kernel);
}

std::map<std::string, double> FanoutBlock::extraMetrics() const
{
    const double elapsedS = sim::toSeconds(m_clock - m_statsSince);
    const auto perSecond = [&](double count) { return elapsedS > 0 ? count / elapsedS : 0.0; };
    const bool measured = m_propagation.count() > 0;
    const double merged = m_mergedPerRead;
    return {
        {"posts", double(m_posts)},
        {"celebrity_posts", double(m_celebrityPosts)},
        {"pushed_posts", double(m_pushedPosts)},
        {"timeline_writes", double(m_timelineWrites)},
        {"timeline_writes_per_s", perSecond(double(m_timelineWrites))},
        {"backlog_writes", double(m_backlogWrites)},
        {"backlog_posts", double(m_backlog.size())},
        {"oldest_pending_s", m_backlog.empty() ? 0.0 : sim::toSeconds(m_clock - m_backlog.front().postedAt)},
        {"propagation_mean_ms", measured ? m_propagation.mean() / 1e6 : 0.0},
        {"propagation_p95_ms", measured ? double(m_propagation.quantile(0.95)) / 1e6 : 0.0},
        {"propagation_max_ms", measured ? double(m_propagation.max()) / 1e6 : 0.0},
        {"fanout_utilisation", elapsedS > 0 && m_writers > 0 ? m_writerBusyNs / 1e9 / elapsedS / m_writers : 0.0},
        {"merged_per_read", merged},
        {"merge_ms_per_read", merged * m_mergeMs},
        // Cores' worth of work spent merging followees' posts at read time.
        {"merge_cpu_s_per_s", perSecond(double(m_reads)) * merged * m_mergeMs / 1000},
    };
}

void FanoutBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_statsSince = m_clock = now;
    m_propagation.reset();
    m_posts = m_celebrityPosts = m_pushedPosts = m_timelineWrites = m_reads = 0;
    m_writerBusyNs = 0;
}

size_t FanoutBlock::heldBytes() const
{
    return sim::BlockRuntime::heldBytes() + m_backlog.size() * sizeof(Post) + m_batches.bytes();
}

std::string FanoutBlock::heldText() const
{
    return std::to_string(m_backlog.size()) + " posts in the fan-out backlog";
}

} // namespace scalelab::blocks
