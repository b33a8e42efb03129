#pragma once
// Runs a trade-off card's two designs as a paired comparison and checks each
// of its claims against the paired 95% interval of the difference B - A.
#include "PairedComparison.h"
#include "model/TradeoffCard.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

struct ClaimResult {
    model::TradeoffClaim claim;
    FigureDifference figure;
    bool holds = false;
};

struct TradeoffResult {
    Comparison comparison; // the default figures, then one per claim
    std::vector<ClaimResult> claims;
    bool allHold() const;
};

// The card's run settings (warm-up, duration, replications) with `firstSeed`.
ComparePlan cardPlan(const model::TradeoffCard& card, uint64_t firstSeed = 1);
// Whether the interval on the difference says what the claim says.
bool claimHolds(const model::TradeoffClaim& claim, const FigureDifference& figure);
// Compares `a` and `b` by the card's plan and checks every claim.
TradeoffResult checkTradeoff(const model::TradeoffCard& card, const model::Architecture& a,
                             const model::Architecture& b, const ComparePlan& plan,
                             const std::atomic<bool>* cancel = nullptr,
                             const std::function<void(int done, int total)>& progress = {});

} // namespace scalelab::analysis
