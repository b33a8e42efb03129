#include "TradeoffCheck.h"

#include <algorithm>
#include <cmath>

namespace scalelab::analysis {

bool TradeoffResult::allHold() const
{
    return std::all_of(claims.begin(), claims.end(), [](const ClaimResult& result) { return result.holds; });
}

ComparePlan cardPlan(const model::TradeoffCard& card, uint64_t firstSeed)
{
    ComparePlan plan;
    plan.warmup = sim::fromSeconds(card.warmupS);
    plan.duration = sim::fromSeconds(card.durationS);
    plan.replications = card.replications;
    plan.firstSeed = firstSeed;
    return plan;
}

bool claimHolds(const model::TradeoffClaim& claim, const FigureDifference& figure)
{
    const stats::ConfidenceInterval& difference = figure.difference;
    if (!std::isfinite(difference.mean) || std::isnan(difference.halfWidth))
        return false; // a figure a run did not have says nothing
    switch (claim.expect) {
    case model::TradeoffClaim::Expect::BLower:
        return difference.upper() < 0;
    case model::TradeoffClaim::Expect::BHigher:
        return difference.lower() > 0;
    case model::TradeoffClaim::Expect::NoDifference:
        return difference.contains(0);
    }
    return false;
}

TradeoffResult checkTradeoff(const model::TradeoffCard& card, const model::Architecture& a,
                             const model::Architecture& b, const ComparePlan& plan,
                             const std::atomic<bool>* cancel,
                             const std::function<void(int done, int total)>& progress)
{
    std::vector<std::pair<std::string, std::string>> figures;
    for (const auto& claim : card.claims)
        figures.emplace_back(claim.metric, claim.metricB);
    TradeoffResult result; // every claim's figure is in the comparison: asked for, or a default
    result.comparison = compareDesigns(a, b, plan, figures, cancel, progress);
    for (const auto& claim : card.claims) {
        const FigureDifference& figure = *result.comparison.find(claim.metric, claim.metricB);
        result.claims.push_back({claim, figure, claimHolds(claim, figure)});
    }
    return result;
}

} // namespace scalelab::analysis
