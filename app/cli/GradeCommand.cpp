#include "GradeCommand.h"

#include "CliOutput.h"
#include "DesignCheck.h"
#include "RubricOutput.h"
#include "analysis/Grader.h"
#include "io/ScenarioFile.h"
#include "model/MetricCatalog.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scalelab::cli {

namespace {

std::string loadText(const analysis::GoalResult& row)
{
    return row.hidden ? row.load + " (hidden)" : row.load;
}

std::string measuredText(const analysis::GoalResult& row)
{
    if (row.metric == "allowed_kinds")
        return row.pass ? "none other" : std::to_string(int(row.mean)) + " other";
    if (!std::isfinite(row.mean))
        return "not measured";
    return model::formatEstimate(row.metric, row.mean, row.halfWidth);
}

nlohmann::ordered_json optionalNumber(const std::optional<double>& value)
{
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

void printJson(const model::Challenge& challenge, const analysis::GradeResult& result)
{
    nlohmann::ordered_json goals = nlohmann::ordered_json::array();
    for (const auto& row : result.rows)
        goals.push_back({{"label", row.label},
                         {"metric", row.metric},
                         {"load", row.load},
                         {"hidden", row.hidden},
                         {"mean", std::isfinite(row.mean) ? nlohmann::ordered_json(row.mean) : nullptr},
                         {"half_width", row.halfWidth},
                         {"min", optionalNumber(row.min)},
                         {"max", optionalNumber(row.max)},
                         {"pass", row.pass},
                         {"detail", row.detail}});
    nlohmann::ordered_json hints = nlohmann::ordered_json::array();
    for (const auto& hint : result.hints)
        hints.push_back({{"load", hint.load},
                         {"hidden", hint.hidden},
                         {"block", hint.blockId},
                         {"problem", hint.problem},
                         {"pattern", hint.pattern},
                         {"suggestion", hint.suggestion}});
    const nlohmann::ordered_json out{
        {"title", challenge.title},
        {"level", challenge.level},
        {"passed", result.passed()},
        {"goals_total", result.rows.size()},
        {"score_percent", result.scorePercent()},
        {"all_passed", result.allPassed()},
        {"cost_per_month", {{"mean", result.costPerMonth.mean}, {"half_width", result.costPerMonth.halfWidth}}},
        {"next", analysis::nextStep(result)},
        {"goals", goals},
        {"hints", hints}};
    std::printf("%s\n", out.dump(2).c_str());
}

void printTable(const model::Challenge& challenge, const analysis::GradeResult& result)
{
    std::printf("%s (level %d), %d replications per load\n\n", challenge.title.c_str(), challenge.level,
                challenge.replications);
    size_t goalWidth = 4, loadWidth = 4, measuredWidth = 8, boundWidth = 5;
    for (const auto& row : result.rows) {
        goalWidth = std::max(goalWidth, row.label.size());
        loadWidth = std::max(loadWidth, loadText(row).size());
        measuredWidth = std::max(measuredWidth, measuredText(row).size());
        boundWidth = std::max(boundWidth, analysis::boundText(row).size());
    }
    const auto line = [&](const std::string& goal, const std::string& load, const std::string& measured,
                          const std::string& bound, const std::string& verdict) {
        // "±" is two bytes but one column: pad by what the eye sees.
        const int extra = int(measured.find("±") != std::string::npos);
        std::printf("%-*s  %-*s  %-*s  %-*s  %s\n", int(goalWidth), goal.c_str(), int(loadWidth), load.c_str(),
                    int(measuredWidth) + extra, measured.c_str(), int(boundWidth), bound.c_str(), verdict.c_str());
    };
    line("Goal", "Load", "Measured (95% CI)", "Bound", "Result");
    for (const auto& row : result.rows) {
        line(row.label, loadText(row), measuredText(row), analysis::boundText(row), row.pass ? "PASS" : "FAIL");
        if (!row.pass && !row.detail.empty())
            std::printf("  -> %s\n", row.detail.c_str());
    }
    std::printf("\nScore: %d of %zu goals passed (%.0f%%)\n", result.passed(), result.rows.size(),
                result.scorePercent());
    std::printf("Cost at the stated load: %s ± %s a month\n",
                model::formatMetric("cost_per_month", result.costPerMonth.mean).c_str(),
                model::formatMetric("cost_per_month", result.costPerMonth.halfWidth).c_str());
    if (const std::string next = analysis::nextStep(result); !next.empty())
        std::printf("\n%s\n", next.c_str());
    if (!result.hints.empty()) {
        std::printf("\nHints:\n");
        for (const auto& hint : result.hints)
            std::printf("  under %s: %s\n    -> %s: %s\n", hint.hidden ? (hint.load + " (hidden)").c_str() : hint.load.c_str(),
                        hint.problem.c_str(), hint.pattern.c_str(), hint.suggestion.c_str());
    }
}

} // namespace

int gradeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Grade a design against its challenge: every goal under the stated traffic "
                                     "and the hidden loads, with 95% intervals across replications. Exit status "
                                     "0 when every goal passes, 1 when one fails.");
    parser.addPositionalArgument("file", "The .scalelab design with a \"challenge\" section.");
    parser.addOption({"json", "Print the result as JSON."});
    parser.addOption({"rubric", "Score the design on the five interview dimensions (scalability, availability, "
                                "latency, cost, trade-offs), 20 points each, with the evidence per criterion. "
                                "Exit status 0 for Excellent or Good, 1 below."});
    parser.addOption({"threads", "Simulation threads (default: one per core).", "n", "0"});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    if (parser.positionalArguments().size() != 1)
        return usageError("grade needs exactly one FILE (scalelab grade FILE [--rubric] [--json] [--threads N])");
    bool threadsOk = false;
    const int threads = parser.value("threads").toInt(&threadsOk);
    if (!threadsOk || threads < 0 || threads > 256)
        return usageError("--threads must be a whole number from 0 to 256, got \"" +
                          parser.value("threads").toStdString() + "\"");

    const std::string path = parser.positionalArguments().front().toStdString();
    const model::Architecture design = io::readScenario(path);
    if (auto status = refuseInvalidDesign(design, path))
        return *status;
    if (!design.challenge)
        return failure(path + ": no \"challenge\" section, so there is nothing to grade (see README, \"challenge\")");
    analysis::GradeOptions options;
    options.threads = unsigned(threads);
    if (parser.isSet("rubric")) {
        const analysis::RubricResult rubric = analysis::gradeRubric(design, options);
        if (parser.isSet("json"))
            printRubricJson(*design.challenge, rubric);
        else
            printRubricTable(*design.challenge, rubric);
        const auto verdict = rubric.verdict();
        return verdict == analysis::RubricVerdict::Excellent || verdict == analysis::RubricVerdict::Good ? kExitOk
                                                                                                         : kExitFailure;
    }
    const analysis::GradeResult result = analysis::grade(design, options);
    if (parser.isSet("json"))
        printJson(*design.challenge, result);
    else
        printTable(*design.challenge, result);
    return result.allPassed() ? kExitOk : kExitFailure;
}

} // namespace scalelab::cli
