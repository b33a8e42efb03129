#pragma once
// Reads a MetricCatalog figure ("p95_ms", "db.utilization",
// "cache.hit_ratio") from a run's Snapshot.
#include "stats/Snapshot.h"

#include <optional>
#include <string>

namespace scalelab::analysis {

// nullopt when the snapshot does not have the figure (no such block, or an
// extra figure that block's kind does not report). Rates are per measured
// second; error rates are failed requests / requests (0 when there were none).
std::optional<double> metricValue(const stats::Snapshot& snapshot, const std::string& metric);

} // namespace scalelab::analysis
