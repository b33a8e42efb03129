#pragma once
// Choosing the warm-up of a design automatically (`run --warmup auto`, the
// coverage test): one pilot run, started empty like every real run, cut
// into windows; MSER-5 (stats/Mser5.h) finds where its end-to-end mean
// latency and its throughput stop drifting, and the warm-up is the later of
// the two cuts.
//
// Why a pilot and not each replication's own series: the simulator cannot
// recompute a run's percentiles for a cut chosen after the fact (they come
// from the measured period's histogram), and one warm-up for every
// replication keeps them identically distributed, which the t interval
// across them assumes. The pilot uses a seed of its own, so the cut is not
// chosen on the very data it is then applied to.
//
// Cost: one simulation of `horizon` plus O(windows). Thread-safe (no shared state).
#include "core/SimTime.h"
#include "model/Architecture.h"
#include "sim/MemoryBudget.h"
#include "stats/WindowSample.h"

#include <functional>
#include <vector>

namespace scalelab::sim {

// Windows in the pilot: 200 observations make 40 MSER batches, fine enough
// to place the cut within half a percent of the horizon.
constexpr int kPilotWindows = 200;

struct WarmupChoice {
    SimTime warmup = 0;
    SimTime window = 0;         // pilot window length
    double latencyCutS = 0;     // where the mean-latency series settles
    double throughputCutS = 0;  // where the throughput series settles
    // MSER's minimum sat at half the pilot: the transient may be longer.
    // The warm-up is then a lower bound; a longer horizon would tell.
    bool atLimit = false;
    // The monitor stopped the pilot: nothing was chosen.
    bool interrupted = false;
};

// Pure part, for tests: the cut on a series of windows of `windowS` seconds
// starting at time 0. Windows without completions have no mean latency and
// are left out of the latency series (its cut is then placed at the end of
// the window it falls on).
WarmupChoice warmupFromSeries(const std::vector<stats::WindowSample>& series, double windowS);

// Runs `design` with `seed` from empty for `horizon` and applies
// warmupFromSeries to its end-to-end series. Throws what Simulator throws.
// `monitor` is called with the pilot's clock every few thousand events
// (Simulator::setMonitor); false stops it, and the choice is `interrupted`.
WarmupChoice chooseWarmup(const model::Architecture& design, SimTime horizon, uint64_t seed,
                          const std::function<bool(SimTime now)>& monitor = {}, size_t memoryBudget = MemoryBudget::kDefaultBytes);

} // namespace scalelab::sim
