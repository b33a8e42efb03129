#include "BlockMetrics.h"

namespace scalelab::stats {

BlockMetrics::BlockMetrics(size_t windowCapacity)
    : m_series(windowCapacity)
{
}

void BlockMetrics::closeWindow(sim::SimTime now, double instances, double gauge,
                               const std::function<double(double)>& costPerHour, double poolWaitMs)
{
    const double seconds = sim::toSeconds(now - m_windowStart);
    if (seconds <= 0)
        return;
    WindowSample sample;
    sample.endSeconds = sim::toSeconds(now);
    sample.arrivalsPerSecond = static_cast<double>(m_windowArrivals) / seconds;
    sample.throughputPerSecond = static_cast<double>(m_windowLatency.count()) / seconds;
    for (size_t kind = 0; kind < sample.errorsPerSecond.size(); ++kind)
        sample.errorsPerSecond[kind] = static_cast<double>(m_windowErrors.byKind[kind]) / seconds;
    const LatencySummary latency = LatencySummary::of(m_windowLatency);
    sample.meanMs = latency.meanMs;
    sample.p50Ms = latency.p50Ms;
    sample.p95Ms = latency.p95Ms;
    sample.p99Ms = latency.p99Ms;
    const double busy = m_busy.areaUntil(now), queued = m_queued.areaUntil(now), capacity = m_capacity.areaUntil(now);
    sample.utilization = capacity > m_capacityAtWindow ? (busy - m_busyAtWindow) / (capacity - m_capacityAtWindow) : 0;
    sample.meanQueue = (queued - m_queuedAtWindow) / seconds;
    sample.instances = instances;
    sample.gauge = gauge;
    sample.poolWaitMs = poolWaitMs;
    if (costPerHour)
        sample.costPerHour = costPerHour(sample.arrivalsPerSecond);
    m_series.push(sample);

    m_closedArrivals += m_windowArrivals;
    m_windowArrivals = 0;
    m_windowErrors = {};
    m_latency.merge(m_windowLatency);
    m_windowLatency.reset();
    m_windowStart = now;
    m_busyAtWindow = busy;
    m_queuedAtWindow = queued;
    m_capacityAtWindow = capacity;
}

void BlockMetrics::absorbWindow(const BlockMetrics& other)
{
    m_windowArrivals += other.m_windowArrivals;
    m_errors += other.m_windowErrors;
    m_windowErrors += other.m_windowErrors;
    m_windowLatency.merge(other.m_windowLatency);
}

void BlockMetrics::reset(sim::SimTime now)
{
    m_closedArrivals = 0;
    m_errors = {};
    m_latency.reset();
    // The open window is dropped with the rest: the sample of the window
    // straddling the reset then only holds what came after it.
    m_windowArrivals = 0;
    m_windowErrors = {};
    m_windowLatency.reset();
    m_since = now;
    m_busyAtReset = m_busy.areaUntil(now);
    m_queuedAtReset = m_queued.areaUntil(now);
    m_capacityAtReset = m_capacity.areaUntil(now);
}

LatencyHistogram BlockMetrics::latency() const
{
    LatencyHistogram all = m_latency;
    all.merge(m_windowLatency);
    return all;
}

double BlockMetrics::utilization(sim::SimTime now) const
{
    const double capacity = m_capacity.areaUntil(now) - m_capacityAtReset;
    return capacity > 0 ? (m_busy.areaUntil(now) - m_busyAtReset) / capacity : 0;
}

double BlockMetrics::meanQueue(sim::SimTime now) const
{
    const double seconds = sim::toSeconds(now - m_since);
    return seconds > 0 ? (m_queued.areaUntil(now) - m_queuedAtReset) / seconds : 0;
}

} // namespace scalelab::stats
