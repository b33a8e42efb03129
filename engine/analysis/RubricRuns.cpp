#include "RubricRuns.h"

#include "RubricStructure.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"

#include <algorithm>
#include <set>

namespace scalelab::analysis {

namespace {

// Failure scenarios are run over at most this many seeds and this long: a
// single point of failure shows errors in the tens of percent, far outside
// any error budget, so a shorter interval still decides.
constexpr int kFailureReplications = 3;
constexpr double kFailureDurationS = 30;

bool hasFault(const model::BlockSpec& spec, const std::string& action)
{
    return std::find(spec.faults.begin(), spec.faults.end(), action) != spec.faults.end();
}

// The fault that takes `block` down for the whole run, from the faults its
// kind takes: an instance crash, the primary killed, the cache node down.
std::optional<RubricRun> failureOf(const model::Architecture& stated, const model::Block& block, double runSeconds)
{
    const model::BlockSpec& spec = *model::Registry::instance().find(block.kind);
    const std::string label = blockLabel(stated, block.id);
    model::Fault fault;
    fault.block = block.id;
    RubricRun run;
    run.target = label;
    if (hasFault(spec, "crash") && spec.param("instances")) {
        fault.action = "crash";
        fault.value = 1;
        run.wholeBlock = block.param("instances") <= 1;
        run.name = run.wholeBlock ? "without " + label : "one " + label + " instance down";
    } else if (hasFault(spec, "kill_primary")) {
        fault.action = "kill_primary";
        run.name = label + " primary killed";
    } else if (hasFault(spec, "crash_cache")) {
        fault.action = "crash_cache";
        fault.durationS = runSeconds; // down until the run ends
        run.wholeBlock = true;
        run.name = "without " + label;
    } else {
        return std::nullopt;
    }
    run.design = stated;
    run.design.faults = {fault};
    return run;
}

} // namespace

void scaleTraffic(model::Architecture& design, double factor)
{
    for (auto& block : design.blocks) {
        const model::BlockSpec& spec = *model::Registry::instance().find(block.kind);
        if (spec.behaviour != model::Behaviour::Client)
            continue;
        for (const auto& param : spec.params)
            if (param.perCell && !param.isText())
                block.params[param.key] *= factor;
    }
}

std::vector<RubricRun> rubricRuns(const model::Architecture& design, const GradeOptions& options)
{
    const model::Challenge& challenge = *design.challenge;
    const sim::ReplicationPlan plan = challengePlan(challenge, options);
    sim::ReplicationPlan failurePlan = plan;
    failurePlan.replications = std::min(challenge.replications, kFailureReplications);
    failurePlan.duration = std::min(plan.duration, sim::fromSeconds(kFailureDurationS));

    std::vector<RubricRun> runs;
    RubricRun stated;
    stated.name = model::Challenge::kStatedLoad;
    stated.design = designUnder(design, {model::Challenge::kStatedLoad, false, {}, {}});
    stated.plan = plan;
    RubricRun surge = stated;
    surge.purpose = RubricRun::Purpose::Surge;
    surge.name = "surge 2x";
    scaleTraffic(surge.design, 2);
    runs.push_back(stated);
    runs.push_back(surge);

    std::set<std::string> regions;
    for (const auto& block : stated.design.blocks) {
        const model::BlockSpec& spec = *model::Registry::instance().find(block.kind);
        if (spec.behaviour == model::Behaviour::Client)
            continue;
        if (!block.region.empty())
            regions.insert(block.region);
        if (auto failure = failureOf(stated.design, block, challenge.warmupS + challenge.durationS)) {
            failure->purpose = RubricRun::Purpose::Failure;
            failure->plan = failurePlan;
            runs.push_back(*failure);
        }
    }
    if (regions.size() > 1)
        for (const auto& region : regions) {
            RubricRun lost;
            lost.purpose = RubricRun::Purpose::Failure;
            lost.name = "region " + region + " lost";
            lost.target = "region " + region;
            lost.wholeBlock = true;
            lost.design = stated.design;
            model::Fault fault;
            fault.action = "lose_region";
            fault.region = region;
            lost.design.faults = {fault};
            lost.plan = failurePlan;
            runs.push_back(lost);
        }
    return runs;
}

bool runRubricRuns(std::vector<RubricRun>& runs, const GradeOptions& options)
{
    int total = 0;
    for (const auto& run : runs)
        total += run.plan.replications;
    int finishedBefore = 0;
    for (auto& run : runs) {
        run.runs = sim::runReplications(run.design, run.plan, options.cancel, [&](int done) {
            if (options.progress)
                options.progress(finishedBefore + done, total);
        });
        finishedBefore += run.plan.replications;
        if (options.cancel && options.cancel->load())
            return false;
    }
    return true;
}

} // namespace scalelab::analysis
