#pragma once
// An event stream (Kafka, Kinesis): an append-only log in `partitions`
// partitions, read by consumer groups. A producer's call is acknowledged
// after the append time; the message goes to the partition its key hashes
// to. Every group reads every message, at its own pace, from its own
// offsets. Within a group a partition is read by one consumer at most:
// partition p belongs to active consumer p mod a, where a = min(consumers,
// partitions), so consumers beyond the partition count sit idle and a
// group's throughput is capped at partitions x one consumer's rate. A
// consumer takes one message at a time from its partitions in turn, works
// on it (processing time, then the block's downstream calls, as a queue's
// consumer does) and commits it.
//
// Lag of a group = messages appended but not yet committed by it (in
// progress included): when a group's capacity c is below the arrival rate
// lambda, it grows at lambda - c. Retention: when a message is appended,
// older ones in its partition past the retention time are deleted; a
// group that had not read them loses them (its offset moves on, counted
// as expired). Messages every group has read are dropped from memory at
// once, so memory holds the slowest group's backlog only.
//
// Cost: O(1) per append and per message read, plus O(groups) per append.
#include "model/ConsumerGroups.h"
#include "sim/BlockRuntime.h"

#include <deque>
#include <vector>

namespace scalelab::blocks {

class StreamBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onJobDone(sim::Kernel& kernel, uint32_t tag, sim::Outcome outcome) override;

    int instanceCount() const override { return m_partitions; }
    bool hasWorkers() const override { return true; }
    double gauge() const override;
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override;
    std::string heldText() const override;
    void resetStats(sim::SimTime now) override;

private:
    struct Entry {
        uint32_t key = 0;
        sim::RequestType type = sim::RequestType::Read;
        sim::SimTime at = 0;
    };
    struct Partition {
        std::deque<Entry> log;
        uint64_t start = 0; // offset of log.front()
        uint64_t end() const { return start + log.size(); }
    };
    struct Consumer {
        std::vector<uint32_t> partitions; // assigned
        size_t next = 0;                  // the partition to try first, in turn
        bool busy = false;
        Entry current; // the message it works on
    };
    struct Group {
        model::ConsumerGroup spec;
        std::vector<uint64_t> offset; // next message to take, by partition
        std::vector<Consumer> active; // min(consumers, partitions)
        uint64_t consumed = 0, failed = 0, expired = 0;
        double delaySumS = 0; // append to commit, over `consumed`
    };

    // Rebuilds the groups and their assignments (offsets kept by name).
    void rebuild(sim::Kernel& kernel, const std::vector<model::ConsumerGroup>& groups, int partitions);
    void append(sim::Kernel& kernel, const Entry& entry);
    // Drops the partition's head while it expired or every group read it.
    void trim(sim::Kernel& kernel, uint32_t partition);
    void dispatch(sim::Kernel& kernel, uint32_t group, uint32_t consumer);
    uint64_t lag(const Group& group) const;
    int activeConsumers() const;

    int m_partitions = 0;
    sim::SimTime m_append = 0, m_retention = 0;
    double m_cv = 1;
    std::string m_groupsText;
    std::vector<Partition> m_log;
    std::vector<Group> m_groups;
    // A job's tag: group x kTagStride + consumer (a group has at most
    // `partitions` active consumers, at most 10,000).
    static constexpr uint32_t kTagStride = 10'000;
    sim::SimTime m_clock = 0;      // the latest event: the age of the oldest unread message is taken at it
    uint64_t m_appended = 0;
    bool m_expiring = false; // the first expiry is logged, not every one
};

} // namespace scalelab::blocks
