#include "LessonCheck.h"

#include "MetricValue.h"
#include "model/LessonEdit.h"
#include "run/Simulator.h"

#include <stdexcept>

namespace scalelab::analysis {

model::Architecture designAfterSteps(const model::Architecture& design, const model::Lesson& lesson,
                                     size_t stepCount)
{
    model::Architecture result = design;
    for (size_t i = 0; i < stepCount && i < lesson.steps.size(); ++i)
        for (const auto& action : lesson.steps[i].apply)
            if (std::string refusal = model::applyLessonAction(result, action); !refusal.empty())
                throw std::invalid_argument("step " + std::to_string(i + 1) + ": " + refusal);
    return result;
}

std::optional<double> planMetricValue(const NetworkPlan& plan, const std::string& metric, std::string& error)
{
    const auto dot = metric.find('.');
    if (dot == std::string::npos) {
        if (metric == "mean_ms")
            return plan.endToEndMs;
        if (metric == "throughput_rps")
            return plan.offeredRps; // the plan assumes nothing is lost
        error = "the plan gives mean latency and throughput for the whole design, not \"" + metric +
                "\"; check it on the run";
        return std::nullopt;
    }
    const std::string id = metric.substr(0, dot), figure = metric.substr(dot + 1);
    const BlockPlan* block = plan.find(id);
    if (!block) {
        error = "the plan has no block \"" + id + "\"";
        return std::nullopt;
    }
    if (figure == "utilization" && block->hasCapacity)
        return block->utilization;
    if (figure == "arrival_rps" || figure == "throughput_rps")
        return block->arrivalRps();
    if (figure == "mean_ms")
        return block->responseMs;
    if (figure == "instances" && block->hasCapacity)
        return double(block->instances);
    if (figure == "mean_queue" && block->hasCapacity)
        return block->waitMs / 1000.0 * block->arrivalRps(); // Little's law on the waiting line
    error = "the plan has no \"" + figure + "\" for \"" + id + "\" (a " + block->kind + "); check it on the run";
    return std::nullopt;
}

std::vector<model::LessonAction> liveActionsOf(const model::LessonStep& step)
{
    std::vector<model::LessonAction> result;
    for (const auto& action : step.apply)
        if (model::isLiveAction(action))
            result.push_back(action);
    return result;
}

std::vector<model::LessonAction> lastingActionsOf(const model::LessonStep& step)
{
    std::vector<model::LessonAction> result;
    for (const auto& action : step.apply)
        if (action.kind == model::LessonAction::Kind::Fault)
            result.push_back(action);
    return result;
}

CheckOutcome evaluateCheck(const model::Architecture& design, const model::LessonStep& step,
                           const std::vector<model::LessonAction>& liveActions, const LessonRunOptions& options)
{
    CheckOutcome outcome;
    try {
        if (step.checkOn == model::LessonStep::CheckOn::Plan) {
            outcome.value = planMetricValue(planNetwork(design), step.check.metric, outcome.error);
        } else {
            sim::Simulator simulator(design, options.seed);
            simulator.runFor(sim::fromSeconds(options.warmupS));
            simulator.resetStats();
            for (const auto& action : liveActions) {
                std::string refusal;
                if (action.kind == model::LessonAction::Kind::Fault)
                    refusal = simulator.inject(action.fault);
                else if (action.kind == model::LessonAction::Kind::Command)
                    refusal = simulator.command(action.block, action.command);
                if (!refusal.empty())
                    throw std::invalid_argument(refusal);
            }
            simulator.runFor(sim::fromSeconds(options.measureS));
            outcome.value = metricValue(simulator.snapshot(), step.check.metric);
            if (!outcome.value)
                outcome.error = "the run does not report \"" + step.check.metric + "\"";
        }
    } catch (const std::exception& error) {
        outcome.error = error.what();
    }
    outcome.passed = outcome.value && step.check.passes(*outcome.value);
    return outcome;
}

} // namespace scalelab::analysis
