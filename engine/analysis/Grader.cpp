#include "Grader.h"

#include "Advisor.h"
#include "MetricValue.h"
#include "model/MetricCatalog.h"
#include "model/StatedTraffic.h"
#include "run/Replications.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace scalelab::analysis {

namespace {

constexpr const char* kAllowedKindsMetric = "allowed_kinds";

bool goalApplies(const model::Goal& goal, const std::string& load)
{
    return goal.loads.empty() || std::find(goal.loads.begin(), goal.loads.end(), load) != goal.loads.end();
}

// The challenge drives these parameters: a student who removed the block, or
// replaced it with one of another kind, is told to put it back rather than
// graded on a design that ignores the stated traffic.
void throwIfFailed(const std::optional<model::OverrideError>& error, const std::string& where)
{
    if (error)
        throw GradeError(where + ": " + error->target + ": " + error->message + "; the challenge drives it, so put it back");
}

GoalResult structuralRow(const model::Architecture& design, const model::Challenge& challenge)
{
    GoalResult row;
    row.label = allowedKindsLabel(challenge);
    row.metric = kAllowedKindsMetric;
    row.load = model::Challenge::kStatedLoad;
    row.max = 0;
    std::string offending;
    int count = 0;
    for (const auto& block : design.blocks) {
        const auto& allowed = challenge.allowedKinds;
        if (std::find(allowed.begin(), allowed.end(), block.kind) != allowed.end())
            continue;
        ++count;
        offending += (offending.empty() ? "" : ", ") + (block.name.empty() ? block.id : block.name) + " (" +
                     block.kind + ")";
    }
    row.mean = count;
    row.pass = count == 0;
    if (!row.pass)
        row.detail = "not allowed here: " + offending;
    return row;
}

GoalResult measuredRow(const model::Goal& goal, const model::ChallengeLoad& load, const model::Architecture& design,
                       const std::vector<stats::Snapshot>& runs)
{
    GoalResult row;
    row.label = model::checkLabel(goal.check, design);
    row.metric = goal.check.metric;
    row.load = load.name;
    row.hidden = load.hidden;
    row.min = goal.check.min;
    row.max = goal.check.max;
    const std::vector<double> values = metricValues(runs, goal.check.metric);
    if (values.size() < runs.size() || values.empty()) {
        row.mean = std::numeric_limits<double>::quiet_NaN();
        row.halfWidth = 0;
        row.detail = "the runs do not report " + goal.check.metric + " (was the block removed?)";
        return row;
    }
    const stats::ConfidenceInterval interval = replicationInterval(values);
    row.mean = interval.mean;
    row.halfWidth = interval.halfWidth;
    row.pass = goal.check.passes(row.mean);
    return row;
}

std::optional<GradeHint> hintFor(const model::Architecture& design, const model::ChallengeLoad& load,
                                 const stats::Snapshot& run)
{
    const std::vector<Finding> findings = advise(design, run);
    if (findings.empty())
        return std::nullopt;
    const Finding& finding = findings.front(); // the bottleneck comes first when there is one
    GradeHint hint;
    hint.load = load.name;
    hint.hidden = load.hidden;
    hint.blockId = finding.blockId;
    if (const model::Block* block = design.findBlock(finding.blockId))
        hint.blockName = block->name.empty() ? block->id : block->name;
    hint.problem = finding.problem;
    hint.pattern = finding.pattern;
    hint.suggestion = finding.suggestion;
    return hint;
}

} // namespace

// The stated traffic is the same function the window's Play starts from.
model::Architecture designUnder(const model::Architecture& design, const model::ChallengeLoad& load)
{
    model::Architecture copy = design;
    copy.faults = load.faults;
    throwIfFailed(model::applyStatedTraffic(copy), "challenge.traffic");
    throwIfFailed(model::applyOverrides(copy, load.set), "challenge load \"" + load.name + "\"");
    return copy;
}

stats::ConfidenceInterval replicationInterval(const std::vector<double>& values)
{
    stats::ConfidenceInterval interval = stats::batchMeansInterval(values);
    if (!std::isfinite(interval.halfWidth))
        interval.halfWidth = 0;
    return interval;
}

std::vector<double> metricValues(const std::vector<stats::Snapshot>& runs, const std::string& metric)
{
    std::vector<double> values;
    for (const auto& run : runs)
        if (auto value = metricValue(run, metric))
            values.push_back(*value);
    return values;
}

sim::ReplicationPlan challengePlan(const model::Challenge& challenge, const GradeOptions& options)
{
    sim::ReplicationPlan plan;
    plan.warmup = sim::fromSeconds(challenge.warmupS);
    plan.duration = sim::fromSeconds(challenge.durationS);
    plan.replications = challenge.replications;
    plan.firstSeed = options.firstSeed;
    plan.threads = options.threads;
    return plan;
}

int GradeResult::passed() const
{
    return int(std::count_if(rows.begin(), rows.end(), [](const GoalResult& row) { return row.pass; }));
}

double GradeResult::scorePercent() const
{
    return rows.empty() ? 0.0 : 100.0 * passed() / double(rows.size());
}

std::vector<model::ChallengeLoad> challengeLoads(const model::Challenge& challenge)
{
    std::vector<model::ChallengeLoad> loads;
    loads.push_back({model::Challenge::kStatedLoad, false, {}, {}});
    loads.insert(loads.end(), challenge.loads.begin(), challenge.loads.end());
    return loads;
}

std::vector<GoalResult> failingFirst(const std::vector<GoalResult>& rows)
{
    std::vector<GoalResult> ordered = rows;
    std::stable_partition(ordered.begin(), ordered.end(), [](const GoalResult& row) { return !row.pass; });
    return ordered;
}

std::string allowedKindsLabel(const model::Challenge& challenge)
{
    std::string kinds;
    for (const auto& kind : challenge.allowedKinds)
        kinds += (kinds.empty() ? "" : ", ") + kind;
    return "Only these block kinds: " + kinds;
}

std::string boundText(const GoalResult& row)
{
    if (row.metric == kAllowedKindsMetric)
        return "none other";
    if (row.min && row.max)
        return model::formatMetric(row.metric, *row.min) + " to " + model::formatMetric(row.metric, *row.max);
    if (row.min)
        return ">= " + model::formatMetric(row.metric, *row.min);
    if (row.max)
        return "<= " + model::formatMetric(row.metric, *row.max);
    return "";
}

std::string loadPhrase(const std::string& load, bool hidden)
{
    if (load == model::Challenge::kStatedLoad)
        return "at the stated traffic";
    return std::string(hidden ? "under the hidden load \"" : "under the load \"") + load + "\"";
}

std::string nextStep(const GradeResult& result)
{
    if (result.cancelled || result.rows.empty())
        return "";
    if (result.allPassed())
        return "Every goal passes. Next: make it cheaper, or try the next challenge.";
    // The load with the most failures, the stated one first on a tie.
    std::vector<std::string> order;
    std::map<std::string, int> failures;
    for (const auto& row : result.rows)
        if (!row.pass && failures[row.load]++ == 0)
            order.push_back(row.load);
    std::string worst = order.front();
    for (const auto& load : order)
        if (failures[load] > failures[worst])
            worst = load;
    const int count = failures[worst];
    const GoalResult& first = *std::find_if(result.rows.begin(), result.rows.end(),
                                            [&](const GoalResult& row) { return !row.pass && row.load == worst; });
    std::string text = std::to_string(count) + (count == 1 ? " goal failed " : " goals failed ") +
                       loadPhrase(worst, first.hidden) + ": ";
    const auto hint = std::find_if(result.hints.begin(), result.hints.end(),
                                   [&](const GradeHint& h) { return h.load == worst; });
    if (first.metric == kAllowedKindsMetric)
        text += first.detail + ". Replace them with allowed kinds.";
    else if (first.metric == "cost_per_month")
        text += "over budget (" + model::formatMetric(first.metric, first.mean) + " a month, " + boundText(first) +
                "). Remove instances you do not need, or find a cheaper pattern.";
    else if (hint != result.hints.end())
        text += hint->problem + (hint->problem.empty() || hint->problem.back() == '.' ? "" : ".") + " Try " +
                hint->pattern + ": " + hint->suggestion;
    else
        text += first.label + " measured " + model::formatMetric(first.metric, first.mean) + ".";
    if (order.size() > 1)
        text += " (Goals fail under " + std::to_string(order.size() - 1) + " more load" +
                (order.size() > 2 ? "s" : "") + " too.)";
    return "Next: " + text;
}

GradeResult grade(const model::Architecture& design, const GradeOptions& options)
{
    if (!design.challenge)
        throw GradeError("the design has no \"challenge\" section: there is nothing to grade it against");
    const model::Challenge& challenge = *design.challenge;
    const std::vector<model::ChallengeLoad> loads = challengeLoads(challenge);

    // Only the loads some goal is graded under are run (the stated one always: it gives the cost).
    std::vector<const model::ChallengeLoad*> toRun;
    for (const auto& load : loads)
        if (load.name == model::Challenge::kStatedLoad ||
            std::any_of(challenge.goals.begin(), challenge.goals.end(),
                        [&](const model::Goal& goal) { return goalApplies(goal, load.name); }))
            toRun.push_back(&load);
    const int total = int(toRun.size()) * challenge.replications;

    const sim::ReplicationPlan plan = challengePlan(challenge, options);

    GradeResult result;
    std::vector<std::vector<GoalResult>> rowsByGoal(challenge.goals.size());
    int finishedBefore = 0;
    for (const model::ChallengeLoad* load : toRun) {
        const model::Architecture loadDesign = designUnder(design, *load);
        const std::vector<stats::Snapshot> runs =
            sim::runReplications(loadDesign, plan, options.cancel, [&](int done) {
                if (options.progress)
                    options.progress(finishedBefore + done, total);
            });
        finishedBefore += challenge.replications;
        if (options.cancel && options.cancel->load()) {
            result.cancelled = true;
            return result;
        }
        bool failed = false;
        for (size_t g = 0; g < challenge.goals.size(); ++g) {
            if (!goalApplies(challenge.goals[g], load->name))
                continue;
            rowsByGoal[g].push_back(measuredRow(challenge.goals[g], *load, loadDesign, runs));
            failed = failed || !rowsByGoal[g].back().pass;
        }
        if (load->name == model::Challenge::kStatedLoad) {
            std::vector<double> costs;
            for (const auto& run : runs)
                costs.push_back(run.costPerHour * stats::kHoursPerMonth);
            result.costPerMonth = stats::batchMeansInterval(costs);
        }
        if (failed && !runs.empty())
            if (auto hint = hintFor(loadDesign, *load, runs.front()))
                result.hints.push_back(*hint);
    }
    for (auto& rows : rowsByGoal)
        result.rows.insert(result.rows.end(), rows.begin(), rows.end());
    if (!challenge.allowedKinds.empty())
        result.rows.push_back(structuralRow(design, challenge));
    return result;
}

} // namespace scalelab::analysis
