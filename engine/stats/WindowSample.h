#pragma once
// What one statistics window (1 s of simulated time by default) says about a
// block or the whole design: the rows of every live plot.
#include "core/Outcome.h"

#include <array>

namespace scalelab::stats {

struct WindowSample {
    double endSeconds = 0;     // simulated time at the window's end
    double arrivalsPerSecond = 0;
    double throughputPerSecond = 0; // successful completions
    std::array<double, sim::kErrorKindCount> errorsPerSecond{}; // by Outcome, Timeout first
    double meanMs = 0, p50Ms = 0, p95Ms = 0, p99Ms = 0; // latency of what completed in the window
    double utilization = 0;    // busy workers / capacity over the window
    double meanQueue = 0;      // time-averaged waiting requests
    double instances = 0;      // at the window's end
    double costPerHour = 0;    // dollars per hour at the window's size and request rate
    double gauge = 0;          // the block's own state at the window's end (BlockSpec::gauge)
    double poolWaitMs = 0;     // mean wait for a pooled connection of the calls that got one (0: none waited)
    double errorsTotalPerSecond() const
    {
        double total = 0;
        for (double value : errorsPerSecond)
            total += value;
        return total;
    }
};

} // namespace scalelab::stats
