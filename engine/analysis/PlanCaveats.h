#pragma once
// Where a design goes beyond what the analytic plan covers (NetworkModel.h):
// traffic that changes over time, scheduled faults, autoscalers, saturated
// blocks, and the few choices the plan approximates by a bound. Each is a
// sentence for the user; a design with none should see the plan agree with
// a long enough run (PlannerTest checks every bundled design that way).
#include "NetworkModel.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

std::vector<std::string> planCaveats(const model::Architecture& design, const NetworkPlan& plan);

} // namespace scalelab::analysis
