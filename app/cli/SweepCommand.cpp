#include "SweepCommand.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "SimulationOptions.h"
#include "SweepJobs.h"
#include "SweepOutput.h"
#include "analysis/CapacitySweep.h"
#include "io/ScenarioFile.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QtConcurrent>

#include <cmath>
#include <cstdio>

namespace scalelab::cli {

int sweepCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Simulate a design at rising multiples of its load, beside the analytic model, "
                                     "and find the knee: where p95 doubles or throughput falls behind.");
    addSimulationOptions(parser, "30s");
    parser.addOption({"from", "Lowest load, in percent of the design's own (default 10).", "percent", "10"});
    parser.addOption({"to", "Highest load, in percent (default 150).", "percent", "150"});
    parser.addOption({"steps", "Number of load points, both ends included (default 15).", "n", "15"});
    parser.addOption({"replications", "Simulate each point N times (seeds SEED..SEED+N-1) and give its figures a "
                                      "95% half-width (default 1).",
                      "n", "1"});
    parser.addOption({"json", "Print the points as JSON."});
    parser.addOption({"plan", "Do not run: write one self-contained job per point to OUT.jsonl, for `scalelab "
                              "run-job` on other cores or machines and `scalelab merge` (README, \"Sweeps beyond one "
                              "machine\").",
                      "OUT.jsonl"});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    SimulationOptions options;
    if (auto status = readSimulationOptions(parser, "sweep", options))
        return *status;
    SweepSettings settings;
    bool ok = false;
    settings.fromPercent = parser.value("from").toInt(&ok);
    if (!ok || settings.fromPercent < 0)
        return usageError("--from must be a whole percentage >= 0, got \"" + parser.value("from").toStdString() + "\"");
    settings.toPercent = parser.value("to").toInt(&ok);
    if (!ok || settings.toPercent <= settings.fromPercent)
        return usageError("--to must be a whole percentage above --from, got \"" + parser.value("to").toStdString() +
                          "\"");
    settings.steps = parser.value("steps").toInt(&ok);
    if (!ok || settings.steps < 2 || settings.steps > 1000)
        return usageError("--steps must be a whole number from 2 to 1000, got \"" +
                          parser.value("steps").toStdString() + "\"");
    settings.replications = parser.value("replications").toInt(&ok);
    if (!ok || settings.replications < 1 || settings.replications > 1000)
        return usageError("--replications must be a whole number from 1 to 1000, got \"" +
                          parser.value("replications").toStdString() + "\"");
    settings.measureS = sim::toSeconds(options.duration);
    settings.warmupS = sim::toSeconds(options.warmup);
    settings.seed = options.seed;
    const model::Architecture& architecture = options.design;
    const std::string& path = options.path;
    if (parser.isSet("plan"))
        return writeSweepPlan(parser.value("plan").toStdString(), baseName(path), architecture, settings);
    // The first point reports a design with errors before the others start.
    const auto factors = analysis::sweepFactors(settings.fromPercent / 100.0, settings.toPercent / 100.0, settings.steps);
    std::vector<analysis::SweepPoint> points{
        analysis::runSweepPoint(architecture, factors.front(), settings.seed, settings.warmupS, settings.measureS,
                                settings.replications)};
    // Points are independent runs: spread them over the cores; the result does not depend on it.
    const QList<analysis::SweepPoint> rest = QtConcurrent::blockingMapped<QList<analysis::SweepPoint>>(
        QList<double>(factors.begin() + 1, factors.end()), [&](double factor) {
            return analysis::runSweepPoint(architecture, factor, settings.seed, settings.warmupS, settings.measureS,
                                           settings.replications);
        });
    points.insert(points.end(), rest.begin(), rest.end());

    const int knee = analysis::findKnee(points);
    if (parser.isSet("json"))
        printSweepJson(baseName(path), settings, points, knee);
    else
        printSweepTable(baseName(path), settings, points, knee);
    return kExitOk;
}

} // namespace scalelab::cli
