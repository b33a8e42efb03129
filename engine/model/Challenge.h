#pragma once
// A design that carries goals: the stated traffic, hidden loads, faults to
// survive, an SLO, a budget and the block kinds allowed. Grading (analysis::
// Grader) runs the design under every load over several seeds and checks
// each goal with a confidence interval. A design saved from a challenge keeps
// its challenge, so the student's file can be graded again.
#include "Check.h"
#include "Fault.h"

#include <map>
#include <string>
#include <vector>

namespace scalelab::model {

// "block_id.param" -> value; enum values are stored as their choice index.
using ParamOverrides = std::map<std::string, double>;

// A condition the design is run under besides the stated traffic: a spike,
// another key skew, a fault. Hidden loads are not shown before grading.
struct ChallengeLoad {
    std::string name;
    bool hidden = false;
    ParamOverrides set;        // applied on top of the stated traffic
    std::vector<Fault> faults; // injected at their at_s
    bool operator==(const ChallengeLoad&) const = default;
};

struct Goal {
    Check check;
    // Names of the loads it is graded under ("stated" is the stated
    // traffic); empty = every load.
    std::vector<std::string> loads;
    bool operator==(const Goal&) const = default;
};

struct Challenge {
    static constexpr const char* kStatedLoad = "stated";

    std::string title;
    std::string brief;      // the task as the student reads it
    int level = 1;          // 1 (first steps) .. 5 (hard)
    double durationS = 60;  // measured simulated time per run
    double warmupS = 10;    // simulated time before measuring
    int replications = 5;   // seeds per load; intervals come from their spread
    ParamOverrides traffic; // the stated traffic, enforced whatever the design says
    std::vector<std::string> allowedKinds; // empty = every kind
    std::vector<Goal> goals;
    std::vector<ChallengeLoad> loads; // besides the stated one

    bool operator==(const Challenge&) const = default;
};

} // namespace scalelab::model
