#pragma once
// Independent replications: the same design run with seeds first, first+1...
// on a few threads. Their spread is what confidence intervals across
// replications are computed from (grading, `run --replications`).
#include "core/SimTime.h"
#include "model/Architecture.h"
#include "sim/MemoryBudget.h"
#include "stats/Snapshot.h"

#include <atomic>
#include <functional>
#include <vector>

namespace scalelab::sim {

struct ReplicationPlan {
    SimTime warmup = 0;   // simulated, then forgotten
    SimTime duration = 0; // measured
    int replications = 1;
    uint64_t firstSeed = 1;
    unsigned threads = 0; // 0 = one per hardware thread
    bool withSeries = false; // keep each run's window series in its snapshot
    // Each run's memory budget (sim/MemoryBudget.h); runs on parallel
    // threads each have their own.
    size_t memoryBudget = MemoryBudget::kDefaultBytes;
};

// Snapshots of the measured periods, in seed order (deterministic whatever
// the thread count). `cancel`, when given and set, makes the remaining runs
// stop early: their snapshots then cover less than `duration`. `progress`
// (may be null) is called from worker threads after each finished run.
// Throws what the Simulator throws (InvalidDesign) for the first failing run.
std::vector<stats::Snapshot> runReplications(const model::Architecture& design, const ReplicationPlan& plan,
                                             const std::atomic<bool>* cancel = nullptr,
                                             const std::function<void(int done)>& progress = {});

} // namespace scalelab::sim
