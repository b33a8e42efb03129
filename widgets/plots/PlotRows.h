#pragma once
// The rows a time-series plot holds, one per statistics window, oldest
// first: at most limit() of them (a day at 1 s by default), the oldest
// dropped beyond that, so memory does not grow with the run.
#include "stats/Snapshot.h"

#include <deque>
#include <functional>
#include <vector>

namespace scalelab::widgets {

// One statistics window of a plot: simulated time, raw values and what the graphs draw.
struct PlotRow {
    double seconds = 0;
    std::vector<double> values; // per series; shorter when a series was added later
    std::vector<double> shown;  // the plot's displayValues(values)
};

class PlotRows {
public:
    // Window ends this close are one time (a snapshot's windows repeat the ones held).
    static constexpr double kSlack = 1e-9;

    const std::deque<PlotRow>& all() const { return m_rows; }
    bool empty() const { return m_rows.empty(); }
    int limit() const { return m_limit; }
    void setLimit(int count); // at least 1; drops the oldest rows beyond it

    // Appends the rows for the `windows` (oldest first) that end after the
    // newest row held, made by `rowAt(index into windows)`; only the newest
    // limit() of them when more are new.
    void appendNewer(const std::vector<stats::WindowSample>& windows, const std::function<PlotRow(size_t)>& rowAt);
    void clear();

    double firstSeconds() const; // +infinity when empty
    double lastSeconds() const;  // -infinity when empty
    // The row nearest `seconds` (the earlier of two as near); nullptr when empty.
    const PlotRow* nearest(double seconds) const;

private:
    void trim();

    std::deque<PlotRow> m_rows;
    int m_limit = 86'400;
};

} // namespace scalelab::widgets
