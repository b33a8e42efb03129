#pragma once
// How a block's response time is put together from its traffic: shares of
// it with their own times (Mixture), and the read, write and mixed response
// that every per-kind planner (BlockPlanning, PoolPlanning, CachePlanning)
// sets the same way.
#include "BlockPlanning.h"

#include <algorithm>

namespace scalelab::analysis {

// Traffic shares with their response time: mean and variance of the mix.
struct Mixture {
    double weight = 0, sum = 0, squares = 0;

    void add(double share, double meanMs, double varianceMs2)
    {
        if (share <= 0)
            return;
        weight += share;
        sum += share * meanMs;
        squares += share * (varianceMs2 + meanMs * meanMs);
    }
    double mean() const { return weight > 0 ? sum / weight : 0; }
    double variance() const { return weight > 0 ? std::max(0.0, squares / weight - mean() * mean()) : 0; }
};

// The mean of a read's and a write's time by the block's traffic (a read's
// when none arrives); a type that does not arrive does not count, even
// when its time is infinite (a saturated queue).
double mixByTraffic(const BlockPlan& here, double readMs, double writeMs);

// What a read and a write arriving at the block take, and their mix.
void setResponses(BlockPlan& here, double readMs, double writeMs);

} // namespace scalelab::analysis
