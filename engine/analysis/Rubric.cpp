#include "Rubric.h"

#include "RubricRuns.h"
#include "RubricStructure.h"
#include "model/MetricCatalog.h"

#include <algorithm>
#include <cmath>

namespace scalelab::analysis {

namespace {

// Scalability: the SLO at the stated peak, errors under a 2x surge, headroom.
constexpr double kSloAtPeakPoints = 8, kSurgePoints = 7, kHeadroomPoints = 5;
constexpr double kHeadroomUtilisation = 0.75, kTightUtilisation = 0.9;
// Latency: the SLO percentile, p50, synchronous hops.
constexpr double kPercentilePoints = 10, kMedianPoints = 5, kHopsPoints = 5;
constexpr double kNearSlo = 1.25;            // within 25% of the bound: half the points
constexpr double kMedianShareOfSlo = 0.5;    // p50 within half the SLO bound
constexpr int kEnoughHops = 5, kTooManyHops = 7; // client -> edge -> app -> cache -> store, and one more
// Cost: the budget, idle tiers.
constexpr double kBudgetPoints = 14, kIdlePoints = 6, kIdlePenalty = 2;
constexpr double kNearBudget = 1.25, kIdleUtilisation = 0.2;
// The error budget when the challenge states none.
constexpr double kDefaultErrorBudget = 0.01;
// A failure scenario above this error rate took the service down, not just degraded it.
constexpr double kOutage = 0.5;

const char* lessonFor(RubricDimension dimension)
{
    switch (dimension) {
    case RubricDimension::Scalability: return ":/lessons/scale-up-or-out.scalelab";
    case RubricDimension::Availability: return ":/lessons/replication.scalelab";
    case RubricDimension::Latency: return ":/lessons/caching.scalelab";
    case RubricDimension::Cost: return ":/lessons/autoscaling.scalelab";
    case RubricDimension::TradeOffs: return ":/lessons/circuit-breaker.scalelab";
    }
    return "";
}

bool isPercentile(const std::string& metric)
{
    return metric == "p95_ms" || metric == "p99_ms" || metric == "p999_ms";
}

bool appliesToStated(const model::Goal& goal)
{
    return goal.loads.empty() || std::find(goal.loads.begin(), goal.loads.end(),
                                           std::string(model::Challenge::kStatedLoad)) != goal.loads.end();
}

double errorBudget(const model::Challenge& challenge)
{
    for (const auto& goal : challenge.goals)
        if (goal.check.metric == "error_rate" && goal.check.max)
            return *goal.check.max;
    return kDefaultErrorBudget;
}

// Measured evidence of `metric` over a run's replications.
RubricEvidence measured(const std::string& criterion, const RubricRun& run, const std::string& metric,
                        double maxPoints)
{
    RubricEvidence evidence;
    evidence.criterion = criterion;
    evidence.run = run.name + " (" + std::to_string(run.runs.size()) + " runs of " +
                   std::to_string(std::lround(sim::toSeconds(run.plan.duration))) + " s)";
    evidence.maxPoints = maxPoints;
    const auto spec = std::find_if(model::runMetrics().begin(), model::runMetrics().end(),
                                   [&](const model::MetricSpec& m) { return m.name == metric; });
    const bool ratio = spec != model::runMetrics().end() && spec->ratio;
    const stats::ConfidenceInterval interval = replicationInterval(metricValues(run.runs, metric));
    evidence.value = ratio ? interval.mean * 100 : interval.mean;
    evidence.halfWidth = ratio ? interval.halfWidth * 100 : interval.halfWidth;
    evidence.unit = ratio ? "%" : metric == "cost_per_month" ? "$/month" : spec != model::runMetrics().end() ? spec->unit : "";
    return evidence;
}

// Full points at or under `bound`, half up to `near` times it, none beyond.
double graded(double value, double bound, double near, double points)
{
    if (!std::isfinite(value))
        return 0;
    return value <= bound ? points : value <= bound * near ? points / 2 : 0;
}

std::string percentText(double ratio)
{
    return model::formatMetric("error_rate", ratio);
}

// The busiest worker tier's mean utilisation over the runs.
std::pair<std::string, stats::ConfidenceInterval> busiest(const RubricRun& run)
{
    std::pair<std::string, stats::ConfidenceInterval> best{"", {}};
    if (run.runs.empty())
        return best;
    for (const auto& block : run.runs.front().blocks) {
        if (!block.hasWorkers)
            continue;
        std::vector<double> values;
        for (const auto& snapshot : run.runs)
            for (const auto& b : snapshot.blocks)
                if (b.id == block.id)
                    values.push_back(b.utilization);
        const stats::ConfidenceInterval interval = replicationInterval(values);
        if (best.first.empty() || interval.mean > best.second.mean)
            best = {block.id, interval};
    }
    return best;
}

RubricScore scalability(const model::Architecture& design, const RubricRun& stated, const RubricRun& surge)
{
    const model::Challenge& challenge = *design.challenge;
    RubricScore score;
    score.dimension = RubricDimension::Scalability;
    std::vector<const model::Goal*> slo;
    for (const auto& goal : challenge.goals)
        if (appliesToStated(goal) && (isPercentile(goal.check.metric) || goal.check.metric == "error_rate"))
            slo.push_back(&goal);
    const double budget = errorBudget(challenge);
    if (slo.empty()) {
        RubricEvidence evidence = measured("Errors within the budget at the stated peak", stated, "error_rate", kSloAtPeakPoints);
        evidence.points = graded(evidence.value / 100, budget, 3, kSloAtPeakPoints);
        evidence.detail = "budget " + percentText(budget);
        score.evidence.push_back(evidence);
    }
    for (const model::Goal* goal : slo) {
        RubricEvidence evidence = measured(model::checkLabel(goal->check, stated.design) + " at the stated peak", stated,
                                           goal->check.metric, kSloAtPeakPoints / double(slo.size()));
        const auto values = metricValues(stated.runs, goal->check.metric);
        const bool pass = !values.empty() && goal->check.passes(replicationInterval(values).mean);
        evidence.points = pass ? evidence.maxPoints : 0;
        if (!pass)
            evidence.detail = "the SLO is missed at the traffic the design was asked to carry";
        score.evidence.push_back(evidence);
    }
    RubricEvidence doubled = measured("Errors within the budget under a 2x surge", surge, "error_rate", kSurgePoints);
    doubled.points = graded(doubled.value / 100, budget, 3, kSurgePoints);
    doubled.detail = "budget " + percentText(budget) + "; every client's rate doubled";
    if (doubled.points < kSurgePoints) {
        const auto [id, load] = busiest(surge);
        if (!id.empty())
            doubled.detail += "; " + blockLabel(design, id) + " runs at " + percentText(load.mean) + " busy";
    }
    score.evidence.push_back(doubled);
    RubricEvidence headroom;
    headroom.criterion = "Headroom: the busiest tier below 75% busy at the stated peak";
    headroom.run = score.evidence.front().run;
    headroom.maxPoints = kHeadroomPoints;
    headroom.unit = "%";
    const auto [id, load] = busiest(stated);
    if (id.empty()) {
        headroom.points = kHeadroomPoints;
        headroom.detail = "no tier with workers to saturate";
    } else {
        headroom.value = load.mean * 100;
        headroom.halfWidth = load.halfWidth * 100;
        headroom.points = graded(load.mean, kHeadroomUtilisation, kTightUtilisation / kHeadroomUtilisation, kHeadroomPoints);
        headroom.detail = "busiest: " + blockLabel(design, id);
    }
    score.evidence.push_back(headroom);
    return score;
}

RubricScore availability(const model::Architecture& design, const std::vector<RubricRun>& runs)
{
    RubricScore score;
    score.dimension = RubricDimension::Availability;
    const double budget = errorBudget(*design.challenge);
    std::vector<const RubricRun*> failures;
    for (const auto& run : runs)
        if (run.purpose == RubricRun::Purpose::Failure)
            failures.push_back(&run);
    if (failures.empty()) {
        RubricEvidence evidence;
        evidence.criterion = "Every block survives being killed";
        evidence.run = "the design";
        evidence.points = evidence.maxPoints = kRubricDimensionPoints;
        evidence.detail = "no block of the design can be killed by a fault (all are managed services)";
        score.evidence.push_back(evidence);
        return score;
    }
    const double share = kRubricDimensionPoints / double(failures.size());
    for (const RubricRun* run : failures) {
        RubricEvidence evidence = measured("Errors within the budget: " + run->name, *run, "error_rate", share);
        const double errors = evidence.value / 100;
        evidence.points = errors <= budget ? share : errors <= kOutage ? share / 2 : 0;
        if (errors > budget)
            evidence.detail = run->target + " is a single point of failure: " + percentText(errors) +
                              " of requests fail " + run->name + " (budget " + percentText(budget) + ")";
        else
            evidence.detail = "survived; budget " + percentText(budget);
        score.evidence.push_back(evidence);
    }
    return score;
}

const model::Goal* percentileGoal(const model::Challenge& challenge)
{
    for (const auto& goal : challenge.goals)
        if (appliesToStated(goal) && isPercentile(goal.check.metric) && goal.check.max)
            return &goal;
    return nullptr;
}

RubricScore latency(const model::Architecture& design, const RubricRun& stated)
{
    RubricScore score;
    score.dimension = RubricDimension::Latency;
    const model::Goal* goal = percentileGoal(*design.challenge);
    const std::string metric = goal ? goal->check.metric : "p95_ms";
    // Without a percentile goal, the SLO the clients carry.
    double bound = goal ? *goal->check.max : 0;
    if (!goal)
        for (const auto& block : stated.design.blocks)
            if (block.params.count("slo_p95_ms"))
                bound = std::max(bound, block.param("slo_p95_ms"));
    RubricEvidence percentile = measured(model::metricLabel(metric, stated.design) + " within the SLO (" +
                                             model::formatMetric(metric, bound) + ")",
                                         stated, metric, kPercentilePoints);
    percentile.points = graded(percentile.value, bound, kNearSlo, kPercentilePoints);
    if (percentile.points < kPercentilePoints)
        percentile.detail = "over the SLO; half the points up to " + model::formatMetric(metric, bound * kNearSlo);
    RubricEvidence median = measured("p50 within half the SLO (" + model::formatMetric("p50_ms", bound * kMedianShareOfSlo) + ")",
                                     stated, "p50_ms", kMedianPoints);
    median.points = graded(median.value, bound * kMedianShareOfSlo, 1 / kMedianShareOfSlo, kMedianPoints);
    if (median.points < kMedianPoints)
        median.detail = "the typical request is slow, not just the tail";
    RubricEvidence hops;
    hops.criterion = "Synchronous hops on the critical path (at most " + std::to_string(kEnoughHops) + ")";
    hops.run = "the design";
    hops.unit = "hops";
    hops.maxPoints = kHopsPoints;
    const std::vector<std::string> path = criticalPath(design);
    hops.value = double(path.size());
    hops.points = path.size() <= size_t(kEnoughHops) ? kHopsPoints : path.size() <= size_t(kTooManyHops) ? kHopsPoints / 2 : 0;
    for (const auto& name : path)
        hops.detail += (hops.detail.empty() ? "client -> " : " -> ") + name;
    score.evidence = {percentile, median, hops};
    return score;
}

RubricScore cost(const model::Architecture& design, const RubricRun& stated)
{
    RubricScore score;
    score.dimension = RubricDimension::Cost;
    double budget = design.interview ? design.interview->budgetPerMonth : 0;
    if (budget <= 0)
        for (const auto& goal : design.challenge->goals)
            if (goal.check.metric == "cost_per_month" && goal.check.max)
                budget = *goal.check.max;
    RubricEvidence monthly = measured(budget > 0 ? "Monthly cost within the budget (" +
                                                       model::formatMetric("cost_per_month", budget) + ")"
                                                 : "Monthly cost (no budget stated)",
                                      stated, "cost_per_month", kBudgetPoints);
    monthly.points = budget > 0 ? graded(monthly.value, budget, kNearBudget, kBudgetPoints) : kBudgetPoints;
    if (monthly.points < kBudgetPoints)
        monthly.detail = "over budget; half the points up to " + model::formatMetric("cost_per_month", budget * kNearBudget);
    RubricEvidence idle;
    idle.criterion = "No tier below 20% busy at the stated peak";
    idle.run = monthly.run;
    idle.unit = "idle tiers";
    idle.maxPoints = kIdlePoints;
    std::string names;
    int count = 0;
    if (!stated.runs.empty())
        for (const auto& block : stated.runs.front().blocks) {
            if (!block.hasWorkers)
                continue;
            std::vector<double> values;
            for (const auto& snapshot : stated.runs)
                for (const auto& b : snapshot.blocks)
                    if (b.id == block.id)
                        values.push_back(b.utilization);
            const double mean = replicationInterval(values).mean;
            if (mean < kIdleUtilisation) {
                ++count;
                names += (names.empty() ? "" : ", ") + blockLabel(design, block.id) + " " + percentText(mean);
            }
        }
    idle.value = count;
    idle.points = std::max(0.0, kIdlePoints - kIdlePenalty * count);
    idle.detail = count ? "idle (below 20% busy): " + names + "; fewer instances or a smaller type would do" : "";
    score.evidence = {monthly, idle};
    return score;
}

} // namespace

const char* rubricDimensionName(RubricDimension dimension)
{
    switch (dimension) {
    case RubricDimension::Scalability: return "Scalability";
    case RubricDimension::Availability: return "Availability";
    case RubricDimension::Latency: return "Latency";
    case RubricDimension::Cost: return "Cost";
    case RubricDimension::TradeOffs: return "Trade-offs";
    }
    return "";
}

const char* rubricVerdictName(RubricVerdict verdict)
{
    switch (verdict) {
    case RubricVerdict::Excellent: return "Excellent";
    case RubricVerdict::Good: return "Good";
    case RubricVerdict::Fair: return "Fair";
    case RubricVerdict::NeedsWork: return "Needs work";
    }
    return "";
}

RubricVerdict rubricVerdictFor(double total)
{
    if (total >= 85)
        return RubricVerdict::Excellent;
    if (total >= 70)
        return RubricVerdict::Good;
    if (total >= 50)
        return RubricVerdict::Fair;
    return RubricVerdict::NeedsWork;
}

double RubricResult::total() const
{
    double sum = 0;
    for (const auto& dimension : dimensions)
        sum += dimension.points;
    return sum;
}

const RubricScore& RubricResult::weakest() const
{
    const RubricScore* weakest = &dimensions.front();
    for (const auto& dimension : dimensions)
        if (dimension.points < weakest->points)
            weakest = &dimension;
    return *weakest;
}

RubricResult gradeRubric(const model::Architecture& design, const GradeOptions& options)
{
    if (!design.challenge)
        throw GradeError("the design has no \"challenge\" section: there is nothing to grade it against");
    std::vector<RubricRun> runs = rubricRuns(design, options);
    RubricResult result;
    if (!runRubricRuns(runs, options)) {
        result.cancelled = true;
        return result;
    }
    const RubricRun& stated = runs[0];
    const RubricRun& surge = runs[1];
    result.dimensions = {scalability(design, stated, surge), availability(design, runs), latency(design, stated),
                         cost(design, stated), tradeOffsScore(design)};
    for (auto& dimension : result.dimensions) {
        dimension.points = 0;
        for (const auto& evidence : dimension.evidence)
            dimension.points += evidence.points;
        dimension.lesson = lessonFor(dimension.dimension);
    }
    return result;
}

} // namespace scalelab::analysis
