#include "RecentMetric.h"

#include "MetricValue.h"
#include "core/Outcome.h"

#include <vector>

namespace scalelab::analysis {

namespace {

std::vector<const stats::WindowSample*> recentWindows(const std::vector<stats::WindowSample>& series, double sinceS,
                                                      double spanS, double windowS, double nowS)
{
    std::vector<const stats::WindowSample*> result;
    constexpr double kSlack = 1e-6; // window ends are sums of doubles
    for (const auto& sample : series)
        if (sample.endSeconds - windowS >= sinceS - kSlack && sample.endSeconds > nowS - spanS + kSlack)
            result.push_back(&sample);
    return result;
}

double errorsOf(const stats::WindowSample& sample, sim::Outcome kind)
{
    return sample.errorsPerSecond[static_cast<int>(kind) - 1]; // Ok has no slot
}

// The figure over `windows`; nullopt for figures the series does not carry.
std::optional<double> fromWindows(const std::vector<const stats::WindowSample*>& windows, const std::string& figure,
                                  bool wholeRun)
{
    double arrivals = 0, done = 0, errors = 0, timeouts = 0, rejected = 0, utilization = 0, queue = 0,
           instances = 0, cost = 0, mean = 0, p50 = 0, p95 = 0, p99 = 0;
    for (const auto* w : windows) {
        arrivals += w->arrivalsPerSecond;
        done += w->throughputPerSecond;
        errors += w->errorsTotalPerSecond();
        timeouts += errorsOf(*w, sim::Outcome::Timeout);
        rejected += errorsOf(*w, sim::Outcome::Rejected);
        utilization += w->utilization;
        queue += w->meanQueue;
        instances = w->instances;
        cost += w->costPerHour;
        mean += w->meanMs * w->throughputPerSecond;
        p50 += w->p50Ms * w->throughputPerSecond;
        p95 += w->p95Ms * w->throughputPerSecond;
        p99 += w->p99Ms * w->throughputPerSecond;
    }
    const double n = double(windows.size());
    const double requests = done + errors;
    auto share = [&](double part) { return requests > 0 ? part / requests : 0.0; };
    auto weighted = [&](double sum) { return done > 0 ? sum / done : 0.0; };
    if (figure == "throughput_rps") return done / n;
    if (figure == "arrival_rps") return arrivals / n;
    if (figure == "mean_ms") return weighted(mean);
    if (figure == "p50_ms") return weighted(p50);
    if (figure == "p95_ms") return weighted(p95);
    if (figure == "p99_ms") return weighted(p99);
    if (figure == "error_rate") return share(errors);
    if (figure == "timeout_rate" && wholeRun) return share(timeouts);
    if (figure == "rejected_rate" && wholeRun) return share(rejected);
    if (figure == "utilization") return utilization / n;
    if (figure == "mean_queue") return queue / n;
    if (figure == "instances") return instances;
    if (figure == "cost_per_hour") return cost / n;
    if (figure == "cost_per_month" && wholeRun) return cost / n * stats::kHoursPerMonth;
    return std::nullopt;
}

} // namespace

RecentValue recentMetricValue(const stats::Snapshot& snapshot, const std::string& metric, double sinceS,
                              double spanS, double windowS)
{
    RecentValue result;
    const auto dot = metric.find('.');
    const std::vector<stats::WindowSample>* series = &snapshot.series;
    std::string figure = metric;
    if (dot != std::string::npos) {
        series = nullptr;
        figure = metric.substr(dot + 1);
        for (const auto& block : snapshot.blocks)
            if (block.id == metric.substr(0, dot))
                series = &block.series;
        if (!series)
            return result;
    }
    const auto windows = recentWindows(*series, sinceS, spanS, windowS, snapshot.simSeconds);
    if (!windows.empty()) {
        result.value = fromWindows(windows, figure, dot == std::string::npos);
        result.windows = int(windows.size());
    }
    if (!result.value && result.windows > 0) {
        // A figure only the totals carry (hit_ratio, replica_lag_ms...).
        result.value = metricValue(snapshot, metric);
        result.fromTotals = result.value.has_value();
        result.windows = 0;
    }
    return result;
}

} // namespace scalelab::analysis
