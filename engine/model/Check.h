#pragma once
// A bound on one figure of a run, e.g. "p95_ms <= 200" or
// "db.utilization < 0.6": what a challenge goal and a lesson step test.
// The metric names come from MetricCatalog; analysis::metricValue reads them
// from a Snapshot.
#include <optional>
#include <string>

namespace scalelab::model {

struct Check {
    std::string metric;        // MetricCatalog name: "p95_ms", "db.utilization"...
    std::optional<double> min; // passes when value >= min
    std::optional<double> max; // passes when value <= max
    std::string label;         // what a person reads; empty = generated from the metric and bounds

    bool passes(double value) const
    {
        return (!min || value >= *min) && (!max || value <= *max);
    }
    bool operator==(const Check&) const = default;
};

} // namespace scalelab::model
