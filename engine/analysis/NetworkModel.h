#pragma once
// The analytic twin of a design: per-block traffic from visit ratios, then
// utilisation and mean latency from queueing formulas, the bottleneck, and
// the instances each pool needs for a target utilisation.
//
// Model (an open network of M/G/c queues, as a Jackson network would be
// with general service):
//  - Arrivals are Poisson at each client; reads and writes are tracked
//    separately (caches serve reads, databases time them differently).
//  - A block sends a request down each link with the link's call
//    probability; a load balancer splits its traffic over all instances of
//    its targets (by link weight for weighted round robin); a cache passes
//    on misses (1 - hit ratio of reads) and every write.
//  - A pool instance is M/G/c with c = workers and the *holding* time as
//    service: own work plus its downstream calls, since a worker waits for
//    them (synchronous calls). Allen-Cunneen for the wait.
//  - A timeline fan-out block is such a pool for posts and reads (a read's
//    work includes merging followees) plus its fan-out writers, one more
//    pool whose load is posts/s x expected timelines per post (FanoutModel);
//    its utilisation is the busier of the two.
// Not modelled: retries and timeouts (it assumes no loss), finite queues
// (no blocking), connection caps, and the variability that downstream
// calls add to the holding time. Treat figures near saturation with care
// and check them against the simulator.
#include "model/Architecture.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

struct BlockPlan {
    std::string id;
    std::string kind;
    double readRps = 0, writeRps = 0; // arriving at the block
    bool hasCapacity = false;         // a pool of workers (service, database)
    int instances = 0, workers = 0;
    double serviceMs = 0;  // own work per request (mean over reads and writes)
    double holdingMs = 0;  // time a worker is held: work + downstream calls
    double utilization = 0;
    double waitMs = 0;     // queueing before a worker is free
    double responseMs = 0; // arrival to reply, downstream included
    double concurrency = 0; // requests in the block on average (Little's law)
    bool saturated = false; // utilisation >= 1: the queue grows without bound
    int requiredInstances = 0; // for the target utilisation (pools only)
    // Timeline fan-out blocks: background timeline writes and how busy they
    // keep the fan-out writers (>= 1: the backlog grows without bound).
    double fanoutWritesPerS = 0;
    double fanoutUtilization = 0;

    double arrivalRps() const { return readRps + writeRps; }
};

struct NetworkPlan {
    std::vector<BlockPlan> blocks; // in the design's order
    std::string bottleneck;        // id of the pool with the highest utilisation; empty if none
    double offeredRps = 0;         // all clients together
    double endToEndMs = 0;         // mean over clients, weighted by their rate
    double targetUtilization = 0.7;

    const BlockPlan* find(const std::string& id) const;
};

// Throws std::invalid_argument when the design has validation errors.
NetworkPlan planNetwork(const model::Architecture& architecture, double targetUtilization = 0.7);

} // namespace scalelab::analysis
