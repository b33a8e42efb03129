#include "NetworkModel.h"

#include "BlockPlanning.h"
#include "ClosedNetwork.h"
#include "PlanCaveats.h"
#include "model/Choices.h"
#include "model/ServiceMesh.h"
#include "model/Registry.h"
#include "model/Validator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace scalelab::analysis {

namespace {

using model::Behaviour;

// Blocks in call order: every caller before its callees (the validator has
// ruled out cycles).
std::vector<size_t> topologicalOrder(const model::Architecture& design)
{
    std::vector<int> incoming(design.blocks.size(), 0);
    for (const auto& link : design.links)
        ++incoming[*design.blockIndex(link.to)];
    std::vector<size_t> order;
    for (size_t i = 0; i < design.blocks.size(); ++i)
        if (incoming[i] == 0)
            order.push_back(i);
    for (size_t next = 0; next < order.size(); ++next)
        for (const model::Link* link : design.linksFrom(design.blocks[order[next]].id)) {
            const size_t target = *design.blockIndex(link->to);
            if (--incoming[target] == 0)
                order.push_back(target);
        }
    return order;
}

bool isClosedClient(const model::Block& block)
{
    return specOf(block).behaviour == Behaviour::Client &&
           block.choice<model::ArrivalModel>("arrival_model") == model::ArrivalModel::Closed;
}

bool isCapacityCache(const model::Block& block)
{
    return specOf(block).behaviour == Behaviour::Cache &&
           block.choice<model::HitModel>("hit_model") == model::HitModel::Capacity;
}

// One pass over the open network: traffic forward from the clients' rates,
// then latency backward from the leaves. `waitOverrideMs` replaces a pool's
// queueing wait (per visit) by one found elsewhere (the closed network's
// MVA); `context` carries the capacity caches' fetch times of the pass before.
NetworkPlan planPass(const PlanningContext& context, const std::map<std::string, double>& clientRates,
                     const std::map<std::string, double>& waitOverrideMs)
{
    const model::Architecture& design = context.design;
    NetworkPlan plan;
    plan.targetUtilization = context.targetUtilization;
    for (const auto& block : design.blocks) {
        BlockPlan& here = plan.blocks.emplace_back();
        here.id = block.id;
        here.kind = block.kind;
    }

    const std::vector<size_t> order = topologicalOrder(design);
    std::map<const model::Link*, double> linkRps; // calls per second on each link
    // Forward pass: traffic.
    for (size_t index : order) {
        const model::Block& block = design.blocks[index];
        const model::BlockSpec& spec = specOf(block);
        BlockPlan& here = plan.blocks[index];
        if (spec.behaviour == Behaviour::Client) {
            const auto rate = clientRates.find(block.id);
            const double rps = rate != clientRates.end() ? rate->second : block.param("rate_rps");
            here.readRps = rps * block.param("read_ratio");
            here.writeRps = rps - here.readRps;
            here.writeRowRps = here.writeRps;
            here.staticRps = here.readRps * block.param("static_ratio");
            plan.offeredRps += rps;
        }
        const auto links = design.linksFrom(block.id);
        const PassOn pass = passOn(context, block, spec, here);
        const std::vector<double> fractions = linkFractions(design, block, spec, links, here);
        for (size_t l = 0; l < links.size(); ++l) {
            BlockPlan& target = plan.blocks[*design.blockIndex(links[l]->to)];
            const double staticOut = here.staticRps * pass.staticReads * fractions[l];
            const double readsOut = (here.readRps - here.staticRps) * pass.reads * fractions[l] + staticOut;
            const double writesOut = here.writeRps * pass.writes * fractions[l];
            target.readRps += readsOut;
            target.staticRps += staticOut;
            target.writeRps += writesOut;
            target.writeRowRps += here.writeRowRps * pass.writeRows * fractions[l];
            linkRps[links[l]] = readsOut + writesOut;
            // GeoDNS routes by the client's region (only clients call it).
            if (specOf(design.blocks[*design.blockIndex(links[l]->to)]).behaviour == Behaviour::GeoDns)
                target.rpsByRegion[block.region] += readsOut + writesOut;
        }
    }
    // Backward pass: latency, callees before callers.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const model::Block& block = design.blocks[*it];
        BlockPlan& here = plan.blocks[*it];
        // A topic delivers in the background: its subscribers' pools never hold its publishers.
        const bool waitsForCalls = specOf(block).behaviour != Behaviour::Topic;
        std::vector<Call> calls;
        double pooledRps = 0, pooledWait = 0;
        for (const model::Link* link : design.linksFrom(block.id)) {
            const BlockPlan& target = *plan.find(link->to);
            const double there = 2 * model::linkLatencyMs(design, *link);
            Call call{there + target.responseMs, target.responseSdMs * target.responseSdMs,
                      there + target.readResponseMs, there + target.writeResponseMs};
            // GeoDNS: what this client's region sees.
            if (const auto regional = target.responseByRegionMs.find(block.region);
                regional != target.responseByRegionMs.end())
                call.meanMs = call.readMs = call.writeMs = there + regional->second;
            // A connection is held for the call's round trip; waiting for one comes first.
            if (waitsForCalls && link->param("pool_size") > 0) {
                const double rps = linkRps[link];
                const double poolMs = poolWaitMs(block, *link, rps, call.meanMs);
                pooledRps += rps;
                pooledWait += rps * poolMs;
                here.poolWaitMs = 0;
                call.meanMs += poolMs;
                call.readMs += poolMs;
                call.writeMs += poolMs;
            }
            calls.push_back(call);
        }
        if (pooledRps > 0)
            here.poolWaitMs = pooledWait / pooledRps;
        const auto wait = waitOverrideMs.find(block.id);
        planBlock(context, block, specOf(block), here, calls, wait == waitOverrideMs.end() ? nullptr : &wait->second);
        here.concurrency = here.arrivalRps() * here.responseMs / 1000;
    }
    double worst = -1;
    double weightedLatency = 0;
    for (size_t i = 0; i < plan.blocks.size(); ++i) {
        const BlockPlan& block = plan.blocks[i];
        if (block.hasCapacity && block.utilization > worst) {
            worst = block.utilization;
            plan.bottleneck = block.id;
        }
        if (specOf(design.blocks[i]).behaviour == Behaviour::Client)
            weightedLatency += block.arrivalRps() * block.responseMs;
    }
    plan.endToEndMs = plan.offeredRps > 0 ? weightedLatency / plan.offeredRps : 0;
    return plan;
}

// The open network. A capacity cache's misses depend on how long a fetch
// takes (CacheModel.h), which depends on the load those misses put
// downstream: start with instant fetches and plan again with the fetch
// times each pass finds, until they settle. Longer fetches only add misses
// and load, so the passes climb to the fixed point from below; when the
// downstream saturates, the fetch time has no finite fixed point and the
// last finite one is kept (the plan says saturated anyway).
NetworkPlan planOpen(const model::Architecture& design, double targetUtilization,
                     const std::map<std::string, double>& clientRates,
                     const std::map<std::string, double>& waitOverrideMs)
{
    constexpr int kMaxPasses = 20;
    constexpr double kSettled = 1e-4; // relative change of every fetch time
    std::map<std::string, CacheKeys> keys;
    PlanningContext context{design, targetUtilization, {}, &keys};
    const bool churns = std::any_of(design.blocks.begin(), design.blocks.end(), isCapacityCache);
    for (int pass = 1;; ++pass) {
        NetworkPlan plan = planPass(context, clientRates, waitOverrideMs);
        if (!churns || pass == kMaxPasses)
            return plan;
        bool settled = true;
        for (size_t i = 0; i < design.blocks.size(); ++i) {
            const BlockPlan& cache = plan.blocks[i];
            if (!isCapacityCache(design.blocks[i]) || !std::isfinite(cache.fetchMs) || !std::isfinite(cache.fetchSdMs))
                continue;
            FetchTime& before = context.fetchTimes[cache.id];
            settled = settled && std::abs(cache.fetchMs - before.meanMs) <= kSettled * cache.fetchMs &&
                      std::abs(cache.fetchSdMs - before.sdMs) <= kSettled * std::max(cache.fetchSdMs, 1e-3);
            before = {cache.fetchMs, cache.fetchSdMs};
        }
        if (settled)
            return plan;
    }
}

// Closed clients: N users who think and then wait for their request, so
// the rate is an outcome. The pools on the request's path become MVA
// stations (ClosedNetwork.h) with the open model's holding times as their
// demands (a worker stays held while its calls go on); the response is the
// idle path plus the stations' waits; open clients' load inflates the
// stations' demand.
// MVA gives the throughput and each pool's queueing, which the open model
// then lays out per block. All closed clients form one class (their users
// added, their think times averaged by users).
NetworkPlan planClosed(const model::Architecture& design, double targetUtilization)
{
    std::map<std::string, double> openOnly, unitClosed, nearlyIdle;
    double users = 0, thinkWeighted = 0;
    for (const auto& block : design.blocks) {
        if (specOf(block).behaviour != Behaviour::Client)
            continue;
        if (isClosedClient(block)) {
            users += block.param("virtual_users");
            thinkWeighted += block.param("virtual_users") * block.param("think_time_ms") / 1000;
            openOnly[block.id] = 0;
        } else {
            unitClosed[block.id] = 0;
            nearlyIdle[block.id] = 0;
        }
    }
    if (users <= 0) // nobody in the loop: only the open clients' traffic
        return planOpen(design, targetUtilization, openOnly, {});
    for (const auto& block : design.blocks)
        if (isClosedClient(block)) {
            unitClosed[block.id] = block.param("virtual_users") / users; // one closed request per second in all
            nearlyIdle[block.id] = unitClosed[block.id] * 1e-9;
        }
    const NetworkPlan unit = planOpen(design, targetUtilization, unitClosed, {});
    const NetworkPlan idle = planOpen(design, targetUtilization, nearlyIdle, {});
    const NetworkPlan open = planOpen(design, targetUtilization, openOnly, {});

    std::vector<MvaStation> stations;
    std::vector<std::string> stationIds;
    for (size_t i = 0; i < unit.blocks.size(); ++i) {
        const BlockPlan& perRequest = unit.blocks[i];
        if (!perRequest.hasCapacity || !perRequest.onResponsePath || perRequest.arrivalRps() <= 0)
            continue;
        const double holdingS = idle.blocks[i].holdingMs / 1000;
        const double openUtilization = std::min(open.blocks[i].utilization, 0.999);
        stations.push_back({std::max(1, perRequest.instances), std::max(1, perRequest.workers),
                            perRequest.arrivalRps() * holdingS, openUtilization});
        stationIds.push_back(perRequest.id);
    }
    // The path with no queueing anywhere, averaged over the closed clients by
    // their share (the only traffic of the idle plan).
    const double idleResponseS = idle.endToEndMs / 1000;
    const int population = static_cast<int>(std::min(users, 2e9));
    const MvaResult mva = mvaNetwork(stations, population, thinkWeighted / users, idleResponseS);

    std::map<std::string, double> rates, waits; // open clients keep their own rate
    for (const auto& block : design.blocks)
        if (isClosedClient(block))
            rates[block.id] = mva.throughput * unitClosed[block.id];
    for (size_t k = 0; k < stations.size(); ++k) {
        const double visits = unit.find(stationIds[k])->arrivalRps(); // per closed request
        waits[stationIds[k]] = std::max(0.0, mva.waitS[k]) / visits * 1000;
    }
    NetworkPlan plan = planOpen(design, targetUtilization, rates, waits);
    plan.closedUsers = population;
    plan.closedThroughputRps = mva.throughput;
    return plan;
}

} // namespace

const BlockPlan* NetworkPlan::find(const std::string& id) const
{
    for (const auto& block : blocks)
        if (block.id == id)
            return &block;
    return nullptr;
}

NetworkPlan planNetwork(const model::Architecture& design, double targetUtilization)
{
    if (model::hasErrors(model::validate(design)))
        throw std::invalid_argument("the design has errors; fix them before planning");
    const bool closed = std::any_of(design.blocks.begin(), design.blocks.end(), isClosedClient);
    NetworkPlan plan = closed ? planClosed(design, targetUtilization) : planOpen(design, targetUtilization, {}, {});
    plan.caveats = planCaveats(design, plan);
    return plan;
}

} // namespace scalelab::analysis
