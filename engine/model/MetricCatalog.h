#pragma once
// The figures of a run that goals and lesson checks can name: the run's own
// ("p95_ms", "error_rate", "cost_per_month"...) and each block's, written
// "<block id>.<figure>" ("db.utilization", "cache.hit_ratio"). The one list
// the file reader, the grader, the lessons and their labels read.
#include "Architecture.h"

#include <string>
#include <vector>

namespace scalelab::model {

struct MetricSpec {
    std::string name;  // "p95_ms"
    std::string label; // "p95 latency"
    std::string unit;  // "ms", "rps", "$", "" for ratios and counts
    bool ratio = false; // shown as a percentage
};

// Figures of the whole run, measured at the clients.
const std::vector<MetricSpec>& runMetrics();
// Figures every block has; besides these a block metric may name one of its
// kind's extra figures (hit_ratio, replica_lag_ms...), which only the run knows.
const std::vector<MetricSpec>& blockMetrics();

// The spec of `metric`'s figure (run or block), or nullptr for a block's
// extra figure (its unit is the run's to know).
const MetricSpec* metricSpec(const std::string& metric);
// "" when `metric` names a figure of `design`, else why not (unknown figure,
// no block with that id), with a did-you-mean.
std::string metricRefusal(const std::string& metric, const Architecture& design);
// "p95 latency", "Database: utilisation" (the block's name), "Cache: hit_ratio".
std::string metricLabel(const std::string& metric, const Architecture& design);
// "p95 latency <= 200 ms", or the check's own label when it has one.
std::string checkLabel(const Check& check, const Architecture& design);
// A value as the check's metric is read: "183 ms", "0.42%", "$1,820".
std::string formatMetric(const std::string& metric, double value);
// An estimate and its half-width in the metric's unit: "183 ms ± 4.2 ms";
// "n/a" without a finite mean, "∞" for an unknown half-width.
std::string formatEstimate(const std::string& metric, double mean, double halfWidth);
// A signed difference the same way: "+19.1 ms ± 0.3 ms", "-$141 ± $1.3".
std::string formatDifference(const std::string& metric, double mean, double halfWidth);

} // namespace scalelab::model
