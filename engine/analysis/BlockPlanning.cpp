#include "BlockPlanning.h"

#include "CacheModel.h"
#include "DataStorePlanning.h"
#include "PoolDispatch.h"
#include "Queueing.h"
#include "RequiredInstances.h"
#include "StreamingModel.h"
#include "WriteBehindModel.h"
#include "blocks/FanoutModel.h"
#include "blocks/ServiceTimes.h"
#include "model/Choices.h"
#include "model/GatewayRoutes.h"
#include "model/InstanceTypes.h"
#include "model/RegionLatency.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::analysis {

namespace {

using model::Behaviour;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

Behaviour behaviourOf(const model::Block& block)
{
    return model::Registry::instance().find(block.kind)->behaviour;
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

// Mean and variance of the time in downstream calls of a request that goes
// on. With `exclusive`, a request takes exactly one link (a balancer's
// choice): the calls mix. Otherwise each link is a call made with its
// probability, independently of the others.
Call combine(const std::vector<double>& fractions, const std::vector<Call>& calls, bool exclusive)
{
    Call total;
    double secondMoment = 0;
    for (size_t l = 0; l < calls.size(); ++l) {
        const double f = fractions[l], mean = calls[l].meanMs, variance = calls[l].varianceMs2;
        if (f <= 0)
            continue;
        total.meanMs += f * mean;
        total.readMs += f * calls[l].readMs;
        total.writeMs += f * calls[l].writeMs;
        if (exclusive)
            secondMoment += f * (variance + mean * mean);
        else
            total.varianceMs2 += f * variance + f * (1 - f) * mean * mean;
    }
    if (exclusive)
        total.varianceMs2 = std::max(0.0, secondMoment - total.meanMs * total.meanMs);
    return total;
}

// Traffic shares with their response time: mean and variance of the mix.
struct Mixture {
    double weight = 0, sum = 0, squares = 0;

    void add(double share, double meanMs, double varianceMs2)
    {
        if (share <= 0)
            return;
        weight += share;
        sum += share * meanMs;
        squares += share * (varianceMs2 + meanMs * meanMs);
    }
    double mean() const { return weight > 0 ? sum / weight : 0; }
    double variance() const { return weight > 0 ? std::max(0.0, squares / weight - mean() * mean()) : 0; }
};

// The mean of a read's and a write's time by the block's traffic (a read's
// when none arrives); a type that does not arrive does not count, even
// when its time is infinite (a saturated queue).
double mixByTraffic(const BlockPlan& here, double readMs, double writeMs)
{
    const double arrivals = here.arrivalRps();
    if (arrivals <= 0)
        return readMs;
    return ((here.readRps > 0 ? here.readRps * readMs : 0) + (here.writeRps > 0 ? here.writeRps * writeMs : 0)) /
           arrivals;
}

// What a read and a write arriving at the block take, and their mix.
// Requests a second that clients marked attack (a flood) send straight to `block`.
double attackRpsInto(const model::Architecture& design, const model::Block& block)
{
    double rps = 0;
    for (const model::Link& link : design.links) {
        const model::Block* from = link.to == block.id ? design.findBlock(link.from) : nullptr;
        if (from && behaviourOf(*from) == Behaviour::Client && from->param("attack") != 0)
            rps += from->param("rate_rps") * link.param("probability");
    }
    return rps;
}

void setResponses(BlockPlan& here, double readMs, double writeMs)
{
    here.readResponseMs = readMs;
    here.writeResponseMs = writeMs;
    here.responseMs = mixByTraffic(here, readMs, writeMs);
}

// Time in downstream calls, averaged over the block's reads and writes.
double mixedDownstreamMs(const BlockPlan& here, const Call& downstream)
{
    return mixByTraffic(here, downstream.readMs, downstream.writeMs);
}

// The inter-region latency a GeoDNS block charges a client region for the region behind link `l`.
double geoExtraMs(const model::Architecture& design, const model::Block& geo, const std::string& clientRegion,
                  const model::Link& link)
{
    std::string error;
    const model::RegionLatency matrix = model::parseRegionLatency(geo.text("inter_region_ms"), error);
    return model::regionLatencyMs(matrix, clientRegion, design.findBlock(link.to)->region,
                                  geo.param("default_inter_region_ms"));
}

// The link a client region's requests take, every region healthy: the
// first for active-passive, the lowest latency (first among equals) for nearest.
size_t geoLinkFor(const model::Architecture& design, const model::Block& geo, const std::string& clientRegion)
{
    const auto links = design.linksFrom(geo.id);
    if (links.empty() || geo.choice<model::RegionPolicy>("policy") == model::RegionPolicy::ActivePassive)
        return 0;
    size_t best = 0;
    for (size_t l = 1; l < links.size(); ++l)
        if (geoExtraMs(design, geo, clientRegion, *links[l]) < geoExtraMs(design, geo, clientRegion, *links[best]))
            best = l;
    return best;
}

// Hit, fetch and wait shares of a cache's cacheable reads.
CacheOutcome cacheOutcome(const PlanningContext& context, const model::Block& cache, double cacheableRps,
                          double writeRps)
{
    if (cache.choice<model::HitModel>("hit_model") == model::HitModel::FixedRatio)
        return {cache.param("hit_ratio"), 1 - cache.param("hit_ratio"), 0};
    // Nothing behind it: a miss is answered empty and nothing is ever stored.
    if (context.design.linksFrom(cache.id).empty())
        return {0, 1, 0};
    const model::Block* client = keySource(context.design, cache.id);
    if (!client || cacheableRps <= 0)
        return {0, 1, 0};
    CacheKeys computed;
    CacheKeys* keys = &computed;
    if (context.cacheKeys)
        keys = &(*context.cacheKeys)[cache.id];
    if (keys->popularity.empty()) {
        const auto count = static_cast<uint64_t>(std::max(1.0, client->param("key_space")));
        keys->popularity = zipfClasses(count, client->param("key_skew"));
        keys->lruRequests = lruCharacteristicTime(keys->popularity, cache.param("capacity"));
    }
    const auto strategy = cache.choice<model::CacheStrategy>("strategy");
    const bool writesDelete = cache.param("invalidate_on_write") != 0 &&
                              strategy != model::CacheStrategy::WriteThrough &&
                              strategy != model::CacheStrategy::WriteBehind;
    KeyChurn churn;
    churn.ttlRequests = cache.param("ttl_s") * cacheableRps; // 0: entries never expire
    churn.deletesPerLookup = writesDelete ? writeRps / cacheableRps : 0;
    churn.lookupsPerMs = cacheableRps / 1000;
    if (auto fetch = context.fetchTimes.find(cache.id); fetch != context.fetchTimes.end()) {
        churn.fetchMs = fetch->second.meanMs;
        churn.fetchSdMs = fetch->second.sdMs;
    }
    churn.singleFlight = cache.choice<model::StampedeProtection>("stampede") == model::StampedeProtection::Lock;
    return capacityCacheOutcome(keys->popularity, keys->lruRequests, churn);
}

// One instance of a pool as G/G/c: utilisation, mean wait, saturation.
struct PoolEstimate {
    double utilization = 0;
    double waitMs = 0;
    bool saturated = false;
};

PoolEstimate estimatePool(double perInstanceRps, double serviceMs, double holdingMs, double serviceCv, int workers,
                          const double* waitOverrideMs, const Dispatch& dispatch = {}, int instances = 1)
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
    const QueueMetrics queue =
        dispatch.pooled ? mgcApprox(perInstanceRps * instances, holdingS, cv, workers * std::max(1, instances))
                        : ggcApprox(perInstanceRps, holdingS, dispatch.arrivalCv, cv, workers);
    estimate.waitMs = queue.meanWait * 1000;
    return estimate;
}

// Variance of a pool's response: its own work, its wait (taken as
// exponential) and its downstream calls, independent of each other.
double poolVariance(double serviceMs, double serviceCv, double waitMs, double downstreamVariance)
{
    const double work = serviceCv * serviceMs;
    return work * work + (std::isfinite(waitMs) ? waitMs * waitMs : 0) + downstreamVariance;
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
void planPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, const Call& downstream,
              const double* waitOverrideMs)
{
    const blocks::ServiceTimes times = blocks::ServiceTimes::of(block);
    const double arrivals = here.arrivalRps();
    const bool sharded = behaviourOf(block) == Behaviour::ShardedDatabase;
    here.hasCapacity = true;
    here.instances = instancesOf(block);
    here.workers = model::workersOf(block);
    const double writeMs = times.writeMsFor(here.rowsPerWrite());
    here.serviceMs = arrivals > 0 ? (here.readRps * times.readMs + here.writeRps * writeMs) / arrivals
                                  : (times.readMs + times.writeMs) / 2;
    here.holdingMs = here.serviceMs + mixedDownstreamMs(here, downstream);
    // A key picks its shard: each shard sees a Poisson share.
    const Dispatch dispatch = sharded ? Dispatch{} : dispatchOf(context.design, block);
    const PoolEstimate pool = estimatePool(arrivals / here.instances, here.serviceMs, here.holdingMs, times.cv,
                                           here.workers, waitOverrideMs, dispatch, here.instances);
    here.utilization = pool.utilization;
    here.saturated = pool.saturated;
    here.waitMs = pool.waitMs;
    setResponses(here, pool.waitMs + times.readMs + downstream.readMs, pool.waitMs + times.writeMs + downstream.writeMs);
    here.responseSdMs = std::sqrt(poolVariance(here.serviceMs, times.cv, pool.waitMs, downstream.varianceMs2));
    here.requiredInstances = requiredFor(arrivals, here.holdingMs, here.workers, context.targetUtilization);
}

// Queue consumers and serverless containers: one pool of workers (the
// consumers; the concurrency limit) holding a request for its work and its
// downstream calls. A producer's call to a queue returns at once; a
// serverless caller waits (cold starts left out: they fade once warm).
void planWorkerPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, double attempts,
                    const Call& downstream, const double* waitOverrideMs)
{
    const bool queue = behaviourOf(block) == Behaviour::Queue;
    const double arrivals = here.arrivalRps();
    here.hasCapacity = true;
    here.onResponsePath = !queue;
    here.instances = 1;
    here.workers = std::max(1, static_cast<int>(block.param(queue ? "consumers" : "concurrency_limit")));
    here.serviceMs = block.param(queue ? "processing_time_ms" : "execution_time_ms");
    here.holdingMs = here.serviceMs + mixedDownstreamMs(here, downstream);
    const PoolEstimate pool = estimatePool(arrivals * attempts, here.serviceMs, here.holdingMs,
                                           block.param("service_cv"), here.workers, queue ? nullptr : waitOverrideMs);
    here.utilization = pool.utilization;
    here.saturated = pool.saturated;
    here.waitMs = pool.waitMs;
    if (queue) // the producer has its ack at once
        setResponses(here, 0, 0);
    else
        setResponses(here, pool.waitMs + here.serviceMs + downstream.readMs,
                     pool.waitMs + here.serviceMs + downstream.writeMs);
    here.responseSdMs = queue ? 0
                              : std::sqrt(poolVariance(here.serviceMs, block.param("service_cv"), pool.waitMs,
                                                       downstream.varianceMs2));
    here.requiredInstances = requiredFor(arrivals * attempts, here.holdingMs, here.workers, context.targetUtilization);
}

// Writes load the primary, reads go to the least busy replica (one pooled
// queue over the replicas) or all to the primary. A write waits for
// replication as its mode says. The block's utilisation is the average
// over its nodes, as the simulator measures it; `saturated` says whether
// any one node is overloaded.
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
    here.workers = model::workersOf(block);
    const double primaryReads = readsOnPrimary ? here.readRps : 0;
    const double primaryRps = primaryReads + here.writeRps;
    const double primaryMs = primaryRps > 0 ? (primaryReads * readMs + here.writeRps * writeMs) / primaryRps : writeMs;
    const PoolEstimate primary = estimatePool(primaryRps, primaryMs, primaryMs, cv, here.workers, waitOverrideMs);
    const PoolEstimate replica = readsOnPrimary ? PoolEstimate{}
                                                : estimatePool(here.readRps / replicas, readMs, readMs, cv,
                                                               here.workers, waitOverrideMs, {1, true}, replicas);
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
    Mixture response;
    response.add(here.readRps, readWait + readMs, poolVariance(readMs, cv, readWait, 0));
    response.add(here.writeRps, primary.waitMs + writeMs + replicationWaitMs, poolVariance(writeMs, cv, primary.waitMs, 0));
    setResponses(here, readWait + readMs, primary.waitMs + writeMs + replicationWaitMs);
    here.responseSdMs = std::sqrt(response.variance());
    // Instances needed: the primary for the writes plus replicas for the reads.
    here.requiredInstances =
        1 + (readsOnPrimary ? 0 : requiredFor(here.readRps, readMs, here.workers, context.targetUtilization));
}

// CQRS: the log node takes the appends (M/G/c), the read-model nodes the
// reads (least busy first: one M/G/c over them all), each side sized on
// its own. The projection works in the background: it delays no request,
// and PlanCaveats says when it falls behind.
void planEventStore(const PlanningContext& context, const model::Block& block, BlockPlan& here,
                    const double* waitOverrideMs)
{
    const int readNodes = static_cast<int>(block.param("read_instances"));
    const double readMs = block.param("read_time_ms"), appendMs = block.param("append_time_ms");
    const double cv = block.param("service_cv");
    here.hasCapacity = true;
    here.instances = 1 + readNodes;
    here.workers = model::workersOf(block);
    const PoolEstimate log = estimatePool(here.writeRps, appendMs, appendMs, cv, here.workers, waitOverrideMs);
    const PoolEstimate reads = estimatePool(here.readRps / readNodes, readMs, readMs, cv, here.workers,
                                            waitOverrideMs, {1, true}, readNodes);
    here.utilization = (log.utilization + readNodes * reads.utilization) / (1 + readNodes);
    here.saturated = log.saturated || reads.saturated;
    const double arrivals = here.arrivalRps();
    here.serviceMs = arrivals > 0 ? (here.readRps * readMs + here.writeRps * appendMs) / arrivals : readMs;
    here.holdingMs = here.serviceMs;
    here.waitMs = arrivals > 0 ? (here.readRps * reads.waitMs + here.writeRps * log.waitMs) / arrivals : 0;
    Mixture response;
    response.add(here.readRps, reads.waitMs + readMs, poolVariance(readMs, cv, reads.waitMs, 0));
    response.add(here.writeRps, log.waitMs + appendMs, poolVariance(appendMs, cv, log.waitMs, 0));
    setResponses(here, reads.waitMs + readMs, log.waitMs + appendMs);
    here.responseSdMs = std::sqrt(response.variance());
    // The log node for the appends plus read-model nodes for the reads.
    here.requiredInstances = 1 + requiredFor(here.readRps, readMs, here.workers, context.targetUtilization);
}

// Each link's share of a gateway's requests: the shares of the routes its
// block serves, or the link weights without routes.
std::vector<double> gatewayShares(const model::Block& gateway, const std::vector<const model::Link*>& links)
{
    std::string error;
    const std::vector<model::GatewayRoute> routes = model::parseGatewayRoutes(gateway.text("routes"), error);
    std::vector<double> shares(links.size(), 0.0);
    double total = 0;
    for (size_t l = 0; l < links.size(); ++l) {
        if (routes.empty())
            shares[l] = links[l]->param("weight");
        for (const model::GatewayRoute& route : routes)
            shares[l] += route.target == links[l]->to ? route.share : 0.0;
    }
    for (const model::GatewayRoute& route : routes)
        total += route.share; // a route to an unlinked block fails its share
    if (routes.empty())
        for (double share : shares)
            total += share;
    for (double& share : shares)
        share = total > 0 ? share / total : 0;
    return shares;
}

// A gateway's cores are held for its own work only (TLS, auth), not while
// the service answers: a pool of instances x cores taking them in turn,
// whose response adds the routed call.
void planGateway(const PlanningContext& context, const model::Block& block, BlockPlan& here, const Call& downstream,
                 const double* waitOverrideMs)
{
    const double overheadMs = block.param("tls_ms") + block.param("auth_ms");
    const double cv = block.param("service_cv");
    here.hasCapacity = true;
    here.instances = instancesOf(block);
    here.workers = static_cast<int>(block.param("workers"));
    here.serviceMs = overheadMs;
    here.holdingMs = overheadMs;
    const PoolEstimate pool = estimatePool(here.arrivalRps() / here.instances, overheadMs, overheadMs, cv,
                                           here.workers, waitOverrideMs, dispatchOf(context.design, block),
                                           here.instances);
    here.utilization = pool.utilization;
    here.saturated = pool.saturated;
    here.waitMs = pool.waitMs;
    setResponses(here, pool.waitMs + overheadMs + downstream.readMs, pool.waitMs + overheadMs + downstream.writeMs);
    here.responseSdMs = std::sqrt(poolVariance(overheadMs, cv, pool.waitMs, downstream.varianceMs2));
    here.requiredInstances = requiredFor(here.arrivalRps(), overheadMs, here.workers, context.targetUtilization);
}

// Posts and reads on a pool of instances (a read merges followees' posts),
// and the fan-out writers as a second pool fed by posts x timelines per post.
void planFanout(const PlanningContext& context, const model::Block& block, BlockPlan& here, const Call& downstream,
                const double* waitOverrideMs)
{
    const blocks::FanoutLoad load = blocks::fanoutLoad(block);
    const double readMs = block.param("read_time_ms") + load.mergedPerRead * block.param("merge_time_ms");
    const double postMs = block.param("post_time_ms");
    const double arrivals = here.arrivalRps();
    here.hasCapacity = true;
    here.fansOut = true;
    here.instances = instancesOf(block);
    here.workers = model::workersOf(block);
    here.serviceMs = arrivals > 0 ? (here.readRps * readMs + here.writeRps * postMs) / arrivals : readMs;
    here.holdingMs = here.serviceMs + mixedDownstreamMs(here, downstream);
    const PoolEstimate pool =
        estimatePool(arrivals / here.instances, here.serviceMs, here.holdingMs, block.param("service_cv"),
                     here.workers, waitOverrideMs, dispatchOf(context.design, block), here.instances);
    here.fanoutWritesPerS = here.writeRps * load.timelinesPerPost;
    here.fanoutUtilization =
        here.fanoutWritesPerS * block.param("write_time_ms") / 1000 / block.param("fanout_workers");
    here.utilization = std::max(pool.utilization, here.fanoutUtilization);
    here.saturated = pool.saturated || here.fanoutUtilization >= 1;
    here.waitMs = pool.waitMs;
    setResponses(here, pool.waitMs + readMs + downstream.readMs, pool.waitMs + postMs + downstream.writeMs);
    here.responseSdMs =
        std::sqrt(poolVariance(here.serviceMs, block.param("service_cv"), pool.waitMs, downstream.varianceMs2));
    here.requiredInstances = requiredFor(arrivals, here.holdingMs, here.workers, context.targetUtilization);
}

// A cache answers a hit after its hit latency; a miss costs the miss
// latency, the downstream call and, for cache-aside, writing the value
// back; a miss that waits for another's fetch (a lock) waits out the rest
// of it: E[F^2] / 2 E[F] for a fetch time F, as it arrives at a random
// moment of the fetch. Reads it does not cache (a CDN's dynamic ones) and
// writes go downstream (write-through also updates the cache;
// write-behind answers from the cache and writes in the background).
void planCache(const model::Block& block, const model::BlockSpec& spec, BlockPlan& here, const Call& downstream,
               bool hasLinks)
{
    const double hitMs = block.param("latency_ms"), missMs = block.param("miss_latency_ms");
    const auto strategy = block.choice<model::CacheStrategy>("strategy");
    const double cacheableRps = spec.cachesStaticOnly ? here.staticRps : here.readRps;
    const double passedReads = here.readRps - cacheableRps;
    // A miss fetches a read, a write passes on as a write.
    const double down = hasLinks ? downstream.readMs : 0, downWrite = hasLinks ? downstream.writeMs : 0;
    const double downVariance = hasLinks ? downstream.varianceMs2 : 0;
    here.fetchMs = missMs + down; // a miss until the value is cached
    here.fetchSdMs = std::sqrt(downVariance);
    const double writeBack = strategy == model::CacheStrategy::CacheAside && hasLinks ? hitMs : 0;
    const double waitForFetchMs =
        here.fetchMs > 0 ? (here.fetchMs * here.fetchMs + downVariance) / (2 * here.fetchMs) : 0;
    Mixture reads;
    reads.add(cacheableRps * here.hitRatio, hitMs, 0);
    reads.add(cacheableRps * here.fetchRatio, here.fetchMs + writeBack, downVariance);
    reads.add(cacheableRps * here.waitRatio, waitForFetchMs, 0);
    reads.add(passedReads, hasLinks ? down : missMs, downVariance);
    const bool writeWaits = hasLinks && strategy != model::CacheStrategy::WriteBehind;
    const double writeMs = !writeWaits ? hitMs
                           : strategy == model::CacheStrategy::WriteThrough ? downWrite + hitMs
                                                                            : downWrite;
    Mixture all = reads;
    all.add(here.writeRps, writeMs, writeWaits ? downVariance : 0);
    here.serviceMs = hitMs;
    // With no reads yet, what one would take: the hit ratio's mix.
    setResponses(here, reads.weight > 0 ? reads.mean() : hitMs, writeMs);
    here.responseSdMs = std::sqrt(all.variance());
}

// Each client region's requests go to its region's link and pay the
// inter-region latency there and back; the block's response is the mean
// over the regions, and each region's is kept for its clients.
void planGeoDns(const PlanningContext& context, const model::Block& block, BlockPlan& here,
                const std::vector<Call>& calls, const Call& evenSplit)
{
    const auto links = context.design.linksFrom(block.id);
    Mixture response;
    here.responseByRegionMs.clear();
    for (const auto& [region, rps] : here.rpsByRegion) {
        const size_t l = geoLinkFor(context.design, block, region);
        if (l >= calls.size())
            continue;
        const double ms = 2 * geoExtraMs(context.design, block, region, *links[l]) + calls[l].meanMs;
        here.responseByRegionMs[region] = ms;
        response.add(rps, ms, calls[l].varianceMs2);
    }
    if (response.weight > 0) {
        here.responseMs = here.readResponseMs = here.writeResponseMs = response.mean();
        here.responseSdMs = std::sqrt(response.variance());
    } else {
        setResponses(here, evenSplit.readMs, evenSplit.writeMs);
        here.responseSdMs = std::sqrt(evenSplit.varianceMs2);
    }
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
        const CacheOutcome outcome = cacheOutcome(context, block, cacheableRps, here.writeRps);
        here.hitRatio = outcome.hit;
        here.fetchRatio = outcome.fetch;
        here.waitRatio = outcome.wait;
        const double reads = spec.cachesStaticOnly ? 1.0 : outcome.fetch;
        if (block.choice<model::CacheStrategy>("strategy") == model::CacheStrategy::WriteBehind) {
            // Every write reaches the store, in batches (WriteBehindModel.h).
            const WriteBehindFigures batches =
                writeBehind(here.writeRps, static_cast<int>(block.param("write_batch_size")),
                            block.param("flush_interval_ms") / 1000);
            return {reads, outcome.fetch, 1.0 / batches.rowsPerBatch, 1.0};
        }
        return {reads, outcome.fetch, 1.0, 1.0};
    }
    case Behaviour::RateLimiter: {
        // A WAF's signatures first (attack traffic from the clients that
        // call it directly), then the limit on what they let through.
        const double attack = arrivalRps > 0 ? std::min(1.0, attackRpsInto(context.design, block) / arrivalRps) : 0;
        double admitted = (1 - attack) * (1 - block.param("false_positive_rate")) +
                          attack * (1 - block.param("attack_detection"));
        if (block.choice<model::LimitScope>("scope") == model::LimitScope::Global &&
            arrivalRps * admitted > block.param("rate_rps"))
            admitted = block.param("rate_rps") / arrivalRps;
        return {admitted, admitted, admitted, admitted};
    }
    case Behaviour::Queue: {
        // A failed attempt comes back, up to max_receives attempts in all:
        // 1 + p + ... + p^(m-1) attempts per message.
        const double p = block.param("failure_probability");
        const int m = static_cast<int>(block.param("max_receives"));
        const double attempts = p < 1 ? (1 - std::pow(p, m)) / (1 - p) : m;
        return {attempts, attempts, attempts, attempts};
    }
    case Behaviour::Stream: {
        // Each group's consumers make the downstream calls for what they read.
        double read = 0;
        for (const GroupFlow& flow : streamGroupFlows(block, arrivalRps))
            read += flow.throughputRps;
        const double perMessage = arrivalRps > 0 ? read / arrivalRps : 0;
        return {perMessage, perMessage, perMessage, perMessage};
    }
    case Behaviour::ConnectionServer:
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
    case Behaviour::PartitionedStore:
    case Behaviour::SearchIndex:
    case Behaviour::EventStore:
    case Behaviour::ApiGateway:
    case Behaviour::Saga:
        break;
    }
    return {};
}

std::vector<double> linkFractions(const model::Architecture& design, const model::Block& block,
                                  const model::BlockSpec& spec, const std::vector<const model::Link*>& links,
                                  const BlockPlan& here)
{
    // One link each for balancers and GeoDNS, every link with its call
    // probability otherwise. An autoscaler's links steer, they carry nothing.
    if (spec.behaviour == Behaviour::LoadBalancer)
        return balancerShares(design, block);
    if (spec.behaviour == Behaviour::ApiGateway)
        return gatewayShares(block, links);
    std::vector<double> fractions(links.size(), 0.0);
    if (spec.behaviour == Behaviour::GeoDns) {
        double total = 0;
        for (const auto& [region, rps] : here.rpsByRegion)
            total += rps;
        for (const auto& [region, rps] : here.rpsByRegion)
            if (const size_t l = geoLinkFor(design, block, region); l < links.size() && total > 0)
                fractions[l] += rps / total;
        if (total <= 0) // no traffic to route: spread evenly
            std::fill(fractions.begin(), fractions.end(), 1.0 / static_cast<double>(links.size()));
        return fractions;
    }
    for (size_t l = 0; l < links.size(); ++l)
        fractions[l] = spec.behaviour == Behaviour::Autoscaler ? 0.0
                       : spec.behaviour == Behaviour::Topic    ? 1.0
                                                               : links[l]->param("probability");
    return fractions;
}

void planBlock(const PlanningContext& context, const model::Block& block, const model::BlockSpec& spec,
               BlockPlan& here, const std::vector<Call>& calls, const double* waitOverrideMs)
{
    const auto links = context.design.linksFrom(block.id);
    const std::vector<double> fractions = linkFractions(context.design, block, spec, links, here);
    const bool exclusive = spec.behaviour == Behaviour::LoadBalancer || spec.behaviour == Behaviour::GeoDns ||
                           spec.behaviour == Behaviour::ApiGateway;
    const Call downstream = combine(fractions, calls, exclusive);
    switch (spec.behaviour) {
    case Behaviour::Client:
        setResponses(here, downstream.readMs, downstream.writeMs);
        here.responseSdMs = std::sqrt(downstream.varianceMs2);
        return;
    case Behaviour::LoadBalancer:
        here.serviceMs = block.param("overhead_ms");
        setResponses(here, here.serviceMs + downstream.readMs, here.serviceMs + downstream.writeMs);
        here.responseSdMs = std::sqrt(downstream.varianceMs2);
        return;
    case Behaviour::Autoscaler: // steers instance counts; no traffic of its own
        return;
    case Behaviour::GeoDns:
        planGeoDns(context, block, here, calls, downstream);
        return;
    case Behaviour::CircuitBreaker:
    case Behaviour::RateLimiter:
        // Guards add no work (the plan ignores refusals' speed).
        setResponses(here, downstream.readMs, downstream.writeMs);
        here.responseSdMs = std::sqrt(downstream.varianceMs2);
        return;
    case Behaviour::Topic: // publishes and returns; delivery goes on in the background
        here.serviceMs = block.param("publish_ms");
        setResponses(here, here.serviceMs, here.serviceMs);
        return;
    case Behaviour::Queue:
        planWorkerPool(context, block, here, passOn(context, block, spec, here).reads, downstream, waitOverrideMs);
        return;
    case Behaviour::Serverless:
        planWorkerPool(context, block, here, 1.0, downstream, waitOverrideMs);
        return;
    case Behaviour::Cache:
        planCache(block, spec, here, downstream, !links.empty());
        return;
    case Behaviour::Fanout:
        planFanout(context, block, here, downstream, waitOverrideMs);
        return;
    case Behaviour::ReplicatedDatabase:
        planReplicatedDatabase(context, block, here, waitOverrideMs);
        return;
    case Behaviour::EventStore:
        planEventStore(context, block, here, waitOverrideMs);
        return;
    case Behaviour::ApiGateway:
        planGateway(context, block, here, downstream, waitOverrideMs);
        return;
    case Behaviour::Pool:
    case Behaviour::ShardedDatabase:
    case Behaviour::Saga: // a service calling every step; PlanCaveats says what compensations add
        planPool(context, block, here, downstream, waitOverrideMs);
        return;
    case Behaviour::PartitionedStore:
        planPartitionedStore(block, here, keySource(context.design, block.id));
        return;
    case Behaviour::SearchIndex:
        planSearchIndex(block, here, context.targetUtilization);
        return;
    case Behaviour::Stream:
        planStream(block, here);
        return;
    case Behaviour::ConnectionServer:
        planConnectionServer(block, here, context.targetUtilization);
        return;
    }
}

} // namespace scalelab::analysis
