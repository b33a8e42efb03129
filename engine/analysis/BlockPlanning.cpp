#include "BlockPlanning.h"

#include "CacheModel.h"
#include "CachePlanning.h"
#include "DataStorePlanning.h"
#include "PoolDispatch.h"
#include "PoolPlanning.h"
#include "Queueing.h"
#include "ResponseMix.h"
#include "StreamingModel.h"
#include "WriteBehindModel.h"
#include "model/Choices.h"
#include "model/GatewayRoutes.h"
#include "model/RegionLatency.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::analysis {

namespace {

using model::Behaviour;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

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

// Requests a second that clients marked attack (a flood) send straight to `block`.
double attackRpsInto(const model::Architecture& design, const model::Block& block)
{
    double rps = 0;
    for (const model::Link& link : design.links) {
        const model::Block* from = link.to == block.id ? design.findBlock(link.from) : nullptr;
        if (from && model::behaviourOf(*from) == Behaviour::Client && from->param("attack") != 0)
            rps += from->param("rate_rps") * link.param("probability");
    }
    return rps;
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
