#pragma once
// Capacity sweep: the same design at rising load, simulated and analytic
// side by side, to find where latency bends (the knee) and where the
// design stops keeping up (saturation). Each point is an independent run,
// so points may run in parallel; giving every point the same seed (common
// random numbers) makes neighbouring points differ by the load, not by luck.
// A point may be simulated several times (replications, seeds seed..seed+R-1):
// its figures are then means across them with 95% Student-t half-widths,
// so a chart can say how far a simulated point may sit from the truth.
#include "model/Architecture.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scalelab::analysis {

// Simulated time before measuring starts, shared by the CLI and the dialog.
constexpr double kSweepWarmupS = 5;

struct SweepPoint {
    double loadFactor = 0;    // multiple of today's load (1 = as designed)
    double offeredRps = 0;    // new client requests per second actually issued (retries excluded)
    double throughputRps = 0; // successful completions per second
    double p95Ms = 0, meanMs = 0; // end to end, successful requests
    double errorRate = 0;     // failed / (succeeded + failed)
    double analyticMeanMs = 0; // planNetwork endToEndMs; infinity when a pool is saturated
    double analyticBottleneckUtilization = 0; // of the busiest pool; 0 when the design has none
    // 95% half-widths across replications; infinite with one replication
    // (no spread to estimate it from).
    double throughputHalfWidthRps = 0, p95HalfWidthMs = 0, meanHalfWidthMs = 0;
};

// Confidence of the half-widths above.
constexpr double kSweepConfidence = 0.95;

// The fields of a point with their stable names (snake_case), in the order
// CSV columns and JSON keys use them.
struct SweepField {
    const char* name;
    double SweepPoint::*member;
};
const std::vector<SweepField>& sweepFields();
// Header row plus one line per point; an infinite analytic mean is an empty field.
std::string sweepCsv(const std::vector<SweepPoint>& points);

// `design` with every client's load multiplied by `factor`: rate_rps, the
// targets of its ramp stages, and virtual_users (rounded) for closed clients.
model::Architecture scaleLoad(const model::Architecture& design, double factor);

// Simulates scaleLoad(design, loadFactor) for warmupS + measureS, once per
// replication (seeds seed, seed+1...; one after another: the caller runs
// points in parallel), and plans it analytically. Throws sim::InvalidDesign
// (or std::invalid_argument) when the design has errors.
SweepPoint runSweepPoint(const model::Architecture& design, double loadFactor, uint64_t seed, double warmupS,
                         double measureS, int replications = 1);

// `steps` factors evenly spaced from `from` to `to`, both included
// ({from} for one step, nothing for fewer).
std::vector<double> sweepFactors(double from, double to, int steps);

// The knee of points sorted by rising load: the first index where
//  - p95 exceeds twice its low-load value (the first point's p95), or
//  - throughput falls more than 5% below offered load (requests are lost or
//    pile up in queues: the design no longer keeps up).
// -1 when neither happens. Latency doubling is the classic "knee" of a
// queue: for a lone M/M/1 server it comes at utilisation 0.5, for a pool of
// many workers or behind a fixed network delay it comes close to 1.
// Closed-loop clients never outrun their throughput, so for them only the
// latency rule can fire.
int findKnee(const std::vector<SweepPoint>& points);

} // namespace scalelab::analysis
