#pragma once
// The baseline `scalelab bench` compares the engine against: the benchmark
// network (Poisson client -> round-robin -> instances x workers, exponential
// service) written as the shortest plain event loop we know how to write. It
// has no generality, no stats beyond a mean, and no pools: it is the speed a
// special-purpose simulator of this one network reaches.
#include <cstdint>

namespace scalelab::bench {

struct MinimalLoopConfig {
    double rateRps = 50'000;
    int instances = 4;
    int workersPerInstance = 8;
    double serviceTimeMs = 0.5;
    double durationS = 60;
    uint64_t seed = 1;
};

struct MinimalLoopResult {
    uint64_t completed = 0;
    uint64_t events = 0; // arrivals and departures handled

    double meanLatencyMs = 0;
    double wallSeconds = 0;
};

MinimalLoopResult runMinimalLoop(const MinimalLoopConfig& config);
// The same loop, same draws, also recording what the engine records for
// this network (three blocks' counts and latency histograms, the service's
// busy and queue integrals): how much of the engine's time is statistics
// a user sees, and how much is the machinery of blocks and calls.
MinimalLoopResult runMinimalLoopWithStatistics(const MinimalLoopConfig& config);

} // namespace scalelab::bench
