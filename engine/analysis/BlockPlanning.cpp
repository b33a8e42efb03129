#include "BlockPlanning.h"

#include "CacheModel.h"
#include "Queueing.h"
#include "RequiredInstances.h"
#include "WriteBehindModel.h"
#include "blocks/FanoutModel.h"
#include "blocks/ServiceTimes.h"
#include "model/Choices.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::analysis {

namespace {

using model::Behaviour;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

int instancesOf(const model::Block& block)
{
    switch (model::Registry::instance().find(block.kind)->behaviour) {
    case Behaviour::ReplicatedDatabase:
        return 1 + static_cast<int>(block.param("replicas"));
    case Behaviour::ShardedDatabase:
        return static_cast<int>(block.param("shards"));
    case Behaviour::Pool:
    case Behaviour::Fanout:
        return static_cast<int>(block.param("instances"));
    case Behaviour::Client:
    case Behaviour::LoadBalancer:
    case Behaviour::Cache:
    case Behaviour::Queue:
    case Behaviour::Topic:
    case Behaviour::CircuitBreaker:
    case Behaviour::RateLimiter:
    case Behaviour::Autoscaler:
    case Behaviour::Serverless:
    case Behaviour::GeoDns:
        break;
    }
    return 1;
}

// Share of a load balancer's traffic that goes down each of its links.
std::vector<double> balancerShares(const model::Architecture& design, const model::Block& balancer)
{
    const auto links = design.linksFrom(balancer.id);
    const bool weighted =
        balancer.choice<model::BalancerAlgorithm>("algorithm") == model::BalancerAlgorithm::WeightedRoundRobin;
    std::vector<double> shares;
    double total = 0;
    for (const model::Link* link : links) {
        const double share = instancesOf(*design.findBlock(link->to)) * (weighted ? link->param("weight") : 1.0);
        shares.push_back(share);
        total += share;
    }
    for (double& share : shares)
        share = total > 0 ? share / total : 0;
    return shares;
}

// The client whose keys a cache sees: the one upstream of it that reads the most.
const model::Block* keySource(const model::Architecture& design, const std::string& id)
{
    const model::Block* best = nullptr;
    double bestReads = -1;
    std::vector<std::string> pending{id}, seen{id};
    while (!pending.empty()) {
        const std::string current = pending.back();
        pending.pop_back();
        for (const auto& link : design.links) {
            if (link.to != current || std::find(seen.begin(), seen.end(), link.from) != seen.end())
                continue;
            seen.push_back(link.from);
            pending.push_back(link.from);
            const model::Block* from = design.findBlock(link.from);
            if (model::Registry::instance().find(from->kind)->tier != model::Tier::Source)
                continue;
            const double reads = from->param("rate_rps") * from->param("read_ratio");
            if (reads > bestReads) {
                bestReads = reads;
                best = from;
            }
        }
    }
    return best;
}

// Share of the cacheable reads a cache answers.
double cacheHitRatio(const PlanningContext& context, const model::Block& cache, double cacheableRps)
{
    if (cache.choice<model::HitModel>("hit_model") == model::HitModel::FixedRatio)
        return cache.param("hit_ratio");
    const model::Block* client = keySource(context.design, cache.id);
    if (!client || cacheableRps <= 0)
        return 0;
    const auto keys = static_cast<uint64_t>(std::max(1.0, client->param("key_space")));
    const double ttlRequests = cache.param("ttl_s") * cacheableRps; // 0: entries never expire
    return lruTtlHitRatio(zipfClasses(keys, client->param("key_skew")), cache.param("capacity"), ttlRequests);
}

// One instance of a pool as M/G/c: utilisation, mean wait, saturation.
struct PoolEstimate {
    double utilization = 0;
    double waitMs = 0;
    bool saturated = false;
};

PoolEstimate estimatePool(double perInstanceRps, double serviceMs, double holdingMs, double serviceCv, int workers,
                          const double* waitOverrideMs)
{
    PoolEstimate estimate;
    const double holdingS = holdingMs / 1000;
    estimate.utilization = perInstanceRps * holdingS / workers;
    estimate.saturated = estimate.utilization >= 1.0;
    if (waitOverrideMs) { // the closed network's MVA found the wait
        estimate.waitMs = *waitOverrideMs;
        return estimate;
    }
    if (holdingS <= 0 || perInstanceRps <= 0)
        return estimate;
    if (estimate.saturated || !std::isfinite(holdingS)) {
        estimate.waitMs = kInfinity;
        return estimate;
    }
    // Downstream time varies far less than CPU work: let only the own work carry its CV.
    const double cv = serviceCv * serviceMs / holdingMs;
    estimate.waitMs = mgcApprox(perInstanceRps, holdingS, cv, workers).meanWait * 1000;
    return estimate;
}

int requiredFor(double rps, double holdingMs, int workers, double targetUtilization)
{
    if (rps <= 0 || !std::isfinite(holdingMs) || holdingMs <= 0)
        return 1;
    return instancesForUtilization(rps, holdingMs / 1000, workers, targetUtilization);
}

// A pool of instances x workers (service, database, sharded database),
// holding a worker for its work and its downstream calls. A sharded
// database is planned as if keys spread evenly over its shards; a hot key's
// shard is hotter than this (see the simulator).
void planPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, double downstreamMs,
              const double* waitOverrideMs)
{
    const blocks::ServiceTimes times = blocks::ServiceTimes::of(block);
    const double arrivals = here.arrivalRps();
    here.hasCapacity = true;
    here.instances = instancesOf(block);
    here.workers = static_cast<int>(block.param("workers"));
    const double writeMs = times.writeMsFor(here.rowsPerWrite());
    here.serviceMs = arrivals > 0 ? (here.readRps * times.readMs + here.writeRps * writeMs) / arrivals
                                  : (times.readMs + times.writeMs) / 2;
    here.holdingMs = here.serviceMs + downstreamMs;
    const PoolEstimate pool = estimatePool(arrivals / here.instances, here.serviceMs, here.holdingMs, times.cv,
                                           here.workers, waitOverrideMs);
    here.utilization = pool.utilization;
    here.saturated = pool.saturated;
    here.waitMs = pool.waitMs;
    here.responseMs = pool.waitMs + here.holdingMs;
    here.requiredInstances = requiredFor(arrivals, here.holdingMs, here.workers, context.targetUtilization);
}

// Queue consumers and serverless containers: one pool of workers (the
// consumers; the concurrency limit) holding a request for its work and its
// downstream calls. A producer's call to a queue returns at once; a
// serverless caller waits (cold starts left out: they fade once warm).
void planWorkerPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, double attempts,
                    double downstreamMs, const double* waitOverrideMs)
{
    const bool queue = model::Registry::instance().find(block.kind)->behaviour == Behaviour::Queue;
    const double arrivals = here.arrivalRps();
    here.hasCapacity = true;
    here.onResponsePath = !queue;
    here.instances = 1;
    here.workers = std::max(1, static_cast<int>(block.param(queue ? "consumers" : "concurrency_limit")));
    here.serviceMs = block.param(queue ? "processing_time_ms" : "execution_time_ms");
    here.holdingMs = here.serviceMs + downstreamMs;
    const PoolEstimate pool = estimatePool(arrivals * attempts, here.serviceMs, here.holdingMs,
                                           block.param("service_cv"), here.workers, queue ? nullptr : waitOverrideMs);
    here.utilization = pool.utilization;
    here.saturated = pool.saturated;
    here.waitMs = pool.waitMs;
    here.responseMs = queue ? 0 : pool.waitMs + here.holdingMs;
    here.requiredInstances = requiredFor(arrivals * attempts, here.holdingMs, here.workers, context.targetUtilization);
}

// Writes load the primary, reads spread evenly over the replicas (or all go
// to the primary). A write waits for replication as its mode says. The
// block's utilisation is the average over its nodes, as the simulator
// measures it; `saturated` says whether any one node is overloaded.
void planReplicatedDatabase(const PlanningContext& context, const model::Block& block, BlockPlan& here,
                            const double* waitOverrideMs)
{
    const int replicas = static_cast<int>(block.param("replicas"));
    const bool readsOnPrimary =
        replicas == 0 || block.choice<model::ReadRouting>("read_routing") == model::ReadRouting::Primary;
    const double readMs = block.param("read_time_ms");
    const double writeMs = blocks::ServiceTimes::of(block).writeMsFor(here.rowsPerWrite());
    const double cv = block.param("service_cv");
    here.hasCapacity = true;
    here.instances = 1 + replicas;
    here.workers = static_cast<int>(block.param("workers"));
    const double primaryReads = readsOnPrimary ? here.readRps : 0;
    const double primaryRps = primaryReads + here.writeRps;
    const double primaryMs = primaryRps > 0 ? (primaryReads * readMs + here.writeRps * writeMs) / primaryRps : writeMs;
    const PoolEstimate primary = estimatePool(primaryRps, primaryMs, primaryMs, cv, here.workers, waitOverrideMs);
    const PoolEstimate replica = readsOnPrimary ? PoolEstimate{}
                                                : estimatePool(here.readRps / replicas, readMs, readMs, cv,
                                                               here.workers, waitOverrideMs);
    const auto mode = block.choice<model::Replication>("replication");
    const double replicationWaitMs = replicas == 0                          ? 0
                                     : mode == model::Replication::SemiSync ? block.param("replication_delay_ms")
                                     : mode == model::Replication::Sync
                                         ? block.param("replication_delay_ms") + block.param("apply_time_ms")
                                         : 0;
    here.utilization = (primary.utilization + replicas * replica.utilization) / (1 + replicas);
    here.saturated = primary.saturated || replica.saturated;
    const double arrivals = here.arrivalRps();
    here.serviceMs = arrivals > 0 ? (here.readRps * readMs + here.writeRps * writeMs) / arrivals : readMs;
    here.holdingMs = here.serviceMs;
    const double readWait = readsOnPrimary ? primary.waitMs : replica.waitMs;
    here.waitMs = arrivals > 0 ? (here.readRps * readWait + here.writeRps * primary.waitMs) / arrivals : 0;
    here.responseMs = arrivals > 0 ? (here.readRps * (readWait + readMs) +
                                      here.writeRps * (primary.waitMs + writeMs + replicationWaitMs)) / arrivals
                                   : readMs;
    // Instances needed: the primary for the writes plus replicas for the reads.
    here.requiredInstances =
        1 + (readsOnPrimary ? 0 : requiredFor(here.readRps, readMs, here.workers, context.targetUtilization));
}

// Posts and reads on a pool of instances (a read merges followees' posts),
// and the fan-out writers as a second pool fed by posts x timelines per post.
void planFanout(const PlanningContext& context, const model::Block& block, BlockPlan& here, double downstreamMs,
                const double* waitOverrideMs)
{
    const blocks::FanoutLoad load = blocks::fanoutLoad(block);
    const double readMs = block.param("read_time_ms") + load.mergedPerRead * block.param("merge_time_ms");
    const double postMs = block.param("post_time_ms");
    const double arrivals = here.arrivalRps();
    here.hasCapacity = true;
    here.fansOut = true;
    here.instances = instancesOf(block);
    here.workers = static_cast<int>(block.param("workers"));
    here.serviceMs = arrivals > 0 ? (here.readRps * readMs + here.writeRps * postMs) / arrivals : readMs;
    here.holdingMs = here.serviceMs + downstreamMs;
    const PoolEstimate pool = estimatePool(arrivals / here.instances, here.serviceMs, here.holdingMs,
                                           block.param("service_cv"), here.workers, waitOverrideMs);
    here.fanoutWritesPerS = here.writeRps * load.timelinesPerPost;
    here.fanoutUtilization =
        here.fanoutWritesPerS * block.param("write_time_ms") / 1000 / block.param("fanout_workers");
    here.utilization = std::max(pool.utilization, here.fanoutUtilization);
    here.saturated = pool.saturated || here.fanoutUtilization >= 1;
    here.waitMs = pool.waitMs;
    here.responseMs = pool.waitMs + here.holdingMs;
    here.requiredInstances = requiredFor(arrivals, here.holdingMs, here.workers, context.targetUtilization);
}

// A cache answers a hit after its hit latency; a miss costs the miss
// latency, the downstream call and, for cache-aside, writing the value
// back. Reads it does not cache (a CDN's dynamic ones) and writes go
// downstream (write-through also updates the cache; write-behind answers
// from the cache and writes in the background).
void planCache(const model::Block& block, const model::BlockSpec& spec, BlockPlan& here, double downstreamMs,
               bool hasLinks)
{
    const double hit = here.hitRatio, hitMs = block.param("latency_ms"), missMs = block.param("miss_latency_ms");
    const auto strategy = block.choice<model::CacheStrategy>("strategy");
    const double cacheableRps = spec.cachesStaticOnly ? here.staticRps : here.readRps;
    const double passedReads = here.readRps - cacheableRps;
    const double writeBack = strategy == model::CacheStrategy::CacheAside ? hitMs : 0;
    const double missPathMs = missMs + (hasLinks ? downstreamMs + writeBack : 0);
    const double cachedReadMs = hit * hitMs + (1 - hit) * missPathMs;
    const double passedReadMs = hasLinks ? downstreamMs : missMs;
    const double writeMs = !hasLinks                                           ? hitMs
                           : strategy == model::CacheStrategy::WriteBehind  ? hitMs
                           : strategy == model::CacheStrategy::WriteThrough ? downstreamMs + hitMs
                                                                            : downstreamMs;
    const double arrivals = here.arrivalRps();
    here.serviceMs = hitMs;
    here.responseMs = arrivals > 0
                          ? (cacheableRps * cachedReadMs + passedReads * passedReadMs + here.writeRps * writeMs) /
                                arrivals
                          : hitMs;
}

} // namespace

double poolWaitMs(const model::Block& caller, const model::Link& link, double callsPerSecond, double holdMs)
{
    const int size = static_cast<int>(link.param("pool_size"));
    if (size <= 0 || !(callsPerSecond > 0) || !(holdMs > 0) || !std::isfinite(holdMs))
        return 0;
    const double perInstance = callsPerSecond / std::max(1, instancesOf(caller));
    const double mu = 1000 / holdMs;
    const double timeoutS = link.param("pool_timeout_ms") / 1000;
    if (timeoutS > 0)
        return mmcDeterministicPatience(perInstance, mu, size, timeoutS).meanWaitServed * 1000;
    const QueueMetrics waits = mmc(perInstance, mu, size);
    return waits.stable ? waits.meanWait * 1000 : kInfinity;
}

PassOn passOn(const PlanningContext& context, const model::Block& block, const model::BlockSpec& spec,
              BlockPlan& here)
{
    const double arrivalRps = here.arrivalRps();
    switch (spec.behaviour) {
    case Behaviour::Cache: {
        const double cacheableRps = spec.cachesStaticOnly ? here.staticRps : here.readRps;
        here.hitRatio = cacheHitRatio(context, block, cacheableRps);
        const double miss = 1 - here.hitRatio;
        if (block.choice<model::CacheStrategy>("strategy") == model::CacheStrategy::WriteBehind) {
            // Every write reaches the store, in batches (WriteBehindModel.h).
            const WriteBehindFigures batches =
                writeBehind(here.writeRps, static_cast<int>(block.param("write_batch_size")),
                            block.param("flush_interval_ms") / 1000);
            return {spec.cachesStaticOnly ? 1.0 : miss, miss, 1.0 / batches.rowsPerBatch, 1.0};
        }
        return {spec.cachesStaticOnly ? 1.0 : miss, miss, 1.0, 1.0};
    }
    case Behaviour::RateLimiter:
        if (block.choice<model::LimitScope>("scope") == model::LimitScope::Global &&
            arrivalRps > block.param("rate_rps")) {
            const double admitted = block.param("rate_rps") / arrivalRps;
            return {admitted, admitted, admitted, admitted};
        }
        return {};
    case Behaviour::Queue: {
        // A failed attempt comes back, up to max_receives attempts in all:
        // 1 + p + ... + p^(m-1) attempts per message.
        const double p = block.param("failure_probability");
        const int m = static_cast<int>(block.param("max_receives"));
        const double attempts = p < 1 ? (1 - std::pow(p, m)) / (1 - p) : m;
        return {attempts, attempts, attempts, attempts};
    }
    case Behaviour::Client:
    case Behaviour::LoadBalancer:
    case Behaviour::Pool:
    case Behaviour::ReplicatedDatabase:
    case Behaviour::ShardedDatabase:
    case Behaviour::Topic:
    case Behaviour::CircuitBreaker:
    case Behaviour::Autoscaler:
    case Behaviour::Serverless:
    case Behaviour::GeoDns:
    case Behaviour::Fanout:
        break;
    }
    return {};
}

std::vector<double> linkFractions(const model::Architecture& design, const model::Block& block,
                                  const model::BlockSpec& spec, const std::vector<const model::Link*>& links)
{
    // One link each for balancers and GeoDNS (the plan spreads GeoDNS
    // evenly; the simulator routes by region), every link with its call
    // probability otherwise. An autoscaler's links steer, they carry nothing.
    if (spec.behaviour == Behaviour::LoadBalancer)
        return balancerShares(design, block);
    std::vector<double> fractions;
    for (const model::Link* link : links)
        fractions.push_back(spec.behaviour == Behaviour::Autoscaler ? 0.0
                            : spec.behaviour == Behaviour::GeoDns   ? 1.0 / static_cast<double>(links.size())
                            : spec.behaviour == Behaviour::Topic    ? 1.0
                                                                    : link->param("probability"));
    return fractions;
}

void planBlock(const PlanningContext& context, const model::Block& block, const model::BlockSpec& spec,
               BlockPlan& here, double downstreamMs, const double* waitOverrideMs)
{
    switch (spec.behaviour) {
    case Behaviour::Client:
        here.responseMs = downstreamMs;
        return;
    case Behaviour::LoadBalancer:
        here.serviceMs = block.param("overhead_ms");
        here.responseMs = here.serviceMs + downstreamMs;
        return;
    case Behaviour::Autoscaler: // steers instance counts; no traffic of its own
        return;
    case Behaviour::CircuitBreaker:
    case Behaviour::RateLimiter:
    case Behaviour::GeoDns:
        here.responseMs = downstreamMs; // guards and routers add no work (the plan ignores refusals' speed)
        return;
    case Behaviour::Topic:
        here.serviceMs = block.param("publish_ms");
        here.responseMs = here.serviceMs;
        return;
    case Behaviour::Queue:
        planWorkerPool(context, block, here, passOn(context, block, spec, here).reads, downstreamMs, waitOverrideMs);
        return;
    case Behaviour::Serverless:
        planWorkerPool(context, block, here, 1.0, downstreamMs, waitOverrideMs);
        return;
    case Behaviour::Cache:
        planCache(block, spec, here, downstreamMs, !context.design.linksFrom(block.id).empty());
        return;
    case Behaviour::Fanout:
        planFanout(context, block, here, downstreamMs, waitOverrideMs);
        return;
    case Behaviour::ReplicatedDatabase:
        planReplicatedDatabase(context, block, here, waitOverrideMs);
        return;
    case Behaviour::Pool:
    case Behaviour::ShardedDatabase:
        planPool(context, block, here, downstreamMs, waitOverrideMs);
        return;
    }
}

} // namespace scalelab::analysis
