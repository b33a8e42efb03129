#include "PartitionedStoreBlock.h"

#include "core/FigureNames.h"
#include "StoreLimits.h"
#include "stats/Snapshot.h"

#include <algorithm>

namespace scalelab::blocks {

void PartitionedStoreBlock::configure(sim::Kernel&, const model::Block& block)
{
    const StoreLimits limits = StoreLimits::of(block);
    m_map.configure(ShardMap::Strategy::HashModulo, limits.partitions, 1, 1);
    m_meters.resize(static_cast<size_t>(limits.partitions));
    m_times = ServiceTimes::of(block);
    m_readLimit = limits.readsPerPartition;
    m_writeLimit = limits.writesPerPartition;
    m_transferMs = limits.transferMs;
    m_provisioned = limits.provisioned;
    m_capacityPerHour = m_provisioned ? block.param("read_capacity_rps") * block.param("cost_per_rcu_hour") +
                                            block.param("write_capacity_rps") * block.param("cost_per_wcu_hour")
                                      : 0.0;
    m_storagePerHour = block.param("stored_gb") * block.param("cost_per_gb_month") / stats::kHoursPerMonth;
    m_perMillionReads = m_provisioned ? 0 : block.param("cost_per_million");
    m_perMillionWrites = m_provisioned ? 0 : block.param("cost_per_million_writes");
}

bool PartitionedStoreBlock::admit(Meter& meter, bool write, sim::SimTime now) const
{
    const int64_t second = now / sim::kSecond;
    if (second != meter.second) {
        meter.second = second;
        meter.reads = meter.writes = 0;
    }
    double& used = write ? meter.writes : meter.reads;
    if (used + 1 > (write ? m_writeLimit : m_readLimit))
        return false;
    used += 1;
    return true;
}

void PartitionedStoreBlock::countThrottle(sim::Kernel& kernel)
{
    ++m_throttled;
    ++m_throttledThisSecond;
    if (!m_throttling) { // one log entry per episode
        m_throttling = true;
        kernel.log(index(), id() + ": a partition is over its request rate, throttling");
    }
}

void PartitionedStoreBlock::onArrive(sim::Kernel& kernel, uint32_t index)
{
    const sim::SimTime now = kernel.now();
    const int64_t second = now / sim::kSecond;
    if (second != m_throttleSecond) { // a new second: the gauge shows the one just ended
        m_throttledLastSecond = second == m_throttleSecond + 1 ? m_throttledThisSecond : 0;
        if (m_throttling && m_throttledLastSecond == 0 && m_throttleSecond >= 0) {
            m_throttling = false;
            kernel.log(this->index(), id() + ": under every partition's limit again");
        }
        m_throttledThisSecond = 0;
        m_throttleSecond = second;
    }
    const sim::CallFrame& frame = kernel.frames()[index];
    const bool write = frame.type == sim::RequestType::Write;
    ++(write ? m_writes : m_reads);
    Meter& meter = m_meters[static_cast<size_t>(m_map.shardOf(frame.key, frame.origin))];
    ++meter.offered;
    if (!admit(meter, write, now)) {
        countThrottle(kernel);
        kernel.finish(index, sim::Outcome::Throttled);
        return;
    }
    kernel.frames()[index].state = sim::FrameState::Working;
    const double ms = (sim::toMs(m_times.sample(frame, rng())) + m_transferMs) * slowFactor();
    kernel.schedule(now + sim::fromMs(ms), sim::EventType::WorkDone, this->index(), index,
                    kernel.frames().generation(index));
}

double PartitionedStoreBlock::costPerHour(double requestsPerSecond) const
{
    const uint64_t arrived = m_reads + m_writes;
    const double writeShare = arrived ? double(m_writes) / double(arrived) : 0.0;
    const double perMillion = (1 - writeShare) * m_perMillionReads + writeShare * m_perMillionWrites;
    return m_storagePerHour + m_capacityPerHour + requestsPerSecond * 3600 * perMillion / 1e6;
}

std::map<std::string, double> PartitionedStoreBlock::extraMetrics() const
{
    uint64_t offered = 0, hottest = 0;
    for (const Meter& meter : m_meters) {
        offered += meter.offered;
        hottest = std::max(hottest, meter.offered);
    }
    const uint64_t arrived = m_reads + m_writes;
    return {{figures::kThrottled, double(m_throttled)},
            {figures::kThrottledRatio, arrived ? double(m_throttled) / double(arrived) : 0.0},
            // Of the requests that arrived; 1/partitions when the keys spread evenly.
            {figures::kHottestPartitionShare, offered ? double(hottest) / double(offered) : 0.0},
            {"partition_read_limit", m_readLimit},
            {"partition_write_limit", m_writeLimit}};
}

void PartitionedStoreBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_reads = m_writes = m_throttled = 0;
    for (Meter& meter : m_meters)
        meter.offered = 0;
}

} // namespace scalelab::blocks
