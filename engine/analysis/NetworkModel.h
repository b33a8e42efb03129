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
//    its targets (by link weight for weighted round robin); GeoDNS sends
//    each client region's traffic to its nearest region (or the first, for
//    active-passive), which pays the inter-region latency there and back; a
//    cache passes on the misses that fetch and every write.
//  - A fixed-ratio cache hits with its hit_ratio; a capacity cache (and a
//    CDN) with the hit ratio of an LRU cache with TTL under the clients'
//    Zipf keys, less the keys that writes delete and the requests that miss
//    while a missing key is being fetched (CacheModel.h). A hit costs the
//    hit latency; a miss the miss latency, the downstream call and, for
//    cache-aside, the write back into the cache; a miss that waits for
//    another's fetch (a lock) the rest of that fetch. The fetch time depends
//    on the load the misses put downstream, so the network is planned again
//    with the last pass's fetch times until they settle.
//  - A pool instance is M/G/c with c = workers and the *holding* time as
//    service: own work plus its downstream calls, since a worker waits for
//    them (synchronous calls). Allen-Cunneen for the wait, with the arrivals'
//    variability the dispatch gives: Poisson behind a random (or IP-hash)
//    balancer; every N-th request (squared CV 1/N) in round robin, the
//    default of a pool called without a balancer; one pooled M/G/(N c) for
//    least connections and for reads spread over replicas by least load
//    (joining the shortest queue comes close to a single queue).
//  - A timeline fan-out block is such a pool for posts and reads (a read's
//    work includes merging followees) plus its fan-out writers, one more
//    pool whose load is posts/s x expected timelines per post (FanoutModel);
//    its utilisation is the busier of the two.
//  - Closed clients (virtual users who think between requests) make the
//    rate an outcome: mean value analysis of the pools on the request's
//    path finds the throughput and the queueing (ClosedNetwork.h).
//  - How each kind is planned follows its BlockSpec::behaviour.
// Not modelled: retries and timeouts (it assumes no loss), finite queues
// (no blocking), connection caps, traffic that changes over time, scheduled
// faults and the autoscalers' changes, and the variability that downstream
// calls add to the holding time. `caveats` names each of these a design
// has. A capacity cache is planned in steady state (a cold cache misses
// more until it fills), with the key popularity of the client that reads
// most through it (behind another cache, the misses it sees are less
// skewed, so its hit ratio is overstated); refresh-ahead and early
// expiration are planned as plain expiry, and the entries writes put in a
// write-through or write-behind cache are left out. Power-of-two choices
// is planned as random, an upper bound on its wait. Closed clients form one
// class (their users added). Treat figures near saturation with care and
// check them against the simulator.
#include "model/Architecture.h"

#include <map>
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
    double responseMs = 0; // arrival to reply, downstream included (mean over the block's traffic)
    double readResponseMs = 0, writeResponseMs = 0; // the same for a read, for a write
    double concurrency = 0; // requests in the block on average (Little's law)
    bool saturated = false; // utilisation >= 1: the queue grows without bound
    int requiredInstances = 0; // for the target utilisation (pools only)
    // Timeline fan-out blocks: background timeline writes and how busy they
    // keep the fan-out writers (>= 1: the backlog grows without bound).
    bool fansOut = false;
    double fanoutWritesPerS = 0;
    double fanoutUtilization = 0;
    // Rough standard deviation of the response time (independent steps add
    // their variances, a choice of paths mixes them): how long a cache's
    // fetch may take, which decides how many misses pile up behind it.
    double responseSdMs = 0;
    // Caches: the shares of cacheable reads that hit, that miss and fetch
    // downstream, and that miss and wait for another's fetch (a lock); the
    // hit ratio is -1 for other blocks. A capacity cache's fetch time, from
    // a miss until its value is cached (mean and standard deviation).
    double hitRatio = -1;
    double fetchRatio = 0, waitRatio = 0;
    double fetchMs = 0, fetchSdMs = 0;
    // GeoDNS: arrivals by the client's region, and the response each region's clients see.
    std::map<std::string, double> rpsByRegion;
    std::map<std::string, double> responseByRegionMs;
    // Blocks calling over pooled links: the mean wait for a connection of
    // the calls over them (BlockPlanning's poolWaitMs); -1 without a pool.
    double poolWaitMs = -1;
    // Partitioned stores: the expected share of requests over a partition's limit (throttled); -1 for others.
    double throttledRatio = -1;
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
    // Where the design goes beyond what the model covers (see above), in
    // words; empty when the plan should agree with a long enough run.
    std::vector<std::string> caveats;

    const BlockPlan* find(const std::string& id) const;
};

// Throws std::invalid_argument when the design has validation errors.
NetworkPlan planNetwork(const model::Architecture& architecture, double targetUtilization = 0.7);

} // namespace scalelab::analysis
