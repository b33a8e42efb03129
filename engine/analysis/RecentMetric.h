#pragma once
// Reads a MetricCatalog figure from the newest windows of a live run's
// series instead of its totals. A live run is never reset, so its totals
// average everything since it started: after an edit, a check on them would
// creep towards the new state over minutes and could pass or fail on the
// past. The windows that started after the edit describe the design as it is
// now.
#include "stats/Snapshot.h"

#include <optional>
#include <string>

namespace scalelab::analysis {

struct RecentValue {
    std::optional<double> value;
    int windows = 0;        // windows the value is made of (0: totals, or nothing yet)
    bool fromTotals = false; // a figure the windows do not carry (a block's extra): the run's totals
};

// The figure over the last `spanS` seconds of closed windows that began at
// or after `sinceS` (a window is `windowS` long). No value while no such
// window has closed. Percentiles are averaged over windows weighted by their
// completions (the series keeps no histograms); rates are summed.
RecentValue recentMetricValue(const stats::Snapshot& snapshot, const std::string& metric, double sinceS,
                              double spanS, double windowS = 1.0);

} // namespace scalelab::analysis
