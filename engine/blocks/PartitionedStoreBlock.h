#pragma once
// A managed store that hashes keys over partitions, each with its own
// request-rate limits (S3's prefixes, DynamoDB's partitions): object
// storage and the key-value store. It does not queue: requests are served
// in parallel (an infinite-server delay: read or write latency, plus an
// object's transfer time where the kind has one). What limits it is the
// rate: each partition serves at most `partition_read_rps` reads and
// `partition_write_rps` writes in each wall-clock second (DynamoDB meters
// capacity per second); the rest of that second's requests are throttled
// with Outcome::Throttled. With provisioned capacity (a kind with
// capacity_mode) a partition's limit is also the table's capacity / the
// partitions.
//
// What it guarantees: with Poisson arrivals of rate L at a partition of
// limit C, the throttled share is E[(N - C)+] / L for N ~ Poisson(L), per
// second: exactly the expected excess of a Poisson count over the capacity
// (PartitionedStoreTest checks it). A hot key sends its whole load to one
// partition (the ShardMap's hash), which throttles while the others idle.
// Left out: DynamoDB's burst credit (300 s of unused capacity) and adaptive
// capacity, and S3's automatic prefix splitting; both soften throttling of
// a lasting load, neither lifts a single key above a partition's limit.
// Cost: O(partitions) memory, O(1) per request.
#include "ServiceTimes.h"
#include "ShardMap.h"
#include "sim/BlockRuntime.h"

#include <vector>

namespace scalelab::blocks {

class PartitionedStoreBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { kernel.finish(frame, sim::Outcome::Ok); }
    double gauge() const override { return double(m_throttledLastSecond); }
    double costPerHour(double requestsPerSecond) const override;
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override
    {
        return sim::BlockRuntime::heldBytes() + m_meters.size() * sizeof(Meter) + m_map.bytes();
    }
    void resetStats(sim::SimTime now) override;

private:
    // One partition's requests in the current second.
    struct Meter {
        int64_t second = -1;
        double reads = 0, writes = 0;
        uint64_t offered = 0; // requests that arrived since the stats were reset
    };
    bool admit(Meter& meter, bool write, sim::SimTime now) const;
    void countThrottle(sim::Kernel& kernel);

    ShardMap m_map;
    std::vector<Meter> m_meters;
    ServiceTimes m_times;
    double m_readLimit = 1, m_writeLimit = 1, m_transferMs = 0;
    // Prices: storage per hour, per request (on-demand), per hour of capacity (provisioned).
    double m_storagePerHour = 0, m_perMillionReads = 0, m_perMillionWrites = 0, m_capacityPerHour = 0;
    bool m_provisioned = false;
    uint64_t m_reads = 0, m_writes = 0, m_throttled = 0;
    int64_t m_throttleSecond = -1;
    uint64_t m_throttledThisSecond = 0, m_throttledLastSecond = 0;
    bool m_throttling = false; // for one log entry per episode
};

} // namespace scalelab::blocks
