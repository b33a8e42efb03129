#pragma once
// What `scalelab run --replications N` prints: every figure as its mean
// across the replications with a 95% half-width, as a table or as JSON
// (each figure {"mean": x, "half_width": h, "n": N}; documented in README).
#include "run/AutoWarmup.h"
#include "stats/ReplicationSummary.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace scalelab::cli {

struct ReplicationRun {
    std::string file;
    uint64_t firstSeed = 1;
    double warmupS = 0, measureS = 0, wallS = 0;
    std::optional<sim::WarmupChoice> autoWarmup; // set when --warmup auto chose the warm-up
    uint64_t pilotSeed = 0;                      // the pilot's seed (with autoWarmup)
};

// {"mean", "half_width", "n"}; an infinite or NaN value is null (JSON has neither).
nlohmann::ordered_json estimateToJson(const stats::ConfidenceInterval& interval);
nlohmann::ordered_json replicationsToJson(const ReplicationRun& run, const stats::ReplicationSummary& summary);
void printReplicationTable(const ReplicationRun& run, const stats::ReplicationSummary& summary);
// One line saying which warm-up MSER-5 chose and from what (also used for a single run).
std::string describeAutoWarmup(const sim::WarmupChoice& choice, uint64_t pilotSeed);

} // namespace scalelab::cli
