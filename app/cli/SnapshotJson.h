#pragma once
// The stable JSON form of a run's results (documented in the README): what
// `scalelab run --json` prints and what exports and tests read.
#include "stats/Snapshot.h"

#include <nlohmann/json.hpp>

namespace scalelab::cli {

nlohmann::ordered_json errorsToJson(const stats::ErrorCounts& errors);
nlohmann::ordered_json latencyToJson(const stats::LatencySummary& latency, bool full);
nlohmann::ordered_json snapshotToJson(const stats::Snapshot& snapshot, double wallSeconds);

} // namespace scalelab::cli
