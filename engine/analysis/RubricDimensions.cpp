#include "RubricDimensions.h"

#include "RubricStructure.h"
#include "model/MetricCatalog.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::analysis {

namespace {

// Scalability: the SLO at the stated peak, errors under a 2x surge, headroom.
// With challenge loads besides the stated one (a spike, a skew), they take
// a share and the rest shrink.
struct ScalabilityWeights {
    double slo, surge, headroom, loads;
};
constexpr ScalabilityWeights kScalabilityAlone{8, 7, 5, 0}, kScalabilityWithLoads{5, 4, 3, 8};
// Availability: the kills, and the challenge's own fault loads when it has some.
constexpr double kKillsShareWithLoads = 10;
constexpr double kHeadroomUtilisation = 0.75, kTightUtilisation = 0.9;
// Latency: the SLO percentile, p50, synchronous hops; with challenge loads,
// the percentile under the worst of them too.
constexpr double kPercentilePoints = 10, kMedianPoints = 5, kHopsPoints = 5;
constexpr double kPercentileWithLoadsPoints = 6, kLoadsPercentilePoints = 4;
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
                   std::to_string(std::lround(sim::toSeconds(run.plan.duration))) + " s" +
                   (run.purpose == RubricRun::Purpose::Failure
                        ? ", killed at the start, " + std::to_string(std::lround(sim::toSeconds(run.plan.warmup))) + " s warm-up"
                        : "") +
                   ")";
    evidence.maxPoints = maxPoints;
    // A run figure, or a block's ("users.p95_ms") read by its suffix.
    const auto dot = metric.find('.');
    const auto& specs = dot == std::string::npos ? model::runMetrics() : model::blockMetrics();
    const std::string name = dot == std::string::npos ? metric : metric.substr(dot + 1);
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const model::MetricSpec& m) { return m.name == name; });
    const bool ratio = spec != specs.end() && spec->ratio;
    const stats::ConfidenceInterval interval = replicationInterval(metricValues(run.runs, metric));
    evidence.value = ratio ? interval.mean * 100 : interval.mean;
    evidence.halfWidth = ratio ? interval.halfWidth * 100 : interval.halfWidth;
    evidence.unit = ratio ? "%" : metric == "cost_per_month" ? "$/month" : spec != specs.end() ? spec->unit : "";
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

// Each worker tier's utilisation over a run's replications, in block order.
std::vector<std::pair<std::string, stats::ConfidenceInterval>> utilisations(const RubricRun& run)
{
    std::vector<std::pair<std::string, stats::ConfidenceInterval>> found;
    if (run.runs.empty())
        return found;
    for (const auto& block : run.runs.front().blocks) {
        if (!block.hasWorkers)
            continue;
        std::vector<double> values;
        for (const auto& snapshot : run.runs)
            for (const auto& b : snapshot.blocks)
                if (b.id == block.id)
                    values.push_back(b.utilization);
        found.emplace_back(block.id, replicationInterval(values));
    }
    return found;
}

// The busiest worker tier; an empty id when there is none.
std::pair<std::string, stats::ConfidenceInterval> busiest(const RubricRun& run)
{
    std::pair<std::string, stats::ConfidenceInterval> best{"", {}};
    for (const auto& tier : utilisations(run))
        if (best.first.empty() || tier.second.mean > best.second.mean)
            best = tier;
    return best;
}

std::vector<const RubricRun*> runsFor(const std::vector<RubricRun>& runs, RubricRun::Purpose purpose,
                                      std::optional<bool> faulted = std::nullopt)
{
    std::vector<const RubricRun*> found;
    for (const auto& run : runs)
        if (run.purpose == purpose && (!faulted || run.faulted == *faulted))
            found.push_back(&run);
    return found;
}

// The challenge's goals under one of its loads (cost aside: the budget is
// the cost dimension's); the error rate is the figure shown.
RubricEvidence challengeLoadEvidence(const model::Architecture& design, const RubricRun& run, double maxPoints)
{
    RubricEvidence evidence = measured("The challenge's goals under \"" + run.load + "\"", run, "error_rate", maxPoints);
    int applicable = 0, passed = 0;
    for (const auto& goal : design.challenge->goals) {
        const bool applies = goal.loads.empty() || std::find(goal.loads.begin(), goal.loads.end(), run.load) != goal.loads.end();
        if (!applies || goal.check.metric == "cost_per_month")
            continue;
        ++applicable;
        const auto values = metricValues(run.runs, goal.check.metric);
        const double mean = values.empty() ? std::nan("") : replicationInterval(values).mean;
        if (!values.empty() && goal.check.passes(mean)) {
            ++passed;
            continue;
        }
        evidence.detail += std::string(evidence.detail.empty() ? "missed: " : "; ") +
                           model::checkLabel(goal.check, run.design) + " measured " +
                           (values.empty() ? "nothing" : model::formatMetric(goal.check.metric, mean));
    }
    if (applicable > 0) {
        // The figure is how many of the goals held; each missed one is in the detail.
        evidence.value = passed;
        evidence.halfWidth = 0;
        evidence.unit = "of " + std::to_string(applicable) + " goals met";
    }
    if (applicable == 0) {
        const double budget = errorBudget(*design.challenge);
        evidence.points = evidence.value / 100 <= budget ? maxPoints : 0;
        evidence.detail = "no goal names this load; errors against the budget " + percentText(budget);
    } else {
        evidence.points = passed == applicable ? maxPoints : 0; // the challenge's test: met or not
    }
    return evidence;
}

const model::Goal* percentileGoal(const model::Challenge& challenge)
{
    for (const auto& goal : challenge.goals)
        if (appliesToStated(goal) && isPercentile(goal.check.metric) && goal.check.max)
            return &goal;
    return nullptr;
}

} // namespace

RubricScore scalability(const model::Architecture& design, const std::vector<RubricRun>& runs)
{
    const model::Challenge& challenge = *design.challenge;
    const RubricRun& stated = runs[0];
    const RubricRun& surge = runs[1];
    const auto loads = runsFor(runs, RubricRun::Purpose::ChallengeLoad, false);
    const ScalabilityWeights weights = loads.empty() ? kScalabilityAlone : kScalabilityWithLoads;
    const double kSloAtPeakPoints = weights.slo, kSurgePoints = weights.surge, kHeadroomPoints = weights.headroom;
    RubricScore score;
    score.dimension = RubricDimension::Scalability;
    std::vector<const model::Goal*> slo;
    for (const auto& goal : challenge.goals)
        if (appliesToStated(goal) && goal.check.metric != "cost_per_month")
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
    for (const RubricRun* load : loads)
        score.evidence.push_back(challengeLoadEvidence(design, *load, weights.loads / double(loads.size())));
    return score;
}

RubricScore availability(const model::Architecture& design, const std::vector<RubricRun>& runs)
{
    RubricScore score;
    score.dimension = RubricDimension::Availability;
    const double budget = errorBudget(*design.challenge);
    const std::vector<const RubricRun*> failures = runsFor(runs, RubricRun::Purpose::Failure);
    const std::vector<const RubricRun*> faultLoads = runsFor(runs, RubricRun::Purpose::ChallengeLoad, true);
    std::string managed;
    for (const auto& block : runs[0].design.blocks)
        if (!killable(block) && model::behaviourOf(block) != model::Behaviour::Client)
            managed += (managed.empty() ? "" : ", ") + blockLabel(design, block.id);
    if (!managed.empty()) {
        RubricEvidence note;
        note.criterion = "Not killed (managed: no instances or replicas to add)";
        note.run = "the design";
        note.detail = managed;
        score.evidence.push_back(note);
    }
    const double killPoints = faultLoads.empty() ? kRubricDimensionPoints
                              : failures.empty() ? 0
                                                 : kKillsShareWithLoads;
    for (const RubricRun* load : faultLoads)
        score.evidence.push_back(
            challengeLoadEvidence(design, *load, (kRubricDimensionPoints - killPoints) / double(faultLoads.size())));
    if (failures.empty() && faultLoads.empty()) {
        RubricEvidence evidence;
        evidence.criterion = "Every block survives being killed";
        evidence.run = "the design";
        evidence.points = evidence.maxPoints = kRubricDimensionPoints;
        evidence.detail = "no block of the design can be killed by a fault (all are managed services)";
        score.evidence.push_back(evidence);
        return score;
    }
    const double share = failures.empty() ? 0 : killPoints / double(failures.size());
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

RubricScore latency(const model::Architecture& design, const std::vector<RubricRun>& runs)
{
    const RubricRun& stated = runs[0];
    const auto loads = runsFor(runs, RubricRun::Purpose::ChallengeLoad);
    const double percentilePoints = loads.empty() ? kPercentilePoints : kPercentileWithLoadsPoints;
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
                                         stated, metric, percentilePoints);
    percentile.points = graded(percentile.value, bound, kNearSlo, percentilePoints);
    if (percentile.points < percentilePoints)
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
    // The worst of the challenge's loads: a surge or a fault the SLO must also hold under.
    const RubricRun* worst = nullptr;
    double worstValue = 0;
    for (const RubricRun* load : loads) {
        const auto values = metricValues(load->runs, metric);
        const double mean = values.empty() ? std::numeric_limits<double>::infinity() : replicationInterval(values).mean;
        if (!worst || mean > worstValue)
            worst = load, worstValue = mean;
    }
    if (worst) {
        RubricEvidence underLoads = measured(model::metricLabel(metric, stated.design) +
                                                 " within the SLO under the challenge's loads (the worst)",
                                             *worst, metric, kLoadsPercentilePoints);
        underLoads.points = graded(underLoads.value, bound, kNearSlo, kLoadsPercentilePoints);
        if (underLoads.points < kLoadsPercentilePoints)
            underLoads.detail = "the tail grows past the SLO under \"" + worst->load + "\"";
        score.evidence.push_back(underLoads);
    }
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
    for (const auto& [id, load] : utilisations(stated))
        if (load.mean < kIdleUtilisation) {
            ++count;
            names += (names.empty() ? "" : ", ") + blockLabel(design, id) + " " + percentText(load.mean);
        }
    idle.value = count;
    idle.points = std::max(0.0, kIdlePoints - kIdlePenalty * count);
    idle.detail = count ? "idle (below 20% busy): " + names + "; fewer instances or a smaller type would do" : "";
    score.evidence = {monthly, idle};
    return score;
}

} // namespace scalelab::analysis
