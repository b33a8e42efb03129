#pragma once
// Evaluates a lesson step's check headlessly, on a design as the learner
// would have it: what the tests use to prove that every step of a lesson
// file can be failed and then passed, and what the Lessons dock shows for
// checks on the plan.
//
// Run checks simulate the design with a fixed seed: a warm-up (then the
// statistics are reset), the step's live actions (faults, commands) at the
// start of the measurement, then the measured period. Plan checks read the
// analytic model (NetworkModel), which knows utilisation, arrivals and mean
// times but no percentiles or errors: other figures are refused with a
// reason.
#include "NetworkModel.h"
#include "model/Architecture.h"
#include "model/Lesson.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scalelab::analysis {

struct LessonRunOptions {
    double warmupS = 5;
    double measureS = 10;
    uint64_t seed = 1;
};

struct CheckOutcome {
    std::optional<double> value; // the figure, when it could be read
    bool passed = false;
    std::string error; // why there is no value (design invalid, figure unknown to the plan...)
};

// The design after the edits of steps [0, stepCount) are applied; throws
// std::invalid_argument naming the step and the edit when one cannot apply.
model::Architecture designAfterSteps(const model::Architecture& design, const model::Lesson& lesson,
                                     size_t stepCount);
// Evaluates `step`'s check on `design` as it stands (the step's design
// edits are not applied here); on run checks, `liveActions` (faults,
// commands) are carried out at the start of the measurement.
CheckOutcome evaluateCheck(const model::Architecture& design, const model::LessonStep& step,
                           const std::vector<model::LessonAction>& liveActions, const LessonRunOptions& options = {});
// The step's own live actions: the state the step leads to.
std::vector<model::LessonAction> liveActionsOf(const model::LessonStep& step);
// The live actions of `step` still in effect when the next step begins: its
// faults (a slowed service stays slow until it recovers), not its commands
// (a flush is over once done).
std::vector<model::LessonAction> lastingActionsOf(const model::LessonStep& step);
// A MetricCatalog figure from the analytic plan: utilization, arrival_rps,
// throughput_rps, mean_ms, instances and mean_queue of a block; mean_ms and
// throughput_rps of the run. nullopt and `error` set otherwise.
std::optional<double> planMetricValue(const NetworkPlan& plan, const std::string& metric, std::string& error);

} // namespace scalelab::analysis
