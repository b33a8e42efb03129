#pragma once
// What a UI or the CLI reads about a run: plain values copied out of the
// engine at a slice boundary, so the reader never races the simulation.
#include "BlockMetrics.h"
#include "EventLogEntry.h"
#include "LatencySummary.h"
#include "WindowSample.h"

#include <map>
#include <string>
#include <vector>

namespace scalelab::stats {

// Cloud bills count a month as 730 hours (365 x 24 / 12).
constexpr double kHoursPerMonth = 730;

struct BlockSnapshot {
    std::string id;
    std::string kind;
    std::string name;
    int instances = 0;
    bool hasWorkers = false; // utilisation and queue apply (service, database)
    double utilization = 0; // busy workers / capacity since the last reset
    double meanQueue = 0;   // time-averaged waiting requests
    uint64_t arrivals = 0;
    uint64_t completed = 0;
    ErrorCounts errors;
    LatencySummary latency; // time spent in this block, downstream calls included
    int inFlight = 0;
    double costPerHour = 0; // current instances, measured request rate
    std::map<std::string, double> extras; // kind-specific: hit_ratio, attempts, connections...
    std::vector<WindowSample> series;     // closed windows, oldest first (only when asked)
};

struct Snapshot {
    double simSeconds = 0;      // simulated clock
    int cells = 1;              // the cell reduction: counts below are scaled back by this (sim/CellReduction.h)
    // Shard sampling (run/ShardSampling.h): the figures are estimates from a
    // sample of the shards; `sampling` says what was simulated, in a sentence
    // (or, not sampled, why a design too large to run whole was not).
    bool sampled = false;
    std::string sampling;
    double measuredSeconds = 0; // since the statistics were last reset (after warm-up)
    uint64_t events = 0;
    uint64_t requests = 0;  // new client requests in the measured period
    uint64_t completed = 0; // succeeded, possibly after retries
    ErrorCounts errors;     // final outcome of failed requests
    double throughputRps = 0;
    LatencySummary latency; // end to end at the clients, successful requests
    double costPerHour = 0; // all blocks together
    std::vector<BlockSnapshot> blocks;
    std::vector<WindowSample> series; // all clients together, oldest first (only when asked)
    std::vector<EventLogEntry> eventLog; // faults and reactions, oldest first
};

} // namespace scalelab::stats
