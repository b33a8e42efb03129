#include "Rubric.h"

#include "RubricDimensions.h"
#include "RubricStructure.h"

namespace scalelab::analysis {

namespace {

const char* lessonFor(RubricDimension dimension)
{
    switch (dimension) {
    case RubricDimension::Scalability: return ":/lessons/scale-up-or-out.scalelab";
    case RubricDimension::Availability: return ":/lessons/replication.scalelab";
    case RubricDimension::Latency: return ":/lessons/caching.scalelab";
    case RubricDimension::Cost: return ":/lessons/autoscaling.scalelab";
    case RubricDimension::TradeOffs: return ":/lessons/circuit-breaker.scalelab";
    }
    return "";
}

} // namespace

const char* rubricDimensionName(RubricDimension dimension)
{
    switch (dimension) {
    case RubricDimension::Scalability: return "Scalability";
    case RubricDimension::Availability: return "Availability";
    case RubricDimension::Latency: return "Latency";
    case RubricDimension::Cost: return "Cost";
    case RubricDimension::TradeOffs: return "Trade-offs";
    }
    return "";
}

const char* rubricVerdictName(RubricVerdict verdict)
{
    switch (verdict) {
    case RubricVerdict::Excellent: return "Excellent";
    case RubricVerdict::Good: return "Good";
    case RubricVerdict::Fair: return "Fair";
    case RubricVerdict::NeedsWork: return "Needs work";
    }
    return "";
}

RubricVerdict rubricVerdictFor(double total)
{
    if (total >= 85)
        return RubricVerdict::Excellent;
    if (total >= 70)
        return RubricVerdict::Good;
    if (total >= 50)
        return RubricVerdict::Fair;
    return RubricVerdict::NeedsWork;
}

double RubricResult::total() const
{
    double sum = 0;
    for (const auto& dimension : dimensions)
        sum += dimension.points;
    return sum;
}

const RubricScore& RubricResult::weakest() const
{
    const RubricScore* weakest = &dimensions.front();
    for (const auto& dimension : dimensions)
        if (dimension.points < weakest->points)
            weakest = &dimension;
    return *weakest;
}

RubricResult gradeRubric(const model::Architecture& design, const GradeOptions& options)
{
    if (!design.challenge)
        throw GradeError("the design has no \"challenge\" section: there is nothing to grade it against");
    std::vector<RubricRun> runs = rubricRuns(design, options);
    RubricResult result;
    if (!runRubricRuns(runs, options)) {
        result.cancelled = true;
        return result;
    }
    const RubricRun& stated = runs[0];
    result.dimensions = {scalability(design, runs), availability(design, runs), latency(design, runs),
                         cost(design, stated), tradeOffsScore(design)};
    for (auto& dimension : result.dimensions) {
        dimension.points = 0;
        for (const auto& evidence : dimension.evidence)
            dimension.points += evidence.points;
        dimension.lesson = lessonFor(dimension.dimension);
    }
    return result;
}

} // namespace scalelab::analysis
