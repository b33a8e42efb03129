#pragma once
// The analytic twin of a design: per-block traffic from visit ratios, then
// utilisation and mean latency from queueing formulas, the bottleneck, and
// the instances each pool needs for a target utilisation.
//
// Model (an open network of M/G/c queues, as a Jackson network would be
// with general service):
//  - Arrivals are Poisson at each open client; reads and writes are tracked
//    separately (caches serve reads, databases time them differently), and
//    static reads among the reads (a CDN caches only those).
//  - A block sends a request down each link with the link's call
//    probability; a load balancer splits its traffic over all instances of
//    its targets (by link weight for weighted round robin); a cache passes
//    on misses (1 - hit ratio of reads) and every write. A fixed-ratio cache
//    hits with its hit_ratio; a capacity cache (and a CDN) with the hit ratio
//    of an LRU cache with TTL under the clients' Zipf keys (CacheModel.h).
//    A hit costs the hit latency; a miss the miss latency, the downstream
//    call and, for cache-aside, the write back into the cache.
//  - A pool instance is M/G/c with c = workers and the *holding* time as
//    service: own work plus its downstream calls, since a worker waits for
//    them (synchronous calls). Allen-Cunneen for the wait.
//  - A timeline fan-out block is such a pool for posts and reads (a read's
//    work includes merging followees) plus its fan-out writers, one more
//    pool whose load is posts/s x expected timelines per post (FanoutModel);
//    its utilisation is the busier of the two.
//  - Closed clients (virtual users who think between requests) make the
//    rate an outcome: mean value analysis of the pools on the request's
//    path finds the throughput and the queueing (ClosedNetwork.h).
//  - How each kind is planned follows its BlockSpec::behaviour.
// Not modelled: retries and timeouts (it assumes no loss), finite queues
// (no blocking), connection caps, and the variability that downstream
// calls add to the holding time. A capacity cache is planned in steady
// state (a cold cache misses more until it fills), with the key popularity
// of the client that reads most through it (behind another cache, the
// misses it sees are less skewed, so its hit ratio is overstated), and
// without the keys that writes invalidate. Closed clients form one class
// (their users added). Treat figures near saturation with care and check
// them against the simulator.
#include "model/Architecture.h"

#include <algorithm>
#include <string>
#include <vector>

namespace scalelab::analysis {

struct BlockPlan {
    std::string id;
    std::string kind;
    double readRps = 0, writeRps = 0; // arriving at the block
    // Rows those writes carry: more than writeRps where write-behind batches
    // arrive (a batch is one write of many rows; ServiceTimes prices it).
    double writeRowRps = 0;
    double staticRps = 0;             // of the reads, those for static assets
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
    bool fansOut = false;
    double fanoutWritesPerS = 0;
    double fanoutUtilization = 0;
    // Caches: the share of cacheable reads that hit; -1 for other blocks.
    double hitRatio = -1;
    // Blocks calling over pooled links: the mean wait for a connection of
    // the calls over them (BlockPlanning's poolWaitMs); -1 without a pool.
    double poolWaitMs = -1;
    // False when the caller does not wait for it (a queue's consumers, a topic's subscribers).
    bool onResponsePath = true;

    double arrivalRps() const { return readRps + writeRps; }
    double rowsPerWrite() const { return writeRps > 0 ? std::max(1.0, writeRowRps / writeRps) : 1.0; }
};

struct NetworkPlan {
    std::vector<BlockPlan> blocks; // in the design's order
    std::string bottleneck;        // id of the pool with the highest utilisation; empty if none
    double offeredRps = 0;         // all clients together
    double endToEndMs = 0;         // mean over clients, weighted by their rate
    double targetUtilization = 0.7;
    // Closed clients: their virtual users and the throughput MVA finds (0 without closed clients).
    int closedUsers = 0;
    double closedThroughputRps = 0;

    const BlockPlan* find(const std::string& id) const;
};

// Throws std::invalid_argument when the design has validation errors.
NetworkPlan planNetwork(const model::Architecture& architecture, double targetUtilization = 0.7);

} // namespace scalelab::analysis
