#include "CapacitySweep.h"

#include "NetworkModel.h"
#include "model/RampStages.h"
#include "model/Registry.h"
#include "run/Simulator.h"
#include "stats/ConfidenceInterval.h"
#include "stats/ReplicationSummary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scalelab::analysis {

namespace {

// Fixed notation: what parseRampStages reads back exactly.
std::string scaledStages(const std::string& text, double factor)
{
    std::string error;
    const auto stages = model::parseRampStages(text, error);
    if (!error.empty())
        return text; // left for validation to report
    std::string result;
    char item[64];
    for (const auto& stage : stages) {
        std::snprintf(item, sizeof item, "%s%.3fs:%.3f", result.empty() ? "" : ", ", stage.durationS,
                      stage.targetRps * factor);
        result += item;
    }
    return result;
}

} // namespace

const std::vector<SweepField>& sweepFields()
{
    static const std::vector<SweepField> fields{
        {"load_factor", &SweepPoint::loadFactor},
        {"offered_rps", &SweepPoint::offeredRps},
        {"throughput_rps", &SweepPoint::throughputRps},
        {"p95_ms", &SweepPoint::p95Ms},
        {"mean_ms", &SweepPoint::meanMs},
        {"error_rate", &SweepPoint::errorRate},
        {"analytic_mean_ms", &SweepPoint::analyticMeanMs},
        {"analytic_bottleneck_utilization", &SweepPoint::analyticBottleneckUtilization},
        {"throughput_rps_half_width", &SweepPoint::throughputHalfWidthRps},
        {"p95_ms_half_width", &SweepPoint::p95HalfWidthMs},
        {"mean_ms_half_width", &SweepPoint::meanHalfWidthMs},
    };
    return fields;
}

std::string sweepCsv(const std::vector<SweepPoint>& points)
{
    std::string text;
    for (const auto& field : sweepFields())
        text += (text.empty() ? "" : ",") + std::string(field.name);
    text += '\n';
    char number[32];
    for (const auto& point : points) {
        const char* separator = "";
        for (const auto& field : sweepFields()) {
            const double value = point.*field.member;
            text += separator;
            if (std::isfinite(value)) {
                std::snprintf(number, sizeof number, "%.10g", value);
                text += number;
            }
            separator = ",";
        }
        text += '\n';
    }
    return text;
}

model::Architecture scaleLoad(const model::Architecture& design, double factor)
{
    model::Architecture scaled = design;
    for (auto& block : scaled.blocks) {
        const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
        if (!spec || spec->tier != model::Tier::Source) // only traffic sources scale with the load
            continue;
        block.params["rate_rps"] *= factor;
        block.params["virtual_users"] = std::round(block.params["virtual_users"] * factor);
        if (auto stages = block.texts.find("ramp_stages"); stages != block.texts.end())
            stages->second = scaledStages(stages->second, factor);
    }
    return scaled;
}

SweepPoint runSweepPoint(const model::Architecture& design, double loadFactor, uint64_t seed, double warmupS,
                         double measureS, int replications)
{
    model::Architecture scaled = scaleLoad(design, loadFactor);
    SweepPoint point;
    point.loadFactor = loadFactor;

    // The first simulator is built before planning: a design with errors is
    // then reported with its full list of them, not the planner's one-liner.
    sim::SimulatorOptions options;
    options.windowCapacity = 1; // only the totals are read
    std::vector<double> offered, throughput, p95, mean, errorRate;
    for (int r = 0; r < std::max(replications, 1); ++r) {
        sim::Simulator simulator(scaled, seed + static_cast<uint64_t>(r), options);
        if (r == 0) {
            const NetworkPlan plan = planNetwork(scaled);
            point.analyticMeanMs = plan.endToEndMs;
            if (const BlockPlan* bottleneck = plan.find(plan.bottleneck))
                point.analyticBottleneckUtilization = bottleneck->utilization;
        }
        simulator.runUntil(sim::fromSeconds(warmupS));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(warmupS + measureS));
        const stats::Snapshot snap = simulator.snapshot();
        offered.push_back(snap.measuredSeconds > 0 ? static_cast<double>(snap.requests) / snap.measuredSeconds : 0);
        throughput.push_back(snap.throughputRps);
        p95.push_back(snap.latency.p95Ms);
        mean.push_back(snap.latency.meanMs);
        errorRate.push_back(stats::errorRate(snap));
    }
    const auto interval = [](const std::vector<double>& values) {
        return stats::batchMeansInterval(values, kSweepConfidence);
    };
    point.offeredRps = interval(offered).mean;
    const auto throughputCi = interval(throughput), p95Ci = interval(p95), meanCi = interval(mean);
    point.throughputRps = throughputCi.mean;
    point.throughputHalfWidthRps = throughputCi.halfWidth;
    point.p95Ms = p95Ci.mean;
    point.p95HalfWidthMs = p95Ci.halfWidth;
    point.meanMs = meanCi.mean;
    point.meanHalfWidthMs = meanCi.halfWidth;
    point.errorRate = interval(errorRate).mean;
    return point;
}

std::vector<double> sweepFactors(double from, double to, int steps)
{
    std::vector<double> factors;
    for (int i = 0; i < steps; ++i)
        factors.push_back(steps == 1 ? from : from + (to - from) * i / (steps - 1));
    return factors;
}

int findKnee(const std::vector<SweepPoint>& points)
{
    constexpr double kLatencyGrowth = 2.0;  // p95 doubled
    constexpr double kThroughputLoss = 0.05; // 5% of offered load not served
    double baseP95 = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        const SweepPoint& point = points[i];
        if (point.throughputRps < (1 - kThroughputLoss) * point.offeredRps)
            return static_cast<int>(i);
        // The first point that completed anything sets the low-load latency.
        if (baseP95 <= 0)
            baseP95 = point.p95Ms;
        else if (point.p95Ms > kLatencyGrowth * baseP95)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace scalelab::analysis
