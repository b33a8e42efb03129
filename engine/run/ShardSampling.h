#pragma once
// Shard sampling: a huge design whose load over one sharded tier is
// skewed (a hot key makes a hot shard) cannot be split into identical
// cells (sim/CellReduction.h), yet simulating every request is far slower
// than real time. This runs it live through stratified sampling of
// independent keyed partitions, with Horvitz-Thompson weights.
//
// What it does. Let w_i be shard i's share of the load (exact: the Zipf
// mass of the keys the shard map gives it, summed). A threshold t is
// chosen so that the expected simulated share fits the budget
// (SimulatorOptions::samplingBudgetRps, 100,000 rps by default):
//  - every shard with w_i >= t is simulated (weight 1), so the hot shards
//    are exact;
//  - every other shard is simulated with probability pi_i = w_i / t, by
//    systematic PPS sampling in an order drawn from the seed (so exactly
//    round(sum pi_i) of them, each with probability pi_i), and stands for
//    1 / pi_i shards of its size (weight t / w_i), calibrated so that the
//    sampled shards' weighted shares add up to the cold shards' known
//    total (a ratio estimator: it removes the jump of one shard's worth of
//    load between a sample of n and one of n + 1 shards);
//  - the clients send only keys of simulated shards (drawn by rejection:
//    exact conditioning) at rate lambda * f, f = the simulated shards'
//    share: by Poisson thinning each simulated shard sees exactly its real
//    stream, and the shards share nothing, so each simulated shard is
//    distributed exactly as in the full run;
//  - every count (arrivals, completions, errors, histogram counts, at every
//    block) adds the request's weight, so totals and latency percentiles
//    are Horvitz-Thompson estimates of the full run's; the sharded block's
//    busy and queue integrals weigh each shard alike, so its utilisation
//    and queue estimate the whole tier's; shards not simulated are left
//    out of its per-shard figures (not shown idle).
//  - the blocks in front of the sharded tier (load balancers, API
//    gateways, services) run at the share f like a cell: their perCell
//    parameters divided by 1/f, so each instance sees its real rate. Their
//    instance counts, queues, requests in flight and cost are scaled back
//    by 1/f in the snapshot.
//
// Where it is approximate. (1) Upstream instances see hot-shard requests
// over-represented (a hot shard is always in the sample, its cold peers
// only a 1/pi share), so when a request's time upstream depends on its
// shard (a service holds a worker while it waits for the database), the
// upstream utilisation and waits are those of a mix richer in hot-shard
// requests. The error is small while upstream tiers are not near
// saturation; near it, look at the hot shard, which is exact. It is large
// when the hot shard saturates: its backlog (up to its queue capacity)
// holds upstream workers, as many in the sample as in the whole design,
// but the sample's upstream has only f of them. At 1M rps with a
// saturated hot shard the sampled service ran at 100% and rejected 20% of
// the requests while the whole design ran at 28% and rejected 1.4%, so a
// design whose hottest shard is offered kMostHotShardLoad of its capacity
// or more is not sampled. (2) A count
// of upstream instances that 1/f does not divide is rounded (the plan
// lists each rounding above 5%). (3) The cold shards' figures carry
// sampling variance: fewer shards sampled, wider the spread between seeds
// (tests/engine/ShardSamplingTest.cpp measures it against full runs).
//
// Where it does not apply (planSampling says why in a sentence): cells,
// scheduled faults, more than one keyed tier, caches, queues, or any block
// whose state depends on all the keys' traffic, closed-loop users (their
// load is not a Poisson stream that thins), clients with different key
// distributions, a directory or geographic shard map (stateful or not by
// key), and cross-shard reads (they touch every shard).
//
// When: "scale": {"sampling": "auto"} (the default) samples only when the
// clients' peak rate is above the budget and the design is not reduced to
// cells already; "on" samples whenever it applies; "off" never. Cost: planning is O(min(keys, 2^20) + 2^18) once;
// at run time one hash of the key per counted call, and on average 1/f
// key draws per request.
#include "model/Architecture.h"
#include "sim/KeyWeights.h"
#include "stats/Snapshot.h"

#include <memory>
#include <string>
#include <vector>

namespace scalelab::sim {

struct SamplingPlan {
    bool active = false;
    // When active: the sentence the snapshot carries. Otherwise why
    // sampling was not used, when it was asked for or the design is above
    // the budget ("" when nobody needs to know).
    std::string note;
    std::string shardedBlockId;
    std::vector<double> shardWeights; // per shard: 1 / pi_i, 0 = not simulated
    double keptShare = 1;             // f: the simulated shards' share of the load
    std::vector<std::string> roundings; // upstream counts 1/f does not divide
    std::shared_ptr<const KeyWeights> keyWeights;

    bool sameAs(const SamplingPlan& other) const
    {
        return active == other.active && shardWeights == other.shardWeights && keptShare == other.keptShare;
    }
};

constexpr double kDefaultSamplingBudgetRps = 100'000;
// A hottest shard offered this share of its capacity or more is not
// sampled: near saturation its backlog holds the upstream workers, and a
// scaled-down upstream has too few of them (see "Where it is approximate").
constexpr double kMostHotShardLoad = 0.9;

// Why the design cannot be sampled, in a sentence; "" when it can.
std::string samplingObstacle(const model::Architecture& design);
// The plan for a run of `design` with `seed` (the sample is drawn from it).
SamplingPlan planSampling(const model::Architecture& design, uint64_t seed,
                          double budgetRps = kDefaultSamplingBudgetRps);
// The block as a sampled run simulates it.
model::Block reduceForSampling(const model::Block& block, const SamplingPlan& plan);
// Scales a sampled run's snapshot to the whole design (see above). Cost
// per block must already be priced at the estimated rate (Simulator).
void scaleSampled(stats::Snapshot& snapshot, const SamplingPlan& plan, const model::Architecture& design);
// How many times its simulated size an upstream block is (1/f, up to the
// rounding of its instance count); 1 for any other block.
double upstreamScale(const model::Block& block, const SamplingPlan& plan);

} // namespace scalelab::sim
