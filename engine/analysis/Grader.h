#pragma once
// Grades a design against the challenge it carries: for the stated traffic
// and every extra load (a spike, another key skew, a fault) the design is
// run over several seeds, and each goal that applies to that load passes
// when the mean over the replications meets its bound. The 95% interval
// (Student t across replications) says how sure that verdict is. Failing
// loads get the Advisor's diagnosis of their first replication as a hint.
#include "model/Architecture.h"
#include "run/Replications.h"
#include "stats/ConfidenceInterval.h"
#include "stats/Snapshot.h"

#include <atomic>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scalelab::analysis {

// The design cannot be graded (no challenge, a block the challenge drives was removed...).
class GradeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct GradeOptions {
    unsigned threads = 0; // 0 = one per hardware thread
    uint64_t firstSeed = 1;
    const std::atomic<bool>* cancel = nullptr; // set to stop early; the result is then marked cancelled
    // Called from worker threads after each finished run (may be null).
    std::function<void(int done, int total)> progress;
};

// One goal under one load.
struct GoalResult {
    std::string label;  // "p95 latency <= 200 ms"
    std::string metric; // MetricCatalog name; "allowed_kinds" for the structural goal
    std::string load;   // "stated", "spike"...
    bool hidden = false;
    double mean = 0;      // NaN when the runs do not report the figure
    double halfWidth = 0; // 95% interval half-width across replications
    std::optional<double> min, max;
    bool pass = false;
    std::string detail; // why it failed when the figures alone do not say (offending blocks, missing figure)
};

// The Advisor's reading of a load where some goal failed.
struct GradeHint {
    std::string load;
    bool hidden = false;
    std::string blockId;
    std::string blockName;
    std::string problem;    // what the run shows
    std::string pattern;    // the seeds' remedy
    std::string suggestion; // what to do, in the design's terms
};

struct GradeResult {
    std::vector<GoalResult> rows; // goal order, then load order (stated first)
    stats::ConfidenceInterval costPerMonth; // at the stated load
    std::vector<GradeHint> hints;           // one per failing load that the Advisor can explain
    bool cancelled = false;

    int passed() const;
    double scorePercent() const; // rows passed / rows
    bool allPassed() const { return !rows.empty() && passed() == int(rows.size()); }
};

// Throws GradeError when the design has no challenge or does not fit it,
// and what the simulator throws for an invalid design.
GradeResult grade(const model::Architecture& design, const GradeOptions& options = {});

// The rows as a reader wants them: the failing ones first, then the passing
// ones, each group in grade order.
std::vector<GoalResult> failingFirst(const std::vector<GoalResult>& rows);
// "<= 200 ms", ">= 95%", "between 1 and 2"; "none" for the structural goal.
std::string boundText(const GoalResult& row);
// The loads a challenge runs: the stated one first, then its own.
std::vector<model::ChallengeLoad> challengeLoads(const model::Challenge& challenge);
// What a student should do next, in one line: the load where most goals
// failed and the Advisor's reading of it, or what the failing figure says
// (over budget, a kind not allowed); a nudge onward when everything passes.
std::string nextStep(const GradeResult& result);
// "at the stated traffic", "under the hidden load \"spike\"".
std::string loadPhrase(const std::string& load, bool hidden);
// The label of the structural goal ("Only these kinds: ...").
std::string allowedKindsLabel(const model::Challenge& challenge);
// The design as it runs under `load`: the stated traffic and the load's
// settings on top, and only the load's faults (the student's own are not
// graded). Throws GradeError when the challenge drives a block that is gone.
model::Architecture designUnder(const model::Architecture& design, const model::ChallengeLoad& load);
// The 95% interval across replications of one figure per run; identical
// values (a deterministic count) have no spread rather than an infinite one.
stats::ConfidenceInterval replicationInterval(const std::vector<double>& values);
// The runs' values of a MetricCatalog figure; fewer than the runs when some do not report it.
std::vector<double> metricValues(const std::vector<stats::Snapshot>& runs, const std::string& metric);
// The challenge's runs of one design: its duration, warm-up and replications.
sim::ReplicationPlan challengePlan(const model::Challenge& challenge, const GradeOptions& options);

} // namespace scalelab::analysis
