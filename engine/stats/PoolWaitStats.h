#pragma once
// What a block's connection pools did since the last reset: how many calls
// took a connection, how many had to wait for one, how many gave up
// (pool_timeout), and the distribution of the wait of those that got one
// (zero for a connection free at once, so the mean is M/M/c's Wq).
// Summed over the block's pooled links and instances. Allocated only for
// blocks that have a pooled link: the histogram is 36 KiB.
#include "core/FigureNames.h"
#include "LatencyHistogram.h"
#include "core/SimTime.h"

#include <cstdint>
#include <map>
#include <string>

namespace scalelab::stats {

class PoolWaitStats {
public:
    // A call got a connection after waiting `wait` (0: one was free).
    void acquired(sim::SimTime wait)
    {
        m_wait.record(wait);
        m_windowWait += wait;
        ++m_windowCalls;
    }
    // A call found every connection busy and joined the queue (it may get
    // one a moment later, at the same instant, so this is not `wait > 0`).
    void queued() { ++m_queued; }
    void timedOut() { ++m_timeouts; }
    void reset()
    {
        m_wait.reset();
        m_queued = m_timeouts = 0;
    }

    // Mean wait in ms of the calls that got a connection since the last
    // call (one statistics window); starts the next window.
    double takeWindowMeanMs()
    {
        const double mean = m_windowCalls ? double(m_windowWait) / double(m_windowCalls) / 1e6 : 0.0;
        m_windowWait = 0;
        m_windowCalls = 0;
        return mean;
    }

    uint64_t calls() const { return m_wait.count(); }
    uint64_t waited() const { return m_queued; }
    uint64_t timeouts() const { return m_timeouts; }
    const LatencyHistogram& wait() const { return m_wait; }

    // The figures under the names above.
    void addTo(std::map<std::string, double>& extras) const
    {
        extras[figures::kPoolCalls] = double(calls());
        extras[figures::kPoolWaited] = double(waited());
        extras[figures::kPoolTimeouts] = double(timeouts());
        extras[figures::kPoolWaitMeanMs] = m_wait.mean() / 1e6;
        extras[figures::kPoolWaitP95Ms] = double(m_wait.quantile(0.95)) / 1e6;
        extras[figures::kPoolWaitMaxMs] = double(m_wait.max()) / 1e6;
    }

private:
    LatencyHistogram m_wait;
    uint64_t m_queued = 0, m_timeouts = 0;
    sim::SimTime m_windowWait = 0;
    uint64_t m_windowCalls = 0;
};

} // namespace scalelab::stats
