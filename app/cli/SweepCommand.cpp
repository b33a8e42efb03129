#include "SweepCommand.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "SimulationOptions.h"
#include "analysis/CapacitySweep.h"
#include "io/ScenarioFile.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QtConcurrent>

#include <cmath>
#include <cstdio>

namespace scalelab::cli {

namespace {

struct SweepSettings {
    int fromPercent = 10, toPercent = 150, steps = 15;
    double warmupS = analysis::kSweepWarmupS, measureS = 30;
    uint64_t seed = 1;
    int replications = 1; // per point
};

void printJson(const std::string& file, const SweepSettings& settings, const std::vector<analysis::SweepPoint>& points,
               int knee)
{
    nlohmann::ordered_json json;
    json["file"] = file;
    json["seed"] = settings.seed;
    json["warmup_s"] = settings.warmupS;
    json["measure_s"] = settings.measureS;
    json["replications"] = settings.replications;
    json["confidence"] = analysis::kSweepConfidence;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& point : points) {
        nlohmann::ordered_json row;
        for (const auto& field : analysis::sweepFields()) {
            const double value = point.*field.member;
            // JSON has no infinity: a saturated design's analytic latency is null.
            row[field.name] = std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
        }
        rows.push_back(std::move(row));
    }
    json["points"] = std::move(rows);
    json["knee_index"] = knee >= 0 ? nlohmann::ordered_json(knee) : nlohmann::ordered_json(nullptr);
    json["knee_load_factor"] = knee >= 0 ? nlohmann::ordered_json(points[size_t(knee)].loadFactor)
                                         : nlohmann::ordered_json(nullptr);
    std::printf("%s\n", json.dump(2).c_str());
}

// "12.34" or, with replications, "12.34 ± 0.56", right-aligned in `width` columns.
std::string figure(double value, double halfWidth, int decimals, bool withHalfWidth, int width)
{
    char text[64];
    if (withHalfWidth)
        std::snprintf(text, sizeof text, "%.*f ± %.*f", decimals, value, decimals, halfWidth);
    else
        std::snprintf(text, sizeof text, "%.*f", decimals, value);
    // ± is two bytes but one column.
    char padded[80];
    std::snprintf(padded, sizeof padded, "%*s", width + (withHalfWidth ? 1 : 0), text);
    return padded;
}

void printTable(const std::string& file, const SweepSettings& settings,
                const std::vector<analysis::SweepPoint>& points, int knee)
{
    std::printf("%s: capacity sweep from %d%% to %d%% of today's load in %d steps, %.0f s measured after %.0f s "
                "warm-up each, seed %llu\n",
                file.c_str(), settings.fromPercent, settings.toPercent, settings.steps, settings.measureS,
                settings.warmupS, static_cast<unsigned long long>(settings.seed));
    const bool intervals = settings.replications > 1;
    if (intervals)
        std::printf("%d replications per point (seeds %llu..%llu): figures are means ± %.0f%% half-width\n",
                    settings.replications, static_cast<unsigned long long>(settings.seed),
                    static_cast<unsigned long long>(settings.seed + uint64_t(settings.replications) - 1),
                    analysis::kSweepConfidence * 100);
    std::printf("\n");
    const int wide = intervals ? 9 : 0; // room for " ± x.xx"
    std::printf("%6s %11s %*s %*s %*s %8s %12s %13s\n", "load", "offered/s", 11 + wide, "through/s", 9 + wide,
                "p95 ms", 9 + wide, "mean ms", "errors", "analytic ms", "busiest pool");
    for (size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        char analytic[16] = "saturated";
        if (std::isfinite(p.analyticMeanMs))
            std::snprintf(analytic, sizeof analytic, "%.2f", p.analyticMeanMs);
        std::printf("%5.0f%% %11.1f %s %s %s %7.2f%% %12s %12.1f%%%s\n", p.loadFactor * 100, p.offeredRps,
                    figure(p.throughputRps, p.throughputHalfWidthRps, 1, intervals, 11 + wide).c_str(),
                    figure(p.p95Ms, p.p95HalfWidthMs, 2, intervals, 9 + wide).c_str(),
                    figure(p.meanMs, p.meanHalfWidthMs, 2, intervals, 9 + wide).c_str(), p.errorRate * 100, analytic,
                    p.analyticBottleneckUtilization * 100, int(i) == knee ? "  <- knee" : "");
    }
    if (knee < 0) {
        std::printf("\nno knee up to %d%%: p95 stayed within 2x of its low-load value and throughput kept up\n",
                    settings.toPercent);
        return;
    }
    const auto& at = points[size_t(knee)];
    std::printf("\nknee at %.0f%% of today's load (%.1f rps offered): p95 %.2f ms (%.2f ms at low load), "
                "throughput %.1f%% of offered\n",
                at.loadFactor * 100, at.offeredRps, at.p95Ms, points.front().p95Ms,
                at.offeredRps > 0 ? 100 * at.throughputRps / at.offeredRps : 0.0);
}

} // namespace

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
        printJson(baseName(path), settings, points, knee);
    else
        printTable(baseName(path), settings, points, knee);
    return kExitOk;
}

} // namespace scalelab::cli
