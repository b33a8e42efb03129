#include "MetricValue.h"

#include "core/Outcome.h"

namespace scalelab::analysis {

namespace {

double share(uint64_t part, uint64_t whole) { return whole ? double(part) / double(whole) : 0.0; }

std::optional<double> runFigure(const stats::Snapshot& run, const std::string& name)
{
    const stats::LatencySummary& latency = run.latency;
    const uint64_t requests = run.completed + run.errors.total();
    if (name == "throughput_rps") return run.throughputRps;
    if (name == "mean_ms") return latency.meanMs;
    if (name == "p50_ms") return latency.p50Ms;
    if (name == "p95_ms") return latency.p95Ms;
    if (name == "p99_ms") return latency.p99Ms;
    if (name == "p999_ms") return latency.p999Ms;
    if (name == "max_ms") return latency.maxMs;
    if (name == "error_rate") return share(run.errors.total(), requests);
    if (name == "timeout_rate") return share(run.errors[sim::Outcome::Timeout], requests);
    if (name == "rejected_rate") return share(run.errors[sim::Outcome::Rejected], requests);
    if (name == "cost_per_hour") return run.costPerHour;
    if (name == "cost_per_month") return run.costPerHour * stats::kHoursPerMonth;
    return std::nullopt;
}

std::optional<double> blockFigure(const stats::BlockSnapshot& block, double seconds, const std::string& name)
{
    const double perSecond = seconds > 0 ? 1.0 / seconds : 0.0;
    if (name == "utilization") return block.utilization;
    if (name == "mean_queue") return block.meanQueue;
    if (name == "arrival_rps") return double(block.arrivals) * perSecond;
    if (name == "throughput_rps") return double(block.completed) * perSecond;
    if (name == "error_rate") return share(block.errors.total(), block.completed + block.errors.total());
    if (name == "mean_ms") return block.latency.meanMs;
    if (name == "p95_ms") return block.latency.p95Ms;
    if (name == "p99_ms") return block.latency.p99Ms;
    if (name == "instances") return double(block.instances);
    if (name == "cost_per_hour") return block.costPerHour;
    if (auto extra = block.extras.find(name); extra != block.extras.end())
        return extra->second;
    return std::nullopt;
}

} // namespace

std::optional<double> metricValue(const stats::Snapshot& snapshot, const std::string& metric)
{
    const auto dot = metric.find('.');
    if (dot == std::string::npos)
        return runFigure(snapshot, metric);
    const std::string id = metric.substr(0, dot);
    for (const auto& block : snapshot.blocks)
        if (block.id == id)
            return blockFigure(block, snapshot.measuredSeconds, metric.substr(dot + 1));
    return std::nullopt;
}

} // namespace scalelab::analysis
