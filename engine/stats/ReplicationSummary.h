#pragma once
// The figures of independent replications as means with confidence
// intervals: each replication gives one value of a figure (its throughput,
// its p95...), the values are independent and identically distributed, and
// their mean gets a Student-t interval with n - 1 degrees of freedom
// (batchMeansInterval with one batch per replication). Percentiles are
// averaged per replication: the interval is then for the expected p95 of a
// run of this length, which is what a user comparing designs means.
#include "ConfidenceInterval.h"
#include "Snapshot.h"

#include <string>
#include <vector>

namespace scalelab::stats {

struct BlockEstimate {
    std::string id, kind, name;
    bool hasWorkers = false; // utilisation applies
    ConfidenceInterval utilization, arrivalRps, p95Ms;
};

struct ReplicationSummary {
    int replications = 0;
    double confidence = 0.95;
    ConfidenceInterval throughputRps;
    ConfidenceInterval meanMs, p50Ms, p95Ms, p99Ms; // end to end, successful requests
    ConfidenceInterval errorRate;    // failed / (succeeded + failed), 0..1
    ConfidenceInterval costPerMonth; // dollars, kHoursPerMonth hours
    std::vector<BlockEstimate> blocks; // in the design's order
};

// Snapshots of the same design (same blocks, in the same order), one per
// replication. Fewer than two give infinite half-widths.
ReplicationSummary summarizeReplications(const std::vector<Snapshot>& replications, double confidence = 0.95);

// failed / (succeeded + failed) of one run; 0 when nothing finished.
double errorRate(const Snapshot& snapshot);

} // namespace scalelab::stats
