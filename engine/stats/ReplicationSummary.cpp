#include "ReplicationSummary.h"

#include <functional>

namespace scalelab::stats {

namespace {

ConfidenceInterval across(const std::vector<Snapshot>& runs, double confidence,
                          const std::function<double(const Snapshot&)>& figure)
{
    std::vector<double> values;
    values.reserve(runs.size());
    for (const auto& run : runs)
        values.push_back(figure(run));
    return batchMeansInterval(values, confidence);
}

} // namespace

double errorRate(const Snapshot& snapshot)
{
    const double failed = static_cast<double>(snapshot.errors.total());
    const double finished = static_cast<double>(snapshot.completed) + failed;
    return finished > 0 ? failed / finished : 0;
}

ReplicationSummary summarizeReplications(const std::vector<Snapshot>& replications, double confidence)
{
    ReplicationSummary summary;
    summary.replications = static_cast<int>(replications.size());
    summary.confidence = confidence;
    auto interval = [&](const std::function<double(const Snapshot&)>& figure) {
        return across(replications, confidence, figure);
    };
    summary.throughputRps = interval([](const Snapshot& s) { return s.throughputRps; });
    summary.meanMs = interval([](const Snapshot& s) { return s.latency.meanMs; });
    summary.p50Ms = interval([](const Snapshot& s) { return s.latency.p50Ms; });
    summary.p95Ms = interval([](const Snapshot& s) { return s.latency.p95Ms; });
    summary.p99Ms = interval([](const Snapshot& s) { return s.latency.p99Ms; });
    summary.errorRate = interval([](const Snapshot& s) { return errorRate(s); });
    summary.costPerMonth = interval([](const Snapshot& s) { return s.costPerHour * kHoursPerMonth; });
    if (replications.empty())
        return summary;

    const auto& first = replications.front().blocks;
    for (size_t b = 0; b < first.size(); ++b) {
        BlockEstimate estimate;
        estimate.id = first[b].id;
        estimate.kind = first[b].kind;
        estimate.name = first[b].name;
        estimate.hasWorkers = first[b].hasWorkers;
        auto block = [&](const std::function<double(const BlockSnapshot&, double seconds)>& figure) {
            return interval([&](const Snapshot& s) { return figure(s.blocks.at(b), s.measuredSeconds); });
        };
        estimate.utilization = block([](const BlockSnapshot& s, double) { return s.utilization; });
        estimate.arrivalRps = block([](const BlockSnapshot& s, double seconds) {
            return seconds > 0 ? static_cast<double>(s.arrivals) / seconds : 0.0;
        });
        estimate.p95Ms = block([](const BlockSnapshot& s, double) { return s.latency.p95Ms; });
        summary.blocks.push_back(std::move(estimate));
    }
    return summary;
}

} // namespace scalelab::stats
