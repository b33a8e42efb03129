#pragma once
// Everything measured about one block during a run: counters, latency
// histograms (whole run and current window), time integrals for utilisation
// and queue length, and a bounded ring of closed windows. Memory is fixed at
// construction: a run of an hour costs what a run of a minute does.
#include "LatencyHistogram.h"
#include "LatencySummary.h"
#include "RingBuffer.h"
#include "TimeIntegral.h"
#include "WindowSample.h"
#include "core/Outcome.h"
#include "core/SimTime.h"

#include <array>
#include <cstdint>
#include <functional>

namespace scalelab::stats {

struct ErrorCounts {
    std::array<uint64_t, sim::kErrorKindCount> byKind{}; // index = Outcome - 1
    uint64_t& operator[](sim::Outcome outcome) { return byKind[static_cast<size_t>(outcome) - 1]; }
    uint64_t operator[](sim::Outcome outcome) const { return byKind[static_cast<size_t>(outcome) - 1]; }
    ErrorCounts& operator+=(const ErrorCounts& other)
    {
        for (size_t kind = 0; kind < byKind.size(); ++kind)
            byKind[kind] += other.byKind[kind];
        return *this;
    }
    uint64_t total() const
    {
        uint64_t sum = 0;
        for (auto count : byKind)
            sum += count;
        return sum;
    }
};

class BlockMetrics {
public:
    explicit BlockMetrics(size_t windowCapacity);

    // Counted in the open window only, folded into the run's totals when it
    // closes: one increment per call on the engine's hot path, not two.
    // Completions are the latency histograms' counts.
    void arrived() { ++m_windowArrivals; }
    void finished(sim::SimTime latency, sim::Outcome outcome)
    {
        if (outcome == sim::Outcome::Ok) {
            m_windowLatency.record(latency); // its count is the window's completions
        } else {
            ++m_errors[outcome];
            ++m_windowErrors[outcome];
        }
    }
    // The same with a whole-number weight: a request standing for `count`
    // (run/ShardSampling.h); only sampled runs call these.
    void arrived(uint64_t count) { m_windowArrivals += count; }
    void finished(sim::SimTime latency, sim::Outcome outcome, uint64_t count)
    {
        if (outcome == sim::Outcome::Ok) {
            m_windowLatency.record(latency, count);
        } else {
            m_errors[outcome] += count;
            m_windowErrors[outcome] += count;
        }
    }
    TimeIntegral& busy() { return m_busy; }         // workers held
    TimeIntegral& queued() { return m_queued; }     // requests waiting
    TimeIntegral& capacity() { return m_capacity; } // workers in total

    // Adds what `other` measured in its open window, as if it had happened
    // here: how the all-clients total is built without recording every
    // request twice. Call it before `other` closes its window.
    void absorbWindow(const BlockMetrics& other);
    // Closes the window ending at `now` and appends it to the series.
    // `costPerHour(arrivals per second)` prices the window (see BlockRuntime::costPerHour).
    // `poolWaitMs` is the window's mean wait for a pooled connection (PoolWaitStats).
    void closeWindow(sim::SimTime now, double instances, double gauge = 0,
                     const std::function<double(double)>& costPerHour = {}, double poolWaitMs = 0);
    // Forgets everything measured so far (end of warm-up); state levels stay.
    void reset(sim::SimTime now);
    // A block added to a running design: nothing measured, its first window opens now.
    void startAt(sim::SimTime now)
    {
        reset(now);
        m_windowStart = now;
    }

    uint64_t arrivals() const { return m_closedArrivals + m_windowArrivals; }
    uint64_t completed() const { return m_latency.count() + m_windowLatency.count(); }
    const ErrorCounts& errors() const { return m_errors; }
    // Latency of everything completed since the last reset, current window included.
    LatencyHistogram latency() const;
    double utilization(sim::SimTime now) const;
    double meanQueue(sim::SimTime now) const;
    const RingBuffer<WindowSample>& series() const { return m_series; }

private:
    uint64_t m_closedArrivals = 0; // in windows closed since the last reset
    ErrorCounts m_errors;
    LatencyHistogram m_latency, m_windowLatency;
    TimeIntegral m_busy, m_queued, m_capacity;
    sim::SimTime m_since = 0;
    double m_busyAtReset = 0, m_queuedAtReset = 0, m_capacityAtReset = 0;

    uint64_t m_windowArrivals = 0;
    ErrorCounts m_windowErrors;
    sim::SimTime m_windowStart = 0;
    double m_busyAtWindow = 0, m_queuedAtWindow = 0, m_capacityAtWindow = 0;
    RingBuffer<WindowSample> m_series;
};

} // namespace scalelab::stats
