#pragma once
#include <cstdint>

namespace scalelab::stats {

class LatencyHistogram;

// Percentiles of a latency histogram in milliseconds, as the CLI and UI show them.
struct LatencySummary {
    uint64_t count = 0;
    double meanMs = 0, p50Ms = 0, p95Ms = 0, p99Ms = 0, p999Ms = 0, maxMs = 0;

    static LatencySummary of(const LatencyHistogram& histogram);
};

} // namespace scalelab::stats
