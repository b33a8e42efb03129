#include "RunCommand.h"

#include "CliOutput.h"
#include "ReplicationReport.h"
#include "RunProgress.h"
#include "SimulationOptions.h"
#include "SnapshotJson.h"
#include "core/FigureNames.h"
#include "run/AutoWarmup.h"
#include "sim/CellReduction.h"
#include "run/Replications.h"
#include "run/Simulator.h"

#include <QCommandLineParser>

#include <chrono>
#include <cstdio>

namespace scalelab::cli {

namespace {

// The cell reduction in force, and where it is not exact.
void printCells(const model::Architecture& design, int cells)
{
    if (cells <= 1)
        return;
    std::printf("cells: %d (one of %d identical cells simulated, each with 1/%d of the traffic and instances; "
                "requests, throughput, arrivals, instances and cost scaled x%d, latencies as measured)\n",
                cells, cells, cells, cells);
    for (const std::string& note : sim::cellApproximations(design))
        std::printf("  approximate: %s\n", note.c_str());
    std::printf("\n");
}

double extra(const stats::BlockSnapshot& block, const char* name)
{
    const auto it = block.extras.find(name);
    return it == block.extras.end() ? 0.0 : it->second;
}

// Figures most blocks do not have, so not table columns: the waits of
// blocks whose links pool connections, and writes a crash lost.
void printPoolsAndLosses(const stats::Snapshot& snap)
{
    bool header = false;
    for (const auto& block : snap.blocks) {
        if (!block.extras.count(figures::kPoolCalls))
            continue;
        if (!header)
            std::printf("\nconnection pools (calls that took a connection, waits of those that got one)\n");
        header = true;
        const double calls = extra(block, figures::kPoolCalls), waited = extra(block, figures::kPoolWaited);
        const double asked = calls + extra(block, figures::kPoolTimeouts);
        std::printf("%-16s %11.0f calls   %5.1f%% waited   wait ms: mean %.2f  p95 %.2f  max %.2f   "
                    "pool_timeout %.0f\n",
                    block.id.c_str(), calls, asked > 0 ? 100 * waited / asked : 0.0,
                    extra(block, figures::kPoolWaitMeanMs), extra(block, figures::kPoolWaitP95Ms),
                    extra(block, figures::kPoolWaitMaxMs), extra(block, figures::kPoolTimeouts));
    }
    for (const auto& block : snap.blocks)
        if (const double lost = extra(block, figures::kLostWrites); lost > 0)
            std::printf("\nLOST DATA: %s lost %.0f acknowledged writes (write-behind writes not yet flushed when "
                        "it crashed)\n",
                        block.id.c_str(), lost);
    for (const auto& block : snap.blocks)
        if (const double lost = extra(block, figures::kSessionsLost), out = extra(block, figures::kLoggedOut);
            lost > 0 || out > 0)
            std::printf("\nUSERS LOGGED OUT: %s lost %.0f sessions in crashes; %.0f requests found no session on "
                        "their instance and failed\n",
                        block.id.c_str(), lost, out);
}

void printTable(const std::string& file, const model::Architecture& design, const stats::Snapshot& snap,
                double warmupS, double wallS, uint64_t seed)
{
    std::printf("%s: %.0f s simulated after %.0f s warm-up, seed %llu, %.2f s wall, %llu events\n\n", file.c_str(),
                snap.measuredSeconds, warmupS, static_cast<unsigned long long>(seed), wallS,
                static_cast<unsigned long long>(snap.events));
    printCells(design, snap.cells);
    if (!snap.sampling.empty())
        std::printf("%s\n\n", snap.sampling.c_str());
    std::printf("requests %llu   completed %llu   errors %llu", static_cast<unsigned long long>(snap.requests),
                static_cast<unsigned long long>(snap.completed),
                static_cast<unsigned long long>(snap.errors.total()));
    if (snap.errors.total() > 0) {
        std::printf(" (");
        const char* separator = "";
        for (int kind = 1; kind < sim::kOutcomeCount; ++kind) {
            const auto outcome = static_cast<sim::Outcome>(kind);
            if (snap.errors[outcome] > 0) {
                std::printf("%s%s %llu", separator, sim::outcomeName(outcome),
                            static_cast<unsigned long long>(snap.errors[outcome]));
                separator = ", ";
            }
        }
        std::printf(")");
    }
    std::printf("\nthroughput %.1f rps   latency ms: mean %.2f  p50 %.2f  p95 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
                snap.throughputRps, snap.latency.meanMs, snap.latency.p50Ms, snap.latency.p95Ms, snap.latency.p99Ms,
                snap.latency.p999Ms, snap.latency.maxMs);
    std::printf("cost $%.2f per hour, $%.0f per month (%.0f hours)\n\n", snap.costPerHour,
                snap.costPerHour * stats::kHoursPerMonth, stats::kHoursPerMonth);
    std::printf("%-16s %-20s %5s %7s %9s %11s %11s %9s %9s %9s %9s\n", "block", "kind", "inst", "util", "queue",
                "arrivals", "completed", "errors", "mean ms", "p95 ms", "p99 ms");
    for (const auto& block : snap.blocks) {
        char utilization[16] = "-", queue[16] = "-";
        if (block.hasWorkers) {
            std::snprintf(utilization, sizeof utilization, "%.1f%%", block.utilization * 100);
            std::snprintf(queue, sizeof queue, "%.2f", block.meanQueue);
        }
        std::printf("%-16s %-20s %5d %7s %9s %11llu %11llu %9llu %9.2f %9.2f %9.2f\n", block.id.c_str(),
                    block.kind.c_str(), block.instances, utilization, queue,
                    static_cast<unsigned long long>(block.arrivals), static_cast<unsigned long long>(block.completed),
                    static_cast<unsigned long long>(block.errors.total()), block.latency.meanMs, block.latency.p95Ms,
                    block.latency.p99Ms);
    }
    printPoolsAndLosses(snap);
    if (!snap.eventLog.empty()) {
        std::printf("\nevent log\n");
        for (const auto& event : snap.eventLog)
            std::printf("%9.1f s  %s\n", event.atS, event.text.c_str());
    }
}

} // namespace

int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Simulate a design and print its latency, throughput and per-block figures.");
    addSimulationOptions(parser, "60s", AutoWarmup::Accepted);
    parser.addOption({"replications", "Run N independent replications (seeds SEED..SEED+N-1) and report each figure "
                                      "as a mean with its 95% confidence half-width (N >= 2).",
                      "n"});
    parser.addOption({"json", "Print the results as JSON."});
    parser.addOption({"memory-budget",
                      "Most memory, in MiB, that the run's growing state (requests in flight, queued messages, "
                      "events) may take before the run stops with \"memory budget exceeded\" (default 1024).",
                      "MiB", "1024"});
    parser.addOption({"quiet", "No progress bar (it is shown on stderr only when stderr is a terminal)."});
    parser.addOption({"progress", "Progress as plain lines on stderr about once a second, even when stderr is not "
                                  "a terminal."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    SimulationOptions options;
    if (auto status = readSimulationOptions(parser, "run", options, AutoWarmup::Accepted))
        return *status;
    bool budgetOk = false;
    const qulonglong budgetMiB = parser.value("memory-budget").toULongLong(&budgetOk);
    if (!budgetOk || budgetMiB < 1 || budgetMiB > (qulonglong(1) << 30))
        return usageError("--memory-budget must be a whole number of MiB >= 1, got \"" +
                          parser.value("memory-budget").toStdString() + "\"");
    options.memoryBudget = static_cast<size_t>(budgetMiB) << 20;
    int replications = 1;
    if (parser.isSet("replications")) {
        bool ok = false;
        replications = parser.value("replications").toInt(&ok);
        if (!ok || replications < 2 || replications > 10000)
            return usageError("--replications must be a whole number from 2 to 10000, got \"" +
                              parser.value("replications").toStdString() + "\"");
    }

    const auto wallStart = std::chrono::steady_clock::now();
    auto wallSeconds = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    };
    // The pilot takes the first seed after the measured runs': the warm-up is
    // not chosen on the data it is applied to.
    const uint64_t pilotSeed = options.seed + static_cast<uint64_t>(replications);
    const auto display = parser.isSet("quiet")      ? RunProgress::Display::Off
                         : parser.isSet("progress") ? RunProgress::Display::Lines
                                                    : RunProgress::Display::Auto;
    std::optional<sim::WarmupChoice> autoWarmup;
    if (options.autoWarmup) {
        // The pilot is a run of --duration too: it shows progress and stops on Ctrl+C.
        RunProgress pilotProgress(display, options.duration);
        autoWarmup = sim::chooseWarmup(
            options.design, options.duration, pilotSeed, [&](sim::SimTime now) { return pilotProgress.check(now); },
            options.memoryBudget);
        pilotProgress.finish();
        if (autoWarmup->interrupted) {
            std::fprintf(stderr, "scalelab: interrupted during the pilot run that chooses the warm-up; nothing "
                                 "measured yet\n");
            return kExitInterrupted;
        }
        options.warmup = autoWarmup->warmup;
    }

    if (parser.isSet("replications")) {
        sim::ReplicationPlan plan;
        plan.warmup = options.warmup;
        plan.duration = options.duration;
        plan.replications = replications;
        plan.firstSeed = options.seed;
        plan.memoryBudget = options.memoryBudget;
        const auto runs = sim::runReplications(options.design, plan);
        const stats::ReplicationSummary summary = stats::summarizeReplications(runs);
        ReplicationRun run{baseName(options.path), options.seed, sim::toSeconds(options.warmup),
                           sim::toSeconds(options.duration), wallSeconds(), autoWarmup, pilotSeed};
        if (parser.isSet("json"))
            std::printf("%s\n", replicationsToJson(run, summary).dump(2).c_str());
        else
            printReplicationTable(run, summary);
        return kExitOk;
    }

    RunProgress progress(display, options.warmup + options.duration);
    const MeasuredRun run = simulateMeasured(options, progress);
    progress.finish();
    const stats::Snapshot& snap = run.snapshot;
    const double wallS = wallSeconds();
    const double warmupS = run.inWarmup ? 0 : sim::toSeconds(options.warmup);
    if (run.interrupted)
        std::fprintf(stderr, "scalelab: interrupted at t=%.3f s of %.0f s; printing the result so far\n",
                     snap.simSeconds, sim::toSeconds(options.warmup + options.duration));
    if (parser.isSet("json")) {
        nlohmann::ordered_json json = snapshotToJson(snap, wallS);
        if (snap.cells > 1)
            json["cell_approximations"] = sim::cellApproximations(options.design);
        if (autoWarmup)
            json["warmup_s"] = sim::toSeconds(options.warmup);
        if (run.interrupted) {
            json["interrupted"] = true;
            json["stopped_at_s"] = snap.simSeconds;
            json["in_warmup"] = run.inWarmup;
        }
        std::printf("%s\n", json.dump(2).c_str());
    } else {
        if (autoWarmup)
            std::printf("%s\n", describeAutoWarmup(*autoWarmup, pilotSeed).c_str());
        if (run.interrupted)
            std::printf("PARTIAL RESULT: interrupted by Ctrl+C at t=%.3f s of %.0f s%s\n\n", snap.simSeconds,
                        sim::toSeconds(options.warmup + options.duration),
                        run.inWarmup ? ", during the warm-up (the figures include it)" : "");
        printTable(baseName(options.path), options.design, snap, warmupS, wallS, options.seed);
    }
    return run.interrupted ? kExitInterrupted : kExitOk;
}

} // namespace scalelab::cli
