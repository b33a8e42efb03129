#pragma once
// What `scalelab sweep` prints, and `scalelab merge` prints again from the
// results of a planned sweep's jobs (SweepJobs.h): the points as a table or
// JSON, with the knee. One printer, so a sweep run as jobs reads exactly as
// the same sweep run in one process.
#include "analysis/CapacitySweep.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace scalelab::cli {

struct SweepSettings {
    int fromPercent = 10, toPercent = 150, steps = 15;
    double warmupS = analysis::kSweepWarmupS, measureS = 30;
    uint64_t seed = 1;
    int replications = 1; // per point
};

// A point's fields by their stable names; an infinite value (a saturated
// design's analytic latency) is null, since JSON has no infinity.
nlohmann::ordered_json sweepPointJson(const analysis::SweepPoint& point);
// The inverse: null reads back as infinity. Throws std::runtime_error naming a missing field.
analysis::SweepPoint sweepPointFromJson(const nlohmann::json& json);

void printSweepJson(const std::string& file, const SweepSettings& settings,
                    const std::vector<analysis::SweepPoint>& points, int knee);
void printSweepTable(const std::string& file, const SweepSettings& settings,
                     const std::vector<analysis::SweepPoint>& points, int knee);

} // namespace scalelab::cli
