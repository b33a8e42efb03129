#pragma once
// Area under a piecewise-constant level over simulated time (busy workers,
// queue length, capacity). Averages over any interval come from two areas,
// so utilisation stays exact whatever happens between windows.
#include "core/SimTime.h"

namespace scalelab::stats {

class TimeIntegral {
public:
    void set(sim::SimTime now, double level)
    {
        advance(now);
        m_level = level;
    }
    void add(sim::SimTime now, double delta) { set(now, m_level + delta); }
    double level() const { return m_level; }
    // Area (level x seconds) from the start of the run until `now`.
    double areaUntil(sim::SimTime now) const
    {
        return (m_areaNs + m_level * static_cast<double>(now - m_last)) / static_cast<double>(sim::kSecond);
    }

private:
    // Kept in level x nanoseconds: updates happen on every request, reads
    // once a window, so the division waits for the read.
    void advance(sim::SimTime now)
    {
        m_areaNs += m_level * static_cast<double>(now - m_last);
        m_last = now;
    }

    double m_level = 0;
    double m_areaNs = 0;
    sim::SimTime m_last = 0;
};

} // namespace scalelab::stats
