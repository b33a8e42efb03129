#pragma once
// Scores a design on the five dimensions interviewers use, 20 points each,
// every point earned by simulation rather than by adding up rates:
//
//   scalability   the stated peak and a 2x surge, with headroom
//   availability  each block, each instance group and each region killed in
//                 turn: single points of failure found by running, errors
//                 against the challenge's error budget
//   latency       the SLO percentile and p50 at the stated load, synchronous
//                 hops on the critical path
//   cost          monthly cost against the budget; tiers below 20% busy named
//   trade-offs    read/write separation, breakers/timeouts/rate limits where
//                 calls can cascade, asynchronous work where the problem allows it
//
// Each criterion keeps its evidence: the figure, its 95% interval across
// replications and the run it came from, so a candidate can see where the
// points went. The design must carry a challenge (goals, stated traffic);
// an interview section adds its budget.
#include "Grader.h"
#include "model/Architecture.h"

#include <array>
#include <limits>
#include <string>
#include <vector>

namespace scalelab::analysis {

enum class RubricDimension { Scalability, Availability, Latency, Cost, TradeOffs };
inline constexpr int kRubricDimensionCount = 5;
inline constexpr double kRubricDimensionPoints = 20;

// "Scalability", "Availability", "Latency", "Cost", "Trade-offs".
const char* rubricDimensionName(RubricDimension dimension);

// One measured criterion.
struct RubricEvidence {
    std::string criterion; // "p95 within the SLO at the stated peak"
    std::string run;       // "stated", "surge 2x", "without db", "the design" (structural)
    double value = std::numeric_limits<double>::quiet_NaN(); // NaN for a structural criterion
    double halfWidth = 0;  // 95% interval half-width across replications
    std::string unit;      // "ms", "%", "$/month", "hops"
    double points = 0;
    double maxPoints = 0;
    std::string detail;    // why, in the design's terms: "db is a single point of failure"
    bool met() const { return points >= maxPoints; }
};

struct RubricScore {
    RubricDimension dimension = RubricDimension::Scalability;
    double points = 0; // out of kRubricDimensionPoints
    std::vector<RubricEvidence> evidence;
    std::string lesson; // the bundled lesson that teaches this dimension (":/lessons/NAME.scalelab")
};

enum class RubricVerdict { Excellent, Good, Fair, NeedsWork };
// "Excellent", "Good", "Fair", "Needs work".
const char* rubricVerdictName(RubricVerdict verdict);
// The bands: Excellent >= 85, Good >= 70, Fair >= 50 of 100 points.
RubricVerdict rubricVerdictFor(double total);

struct RubricResult {
    std::array<RubricScore, kRubricDimensionCount> dimensions;
    bool cancelled = false;

    double total() const;
    RubricVerdict verdict() const { return rubricVerdictFor(total()); }
    // The dimension with the fewest points (the first on a tie): what to study next.
    const RubricScore& weakest() const;
};

// Throws GradeError when the design has no challenge, and what the simulator
// throws for an invalid design. Uses the challenge's duration, warm-up and
// replications; options.progress counts every run of every dimension.
RubricResult gradeRubric(const model::Architecture& design, const GradeOptions& options = {});

} // namespace scalelab::analysis
