#pragma once
// The simulation runs the rubric reads: the stated traffic, a 2x surge and
// one run per failure scenario (a block killed, one instance of a group,
// a region lost), each over the challenge's replications (the failure
// scenarios over fewer: they decide by a wide margin or not at all).
#include "Grader.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

struct RubricRun {
    enum class Purpose { Stated, Surge, Failure };
    Purpose purpose = Purpose::Stated;
    std::string name;   // "stated", "surge 2x", "without Orders DB", "one API instance down"
    std::string target; // the block or region a failure scenario takes down
    bool wholeBlock = false; // the failure takes the block down, not one of several instances
    model::Architecture design;
    sim::ReplicationPlan plan;
    std::vector<stats::Snapshot> runs;
};

// The runs gradeRubric makes, not yet run, stated first, then the surge,
// then the failure scenarios in block order and the regions.
std::vector<RubricRun> rubricRuns(const model::Architecture& design, const GradeOptions& options);

// Runs them all in order; false when cancelled (the rest are left empty).
bool runRubricRuns(std::vector<RubricRun>& runs, const GradeOptions& options);

// Every client's rate (and closed-model users) times `factor`: the
// parameters the registry marks as scaling with traffic (ParamSpec::perCell).
void scaleTraffic(model::Architecture& design, double factor);

} // namespace scalelab::analysis
