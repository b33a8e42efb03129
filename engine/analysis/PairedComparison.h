#pragma once
// Two designs on the same traffic: replication i of A and of B run with the
// same seed, and every block draws from a stream named by the run seed and
// its id (sim/Rng.h), so the clients both designs share produce the same
// arrivals in both (common random numbers). The difference B - A is then
// taken per seed and its mean gets a Student-t interval over the pairs:
// the noise both runs share cancels, so a small real difference shows with
// a few replications where two independent intervals would overlap.
#include "core/SimTime.h"
#include "model/Architecture.h"
#include "stats/ConfidenceInterval.h"
#include "stats/Snapshot.h"

#include <atomic>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace scalelab::analysis {

struct ComparePlan {
    sim::SimTime warmup = 0;
    sim::SimTime duration = 0;
    int replications = 5;
    uint64_t firstSeed = 1;
    unsigned threads = 0; // 0 = one per hardware thread
    double confidence = 0.95;
};

struct FigureDifference {
    std::string metricA, metricB; // MetricCatalog names, in A and in B
    std::string label, unit;      // "p95 latency", "ms"
    std::string labelB;           // B's figure when it is another one ("Queue: message p95"), else empty
    bool ratio = false;           // a share, shown as a percentage
    stats::ConfidenceInterval a, b, difference; // difference = B - A, paired by seed
    // The interval on the difference excludes zero.
    bool significant() const { return difference.lower() > 0 || difference.upper() < 0; }
};

struct Comparison {
    int replications = 0;
    std::vector<FigureDifference> figures; // the defaults, then the extra ones asked for (each once)
    const FigureDifference* find(const std::string& metricA, const std::string& metricB) const;
};

// The figures every comparison shows, by MetricCatalog name.
const std::vector<std::string>& defaultComparedMetrics();

// Figures from snapshots already run: `a[i]` and `b[i]` ran on the same seed.
// A figure a snapshot does not have (an extra figure of a kind) is NaN there.
Comparison compareSnapshots(const std::vector<stats::Snapshot>& a, const std::vector<stats::Snapshot>& b,
                            const model::Architecture& designA, const model::Architecture& designB,
                            const std::vector<std::pair<std::string, std::string>>& extraFigures = {},
                            double confidence = 0.95);

// Runs both designs `plan.replications` times (seeds firstSeed...) and
// compares them. `cancel` stops the remaining runs (their snapshots then
// cover less); `progress(done, total)` comes from worker threads after each
// finished run. Throws what the Simulator throws for an invalid design.
Comparison compareDesigns(const model::Architecture& a, const model::Architecture& b, const ComparePlan& plan,
                          const std::vector<std::pair<std::string, std::string>>& extraFigures = {},
                          const std::atomic<bool>* cancel = nullptr,
                          const std::function<void(int done, int total)>& progress = {});

} // namespace scalelab::analysis
