#pragma once
// The rubric's measured dimensions, each read from the runs gradeRubric
// made (RubricRuns): the stated run first, then the surge, the failure
// scenarios and the challenge's loads. Points per criterion, the evidence
// with its 95% interval and run; the dimension's total is summed by the caller.
#include "Rubric.h"
#include "RubricRuns.h"

namespace scalelab::analysis {

RubricScore scalability(const model::Architecture& design, const std::vector<RubricRun>& runs);
RubricScore availability(const model::Architecture& design, const std::vector<RubricRun>& runs);
RubricScore latency(const model::Architecture& design, const std::vector<RubricRun>& runs);
RubricScore cost(const model::Architecture& design, const RubricRun& stated);

} // namespace scalelab::analysis
