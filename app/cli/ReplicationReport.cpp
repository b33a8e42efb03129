#include "ReplicationReport.h"

#include <cmath>
#include <cstdio>

namespace scalelab::cli {

namespace {

nlohmann::ordered_json number(double value)
{
    return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

// "12.34 ± 0.56" in a column of `width`.
std::string plusMinus(const stats::ConfidenceInterval& interval, int decimals, double scale = 1)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f ± %.*f", decimals, interval.mean * scale, decimals,
                  interval.halfWidth * scale);
    return text;
}

} // namespace

nlohmann::ordered_json estimateToJson(const stats::ConfidenceInterval& interval)
{
    return {{"mean", number(interval.mean)}, {"half_width", number(interval.halfWidth)}, {"n", interval.samples}};
}

std::string describeAutoWarmup(const sim::WarmupChoice& choice, uint64_t pilotSeed)
{
    char text[320];
    std::snprintf(text, sizeof text,
                  "warm-up %.1f s chosen by MSER-5 on a pilot run (seed %llu, %.2f s windows): mean latency settles "
                  "after %.1f s, throughput after %.1f s%s",
                  sim::toSeconds(choice.warmup), static_cast<unsigned long long>(pilotSeed),
                  sim::toSeconds(choice.window), choice.latencyCutS, choice.throughputCutS,
                  choice.atLimit ? "; the cut reached half the pilot, so the transient may be longer: try a longer "
                                   "--duration"
                                 : "");
    return text;
}

nlohmann::ordered_json replicationsToJson(const ReplicationRun& run, const stats::ReplicationSummary& summary)
{
    nlohmann::ordered_json json;
    json["replications"] = summary.replications;
    json["confidence"] = summary.confidence;
    json["seeds"] = {run.firstSeed, run.firstSeed + static_cast<uint64_t>(summary.replications) - 1};
    json["sim_seconds"] = run.measureS;
    json["warmup_s"] = run.warmupS;
    if (run.autoWarmup) {
        json["warmup_rule"] = {{"method", "mser5"},
                               {"pilot_seed", run.pilotSeed},
                               {"window_s", sim::toSeconds(run.autoWarmup->window)},
                               {"latency_cut_s", run.autoWarmup->latencyCutS},
                               {"throughput_cut_s", run.autoWarmup->throughputCutS},
                               {"at_limit", run.autoWarmup->atLimit}};
    }
    json["wall_seconds"] = run.wallS;
    json["throughput_rps"] = estimateToJson(summary.throughputRps);
    json["latency_ms"] = {{"mean", estimateToJson(summary.meanMs)},
                          {"p50", estimateToJson(summary.p50Ms)},
                          {"p95", estimateToJson(summary.p95Ms)},
                          {"p99", estimateToJson(summary.p99Ms)}};
    json["error_rate"] = estimateToJson(summary.errorRate);
    json["cost_per_month"] = estimateToJson(summary.costPerMonth);
    nlohmann::ordered_json blocks = nlohmann::ordered_json::object();
    for (const auto& block : summary.blocks) {
        nlohmann::ordered_json entry;
        entry["kind"] = block.kind;
        entry["name"] = block.name;
        entry["utilization"] = block.hasWorkers ? estimateToJson(block.utilization) : nlohmann::ordered_json(nullptr);
        entry["arrival_rps"] = estimateToJson(block.arrivalRps);
        entry["p95_ms"] = estimateToJson(block.p95Ms);
        blocks[block.id] = std::move(entry);
    }
    json["blocks"] = std::move(blocks);
    return json;
}

void printReplicationTable(const ReplicationRun& run, const stats::ReplicationSummary& summary)
{
    std::printf("%s: %d replications (seeds %llu..%llu) of %.0f s simulated after %.1f s warm-up, %.2f s wall\n",
                run.file.c_str(), summary.replications, static_cast<unsigned long long>(run.firstSeed),
                static_cast<unsigned long long>(run.firstSeed + static_cast<uint64_t>(summary.replications) - 1),
                run.measureS, run.warmupS, run.wallS);
    if (run.autoWarmup)
        std::printf("%s\n", describeAutoWarmup(*run.autoWarmup, run.pilotSeed).c_str());
    std::printf("each figure: mean across replications ± %.0f%% half-width (Student t, %d degrees of freedom)\n\n",
                summary.confidence * 100, summary.replications - 1);
    std::printf("throughput %s rps   error rate %s%%   cost $%s per month\n",
                plusMinus(summary.throughputRps, 1).c_str(), plusMinus(summary.errorRate, 2, 100).c_str(),
                plusMinus(summary.costPerMonth, 0).c_str());
    std::printf("latency ms: mean %s   p50 %s   p95 %s   p99 %s\n\n", plusMinus(summary.meanMs, 2).c_str(),
                plusMinus(summary.p50Ms, 2).c_str(), plusMinus(summary.p95Ms, 2).c_str(),
                plusMinus(summary.p99Ms, 2).c_str());
    // ± is two bytes but one column: widths below count it as one.
    std::printf("%-16s %-20s %18s %20s %20s\n", "block", "kind", "util %", "arrivals/s", "p95 ms");
    for (const auto& block : summary.blocks) {
        const std::string utilization = block.hasWorkers ? plusMinus(block.utilization, 1, 100) : "-";
        std::printf("%-16s %-20s %*s %*s %*s\n", block.id.c_str(), block.kind.c_str(),
                    18 + (block.hasWorkers ? 1 : 0), utilization.c_str(), 21, plusMinus(block.arrivalRps, 1).c_str(),
                    21, plusMinus(block.p95Ms, 2).c_str());
    }
}

} // namespace scalelab::cli
