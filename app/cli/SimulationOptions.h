#pragma once
// The options every simulating subcommand shares (run, sweep): the design
// FILE with its --set overrides, --duration, --warmup and --seed. Declared
// and checked in one place so their spelling and errors never drift apart.
#include "model/Architecture.h"
#include "core/SimTime.h"
#include "sim/MemoryBudget.h"
#include "stats/Snapshot.h"

#include <QCommandLineParser>

#include <optional>
#include <string>

namespace scalelab::cli {

struct SimulationOptions {
    std::string path;
    model::Architecture design; // as loaded, overrides applied
    sim::SimTime duration = 0;
    sim::SimTime warmup = 0;
    bool autoWarmup = false; // --warmup auto: chosen by MSER-5 (sim/AutoWarmup.h) before running
    uint64_t seed = 1;
    size_t memoryBudget = sim::MemoryBudget::kDefaultBytes; // run's --memory-budget (sim/MemoryBudget.h)
};

// Whether a subcommand accepts `--warmup auto`.
enum class AutoWarmup { Refused, Accepted };

// `defaultDuration` e.g. "60s"; `command` names the subcommand in errors.
void addSimulationOptions(QCommandLineParser& parser, const QString& defaultDuration,
                          AutoWarmup autoWarmup = AutoWarmup::Refused);
// Reads and checks them and loads the design; the exit status to stop with
// (after printing why) or nullopt to go on. File errors throw io::LoadError.
std::optional<int> readSimulationOptions(const QCommandLineParser& parser, const std::string& command,
                                         SimulationOptions& options, AutoWarmup autoWarmup = AutoWarmup::Refused);
// Simulates the warm-up, forgets it, simulates the duration; the snapshot
// of the measured period.
stats::Snapshot simulateMeasured(const SimulationOptions& options);

class RunProgress;

// A run that shows its progress and may be stopped with Ctrl+C (RunProgress.h).
struct MeasuredRun {
    stats::Snapshot snapshot;
    bool interrupted = false; // stopped early: the snapshot holds what was measured until then
    bool inWarmup = false;    // stopped during the warm-up: nothing was forgotten, the figures include it
};
MeasuredRun simulateMeasured(const SimulationOptions& options, RunProgress& progress);

} // namespace scalelab::cli
