#pragma once
// Twitter's timeline service (seed 05, "Example 1"). Clients' writes are
// posts, reads are timeline reads; both are served by a pool of instances
// (InstancePool) and may make downstream calls (the tweet store).
//
//  - Fan-out on write: an accepted post joins the fan-out backlog, which
//    `fanout_workers` background writers drain oldest first, copying it
//    into each follower's timeline at `write_time_ms` per timeline. A read
//    is one fetch.
//  - Fan-out on read: nothing is copied; a read merges the recent posts of
//    every followee (`followees_mean` x `merge_time_ms` of extra work).
//  - Hybrid: posts by accounts with at most `hybrid_threshold` followers
//    are pushed, bigger accounts' posts are merged at read time
//    (`celebrity_followees` per read).
//
// Batching: a writer takes up to `batch_size` timelines of the oldest post
// at a time and is busy for their total write time. Writers that take equal
// batches of one post at the same moment finish at the same moment (the
// write time per timeline is fixed), so such a group is one event, not one
// per writer: a post of F followers costs about F / (idle writers x
// batch_size) events, so a 2-billion-follower post over a million writers
// is thousands of events, not two billion (it used to stall the clock).
// The moment a post reaches its last follower is exact (the last batch
// ends then); what batching coarsens is only how posts interleave: writers
// move to the next post a batch, not a timeline, at a time.
//
// Propagation delay = post accepted to its last follower's timeline
// written. A post that is not pushed (read mode, hybrid above the
// threshold) is visible at the next read: its delay counts as 0.
#include "model/Choices.h"
#include "sim/BlockRuntime.h"
#include "InstancePool.h"
#include "SlotTable.h"
#include "stats/LatencyHistogram.h"

#include <deque>

namespace scalelab::blocks {

class FanoutBlock final : public sim::BlockRuntime {
public:
    FanoutBlock(const model::Block& block, uint32_t index, uint64_t runSeed, size_t windowCapacity);

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void release(sim::Kernel& kernel, uint32_t frame) override { m_pool.release(kernel, frame); }
    sim::SimTime workTime(const sim::CallFrame& frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onTimer(sim::Kernel& kernel, uint32_t slot) override;

    int instanceCount() const override { return m_pool.active(); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_pool.load(instance); }
    double gauge() const override { return static_cast<double>(m_backlogWrites); }
    int crash(sim::Kernel& kernel, int count) override { return m_pool.crash(kernel, count); }
    void restore(sim::Kernel&) override { m_pool.restore(); }
    bool instanceUp(int instance) const override { return !m_pool.isDown(instance); }
    bool scaleTo(sim::Kernel& kernel, int instances) override;
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override;
    std::string heldText() const override;
    void resetStats(sim::SimTime now) override;

    using Mode = model::FanoutMode;

private:
    // A post whose fan-out has not finished, in the backlog in post order.
    struct Post {
        sim::SimTime postedAt = 0;
        uint64_t unassigned = 0; // timelines no writer has taken yet
        uint32_t batchesInFlight = 0; // groups of batches (Batch)
        bool done = false;
    };
    // Equal batches of one post that `writers` writers started together.
    struct Batch {
        uint64_t post = 0;      // sequence number of its post
        uint64_t timelines = 0; // per writer
        uint64_t writers = 1;
    };

    // The post's follower count, drawn as it is accepted.
    uint64_t drawFollowers();
    void accept(sim::Kernel& kernel);
    // Gives idle writers batches of the oldest unassigned posts.
    void dispatch(sim::Kernel& kernel);
    Post& post(uint64_t sequence) { return m_backlog[sequence - m_firstSequence]; }

    InstancePool m_pool;
    int m_configuredInstances = -1;
    int m_nextInstance = 0;
    Mode m_mode = Mode::Hybrid;
    double m_postMs = 0, m_readMs = 0, m_mergeMs = 0, m_cv = 1;
    double m_followersMean = 0, m_celebrityShare = 0;
    double m_mergedPerRead = 0; // followees' timelines merged by one read in this mode
    uint64_t m_celebrityFollowers = 0, m_threshold = 0, m_batchSize = 1;
    int m_writers = 1;
    sim::SimTime m_writeTime = 0;

    std::deque<Post> m_backlog;
    uint64_t m_firstSequence = 0; // sequence number of m_backlog.front()
    size_t m_nextToAssign = 0;    // index in m_backlog of the oldest post with unassigned timelines
    SlotTable<Batch> m_batches;   // in flight, by timer tag
    int m_busyWriters = 0;
    uint64_t m_backlogWrites = 0; // timelines still to write, in flight included
    sim::SimTime m_clock = 0;

    // Measurements since the last reset.
    sim::SimTime m_statsSince = 0;
    stats::LatencyHistogram m_propagation;
    uint64_t m_posts = 0, m_celebrityPosts = 0, m_pushedPosts = 0, m_timelineWrites = 0, m_reads = 0;
    double m_writerBusyNs = 0; // writer-time spent on batches finished since the reset
};

} // namespace scalelab::blocks
