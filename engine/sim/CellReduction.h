#pragma once
// The reduction of identical instances: a design with `"scale": {"cells": K}`
// is simulated as one of K identical cells. Every parameter the registry
// marks `perCell` (request rates, ramp stage rates, virtual users, instance
// counts, consumers, replicas, autoscaler bounds, concurrency and connection
// limits, queue capacities) is divided by K; the run is that one cell, and
// the snapshot scales counts back by K: requests, completions, errors,
// throughput, arrivals, instances of pools with workers, requests in
// flight, queue lengths and cost (each cell pays for its own balancer and
// cache). Latencies, utilisations and ratios are reported as measured.
// A link's connection pool needs no division: it is per caller instance
// (sim/ConnectionPool.h), so a cell's instances bring their own pools.
//
// Why this is exact for a random split: if every request independently
// picks one of K cells with probability 1/K, a Poisson stream of rate
// lambda becomes K independent Poisson streams of rate lambda/K (Poisson
// thinning). When each cell owns 1/K of every resource and the cells share
// nothing, they are independent, identically distributed copies: one
// cell's latency distribution *is* the whole system's, and each count of
// the whole is the sum of K identically distributed counts (K times one
// cell's in expectation). A design fed by a random load balancer, or a
// fleet of identical stacks behind DNS, is such a split.
//
// Approximate otherwise, and by how much depends on the design:
//  - Round robin, least connections and power of two balance over all N
//    instances, which pools capacity better than K separate groups of N/K
//    (M/M/c waits fall as c grows): the reduced run overstates the wait
//    near saturation. The error vanishes when N/K stays large.
//  - A shared resource that cannot be split (one database, a replicated
//    database's primary, a cache in the capacity model, a per-key rate
//    limit, a celebrity post that fans out to every cell): a count that K
//    does not divide is rounded (at least 1), which changes that
//    resource's load per instance. approximations() lists every such case,
//    and `scalelab run` prints them.
//  - Kind-specific extras (hit ratios, queue depths, fan-out backlog) are
//    one cell's.
// Cost: none at run time; the simulated cell is K times cheaper than the
// full design, which is the point (1M rps designs run live on a laptop).
#include "model/Architecture.h"
#include "stats/Snapshot.h"

#include <string>
#include <vector>

namespace scalelab::sim {

// The block as one of `cells` cells runs it.
model::Block reduceToCell(const model::Block& block, int cells);
// The same for a share of the load that need not be 1/K: every perCell
// parameter divided by `divisor` (counts rounded, at least 1). Shard
// sampling (run/ShardSampling.h) runs the blocks in front of the sharded
// tier at the sampled share of the load this way.
model::Block reduceLoad(const model::Block& block, double divisor);
// The block's perCell counts that reduceLoad rounds by more than 5%, in
// words ("" when none): their instances then see a different load.
std::string roundedCount(const model::Block& block, double divisor);
// Where the design's per-cell parameters do not divide exactly, in words.
std::vector<std::string> cellApproximations(const model::Architecture& design);
// Scales the cell's counts back to the whole design (see above).
void scaleToDesign(stats::Snapshot& snapshot, int cells);

} // namespace scalelab::sim
