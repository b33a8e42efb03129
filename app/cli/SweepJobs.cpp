#include "SweepJobs.h"

#include "CliOutput.h"
#include "io/LoadError.h"
#include "io/ScenarioFile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>

namespace scalelab::cli {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kJobFormat = "scalelab-sweep-job";
constexpr const char* kResultFormat = "scalelab-sweep-result";

ordered_json settingsJson(const SweepSettings& settings)
{
    return {{"from_percent", settings.fromPercent}, {"to_percent", settings.toPercent},
            {"steps", settings.steps},             {"warmup_s", settings.warmupS},
            {"measure_s", settings.measureS},      {"seed", settings.seed},
            {"replications", settings.replications}};
}

SweepSettings settingsFrom(const json& json)
{
    SweepSettings settings;
    settings.fromPercent = json.at("from_percent").get<int>();
    settings.toPercent = json.at("to_percent").get<int>();
    settings.steps = json.at("steps").get<int>();
    settings.warmupS = json.at("warmup_s").get<double>();
    settings.measureS = json.at("measure_s").get<double>();
    settings.seed = json.at("seed").get<uint64_t>();
    settings.replications = json.at("replications").get<int>();
    return settings;
}

// A job or result line, parsed and checked for its format; throws
// std::runtime_error saying what is wrong with it.
json parseLine(const std::string& text, const char* format)
{
    json line = json::parse(text, nullptr, false);
    if (line.is_discarded() || !line.is_object())
        throw std::runtime_error("not a JSON object");
    if (line.value("format", std::string()) != format)
        throw std::runtime_error(std::string("\"format\" must be \"") + format + "\"");
    if (line.value("version", 0) != 1)
        throw std::runtime_error("\"version\" must be 1");
    return line;
}

ordered_json runJob(const json& job)
{
    const std::string file = job.at("file").get<std::string>();
    const model::Architecture design = io::parseScenario(job.at("design").dump(), file);
    const SweepSettings settings = settingsFrom(job.at("settings"));
    const analysis::SweepPoint point = analysis::runSweepPoint(
        design, job.at("load_factor").get<double>(), settings.seed, settings.warmupS, settings.measureS,
        settings.replications);
    return {{"format", kResultFormat},       {"version", 1},
            {"index", job.at("index")},      {"points", job.at("points")},
            {"file", file},                  {"settings", job.at("settings")},
            {"point", sweepPointJson(point)}};
}

// The line `index` (0-based) of a plan file.
std::string planLine(const QString& plan, int index)
{
    QFile in(plan);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text))
        throw std::runtime_error(plan.toStdString() + ": cannot open: " + in.errorString().toStdString());
    QTextStream stream(&in);
    for (int i = 0; !stream.atEnd(); ++i) {
        const QString line = stream.readLine();
        if (i == index)
            return line.toStdString();
    }
    throw std::runtime_error(plan.toStdString() + ": has no job " + std::to_string(index) + " (jobs count from 0)");
}

// nlohmann's "[json.exception.out_of_range.403] key 'file' not found" without
// the bracket, which means nothing to a user.
std::string plainError(const std::exception& error)
{
    std::string text = error.what();
    if (text.rfind("[json.exception.", 0) == 0)
        if (const auto end = text.find("] "); end != std::string::npos)
            text = "missing or wrong field: " + text.substr(end + 2);
    return text;
}

} // namespace

int writeSweepPlan(const std::string& out, const std::string& file, const model::Architecture& design,
                   const SweepSettings& settings)
{
    const json designJson = json::parse(io::serializeScenario(design));
    const auto factors =
        analysis::sweepFactors(settings.fromPercent / 100.0, settings.toPercent / 100.0, settings.steps);
    QSaveFile plan(QString::fromStdString(out));
    if (!plan.open(QIODevice::WriteOnly))
        return failure(out + ": cannot write: " + plan.errorString().toStdString());
    for (size_t i = 0; i < factors.size(); ++i) {
        const ordered_json job{{"format", kJobFormat},         {"version", 1},
                               {"index", i},                   {"points", factors.size()},
                               {"file", file},                 {"settings", settingsJson(settings)},
                               {"load_factor", factors[i]},    {"design", designJson}};
        plan.write(QByteArray::fromStdString(job.dump() + "\n"));
    }
    if (!plan.commit())
        return failure(out + ": cannot write: " + plan.errorString().toStdString());
    std::fprintf(stderr, "%s: %zu jobs, one per load point\n", out.c_str(), factors.size());
    return kExitOk;
}

int runJobCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Run one job of a planned sweep (scalelab sweep FILE --plan OUT.jsonl) and "
                                     "print its result as one JSON line, for scalelab merge.");
    parser.addPositionalArgument("line", "The job's line, or - to read it from standard input.");
    parser.addOption({"plan", "Read the job from this plan file instead (with --index).", "FILE"});
    parser.addOption({"index", "The job's index in --plan, from 0 (a Slurm array task or Kubernetes completion "
                               "index).",
                      "N"});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    std::string text;
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet("plan")) {
        bool ok = false;
        const int index = parser.value("index").toInt(&ok);
        if (!ok || index < 0 || !positional.isEmpty())
            return usageError("run-job --plan FILE needs --index N (a whole number from 0) and no job line");
        text = planLine(parser.value("plan"), index);
    } else if (positional.size() == 1) {
        text = positional.front().toStdString();
        if (text == "-")
            std::getline(std::cin, text);
    } else {
        return usageError("run-job needs one job line (or -, or --plan FILE --index N)");
    }
    try {
        const json job = parseLine(text, kJobFormat);
        std::printf("%s\n", runJob(job).dump().c_str());
    } catch (const io::LoadError&) {
        throw; // names the design's file and JSON path already
    } catch (const std::exception& error) {
        return failure("job line: " + plainError(error));
    }
    return kExitOk;
}

int mergeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Merge the results of a planned sweep's jobs (scalelab run-job) into the "
                                     "sweep's table, or JSON, with its knee.");
    parser.addPositionalArgument("results", "Files of result lines (any order, one or many per file; - reads "
                                             "standard input).");
    parser.addOption({"json", "Print the points as JSON."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    if (parser.positionalArguments().isEmpty())
        return usageError("merge needs the result files (scalelab merge results/*.json)");
    std::map<int, analysis::SweepPoint> points;
    json first;
    for (const QString& name : parser.positionalArguments()) {
        // std::istream rather than QFile: results often come through a pipe
        // (`parallel ... | scalelab merge -`), which QFile sees as ended at once.
        std::ifstream file;
        if (name != "-") {
            file.open(name.toStdString());
            if (!file)
                return failure(name.toStdString() + ": cannot open");
        }
        std::istream& in = name == "-" ? std::cin : file;
        int lineNumber = 0;
        for (std::string text; std::getline(in, text);) {
            ++lineNumber;
            if (text.find_first_not_of(" \t\r") == std::string::npos)
                continue;
            const std::string where = (name == "-" ? std::string("stdin") : name.toStdString()) + ": line " +
                                      std::to_string(lineNumber) + ": ";
            try {
                const json result = parseLine(text, kResultFormat);
                if (first.is_null())
                    first = result;
                else if (result.at("file") != first.at("file") || result.at("settings") != first.at("settings") ||
                         result.at("points") != first.at("points"))
                    return failure(where + "belongs to another sweep (its file or settings differ)");
                const int index = result.at("index").get<int>();
                if (!points.emplace(index, sweepPointFromJson(result.at("point"))).second)
                    return failure(where + "job " + std::to_string(index) + " appears twice");
            } catch (const std::exception& error) {
                return failure(where + plainError(error));
            }
        }
    }
    if (first.is_null())
        return failure("the result files hold no result");
    const int count = first.at("points").get<int>();
    std::string missing;
    for (int i = 0; i < count; ++i)
        if (!points.count(i))
            missing += (missing.empty() ? "" : ", ") + std::to_string(i);
    if (!missing.empty())
        return failure("the sweep is incomplete: no result for job " + missing);
    std::vector<analysis::SweepPoint> ordered;
    for (const auto& [index, point] : points)
        ordered.push_back(point);
    const SweepSettings settings = settingsFrom(first.at("settings"));
    const int knee = analysis::findKnee(ordered);
    const std::string file = first.at("file").get<std::string>();
    if (parser.isSet("json"))
        printSweepJson(file, settings, ordered, knee);
    else
        printSweepTable(file, settings, ordered, knee);
    return kExitOk;
}

} // namespace scalelab::cli
