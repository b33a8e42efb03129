#include "PlanCommand.h"

#include "CliOutput.h"
#include "DesignCheck.h"
#include "analysis/NetworkModel.h"
#include "io/ScenarioFile.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>

#include <cmath>
#include <cstdio>

namespace scalelab::cli {

namespace {

// JSON has no infinity: a saturated queue's latency is null.
nlohmann::ordered_json finiteOrNull(double value)
{
    return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

void printJson(const analysis::NetworkPlan& plan)
{
    nlohmann::ordered_json json;
    json["offered_rps"] = plan.offeredRps;
    json["end_to_end_ms"] = finiteOrNull(plan.endToEndMs);
    json["bottleneck"] = plan.bottleneck.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(plan.bottleneck);
    json["target_utilization"] = plan.targetUtilization;
    json["caveats"] = plan.caveats;
    if (plan.closedUsers > 0) {
        json["closed_users"] = plan.closedUsers;
        json["closed_throughput_rps"] = plan.closedThroughputRps;
    }
    nlohmann::ordered_json blocks = nlohmann::ordered_json::object();
    for (const auto& block : plan.blocks) {
        nlohmann::ordered_json entry;
        entry["kind"] = block.kind;
        entry["arrival_rps"] = block.arrivalRps();
        entry["read_rps"] = block.readRps;
        entry["write_rps"] = block.writeRps;
        entry["service_ms"] = block.serviceMs;
        entry["response_ms"] = finiteOrNull(block.responseMs);
        entry["concurrency"] = finiteOrNull(block.concurrency);
        if (block.hasCapacity) {
            entry["instances"] = block.instances;
            entry["workers"] = block.workers;
            entry["holding_ms"] = block.holdingMs;
            entry["utilization"] = block.utilization;
            entry["wait_ms"] = finiteOrNull(block.waitMs);
            entry["saturated"] = block.saturated;
            entry["required_instances"] = block.requiredInstances;
        }
        if (block.hitRatio >= 0)
            entry["hit_ratio"] = block.hitRatio;
        if (block.poolWaitMs >= 0)
            entry["pool_wait_ms"] = finiteOrNull(block.poolWaitMs);
        if (block.throttledRatio >= 0)
            entry["throttled_ratio"] = block.throttledRatio;
        if (block.fansOut) {
            entry["fanout_writes_per_s"] = block.fanoutWritesPerS;
            entry["fanout_utilization"] = block.fanoutUtilization;
        }
        blocks[block.id] = std::move(entry);
    }
    json["blocks"] = std::move(blocks);
    std::printf("%s\n", json.dump(2).c_str());
}

void printTable(const std::string& file, const analysis::NetworkPlan& plan)
{
    std::printf("%s: analytic model at %.1f rps offered", file.c_str(), plan.offeredRps);
    if (plan.closedUsers > 0) // the rate is an outcome of the users' loop, not an input
        std::printf(" (%d closed-loop users give %.1f rps, by mean value analysis)", plan.closedUsers,
                    plan.closedThroughputRps);
    std::printf("\n\n");
    char needed[24];
    std::snprintf(needed, sizeof needed, "need@%.0f%%", plan.targetUtilization * 100);
    std::printf("%-16s %-20s %11s %6s %8s %8s %9s %10s\n", "block", "kind", "arrival/s", "inst", "util", "wait ms",
                "resp ms", needed);
    for (const auto& block : plan.blocks) {
        std::printf("%-16s %-20s %11.1f ", block.id.c_str(), block.kind.c_str(), block.arrivalRps());
        if (block.hasCapacity)
            std::printf("%6d %7.1f%% %8.2f %9.2f %10d %s\n", block.instances, block.utilization * 100, block.waitMs,
                        block.responseMs, block.requiredInstances, block.saturated ? "SATURATED" : "");
        else
            std::printf("%6s %8s %8s %9.2f %10s\n", "-", "-", "-", block.responseMs, "-");
    }
    for (const auto& block : plan.blocks)
        if (block.fansOut)
            std::printf("\n%s: %.0f timeline writes/s keep the fan-out writers %.1f%% busy%s\n", block.id.c_str(),
                        block.fanoutWritesPerS, block.fanoutUtilization * 100,
                        block.fanoutUtilization >= 1 ? " (SATURATED: the backlog grows without bound)" : "");
    for (const auto& block : plan.blocks)
        if (block.throttledRatio > 0.0005)
            std::printf("\n%s: %.1f%% of its requests over a partition's limit (throttled)\n", block.id.c_str(),
                        block.throttledRatio * 100);
    std::printf("\nmean end-to-end latency: %.2f ms\n", plan.endToEndMs);
    if (!plan.bottleneck.empty())
        std::printf("bottleneck: %s (%.1f%% utilised); instances for %.0f%% utilisation: %d\n",
                    plan.bottleneck.c_str(), plan.find(plan.bottleneck)->utilization * 100,
                    plan.targetUtilization * 100, plan.find(plan.bottleneck)->requiredInstances);
    if (!plan.caveats.empty()) {
        std::printf("\nbeyond the model (check these with scalelab run):\n");
        for (const auto& caveat : plan.caveats)
            std::printf("  - %s\n", caveat.c_str());
    }
}

} // namespace

int planCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Predict utilisation, latency, the bottleneck and the instances needed, "
                                     "from queueing theory (no simulation).");
    parser.addPositionalArgument("file", "The .scalelab design to plan.");
    parser.addOption({"target-utilization", "Utilisation to size pools for (default 0.7).", "fraction", "0.7"});
    parser.addOption({"json", "Print the plan as JSON."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    if (parser.positionalArguments().size() != 1)
        return usageError("plan needs exactly one FILE (scalelab plan FILE [options])");
    bool ok = false;
    const double target = parser.value("target-utilization").toDouble(&ok);
    if (!ok || !(target > 0 && target <= 1))
        return usageError("--target-utilization must be a number in (0, 1], got \"" +
                          parser.value("target-utilization").toStdString() + "\"");
    const std::string path = parser.positionalArguments().front().toStdString();
    const model::Architecture design = io::readScenario(path);
    if (auto status = refuseInvalidDesign(design, path))
        return *status;
    const analysis::NetworkPlan plan = analysis::planNetwork(design, target);
    if (parser.isSet("json"))
        printJson(plan);
    else
        printTable(baseName(path), plan);
    return kExitOk;
}

} // namespace scalelab::cli
