#include "SimulationOptions.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "DesignCheck.h"
#include "RunProgress.h"
#include "io/ScenarioFile.h"
#include "run/Simulator.h"

namespace scalelab::cli {

void addSimulationOptions(QCommandLineParser& parser, const QString& defaultDuration, AutoWarmup autoWarmup)
{
    parser.addPositionalArgument("file", "The .scalelab design.");
    parser.addOption({"duration", "Measured simulated time (default " + defaultDuration + ").", "time", defaultDuration});
    parser.addOption({"warmup",
                      autoWarmup == AutoWarmup::Accepted
                          ? "Simulated time before measuring starts (default 5s), or auto: chosen by MSER-5 on a "
                            "pilot run."
                          : "Simulated time before measuring starts (default 5s).",
                      "time", "5s"});
    parser.addOption({"seed", "Random seed (default 1); the same seed gives the same result.", "n", "1"});
    parser.addOption({"set",
                      "Override a parameter, e.g. --set app.instances=6, or a link's, e.g. "
                      "--set 'app->db.pool_size=20' (quoted: > is the shell's) (repeatable).",
                      "ID.PARAM=VALUE"});
}

std::optional<int> readSimulationOptions(const QCommandLineParser& parser, const std::string& command,
                                         SimulationOptions& options, AutoWarmup autoWarmup)
{
    if (parser.positionalArguments().size() != 1)
        return usageError(command + " needs exactly one FILE (scalelab " + command + " FILE [options])");
    std::string error;
    const auto duration = parseDuration(parser.value("duration").toStdString(), error);
    if (!duration || *duration <= 0)
        return usageError("--duration: " + (error.empty() ? std::string("must be longer than 0") : error));
    options.autoWarmup = parser.value("warmup") == "auto";
    if (options.autoWarmup && autoWarmup == AutoWarmup::Refused)
        return usageError("--warmup auto is not available for " + command + "; give a time such as 5s");
    const auto warmup = options.autoWarmup ? std::optional<sim::SimTime>(0)
                                           : parseDuration(parser.value("warmup").toStdString(), error);
    if (!warmup)
        return usageError("--warmup: " + error);
    bool seedOk = false;
    options.seed = parser.value("seed").toULongLong(&seedOk);
    if (!seedOk)
        return usageError("--seed must be a whole number >= 0, got \"" + parser.value("seed").toStdString() + "\"");
    options.duration = *duration;
    options.warmup = *warmup;
    options.path = parser.positionalArguments().front().toStdString();
    options.design = io::readScenario(options.path);
    for (const QString& assignment : parser.values("set"))
        if (std::string problem = applyOverride(options.design, assignment.toStdString()); !problem.empty())
            return usageError(problem);
    return refuseInvalidDesign(options.design, options.path);
}

MeasuredRun simulateMeasured(const SimulationOptions& options, RunProgress& progress)
{
    sim::SimulatorOptions simulation;
    simulation.memoryBudget = options.memoryBudget;
    sim::Simulator simulator(options.design, options.seed, simulation);
    simulator.setMonitor(progress.monitor([&simulator] { return simulator.now(); }));
    MeasuredRun run;
    if (!simulator.runUntil(options.warmup)) {
        run.interrupted = run.inWarmup = true;
    } else {
        simulator.resetStats();
        run.interrupted = !simulator.runUntil(options.warmup + options.duration);
    }
    run.snapshot = simulator.snapshot();
    return run;
}

stats::Snapshot simulateMeasured(const SimulationOptions& options)
{
    sim::SimulatorOptions simulation;
    simulation.memoryBudget = options.memoryBudget;
    sim::Simulator simulator(options.design, options.seed, simulation);
    simulator.runUntil(options.warmup);
    simulator.resetStats();
    simulator.runUntil(options.warmup + options.duration);
    return simulator.snapshot();
}

} // namespace scalelab::cli
