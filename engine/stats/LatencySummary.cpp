#include "LatencySummary.h"

#include "LatencyHistogram.h"
#include "core/SimTime.h"

namespace scalelab::stats {

LatencySummary LatencySummary::of(const LatencyHistogram& histogram)
{
    LatencySummary summary;
    summary.count = histogram.count();
    if (summary.count == 0)
        return summary;
    summary.meanMs = histogram.mean() / static_cast<double>(sim::kMillisecond);
    summary.p50Ms = sim::toMs(histogram.quantile(0.50));
    summary.p95Ms = sim::toMs(histogram.quantile(0.95));
    summary.p99Ms = sim::toMs(histogram.quantile(0.99));
    summary.p999Ms = sim::toMs(histogram.quantile(0.999));
    summary.maxMs = sim::toMs(histogram.max());
    return summary;
}

} // namespace scalelab::stats
