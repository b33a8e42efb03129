#include "NetworkModel.h"

#include "BlockPlanning.h"
#include "ClosedNetwork.h"
#include "model/Choices.h"
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

const model::BlockSpec& specOf(const model::Block& block)
{
    return *model::Registry::instance().find(block.kind); // validated: every kind is known
}

bool isClosedClient(const model::Block& block)
{
    return specOf(block).behaviour == Behaviour::Client &&
           block.choice<model::ArrivalModel>("arrival_model") == model::ArrivalModel::Closed;
}

// The open network: traffic forward from the clients' rates, then latency
// backward from the leaves. `waitOverrideMs` replaces a pool's queueing
// wait (per visit) by one found elsewhere (the closed network's MVA).
NetworkPlan planOpen(const model::Architecture& design, double targetUtilization,
                     const std::map<std::string, double>& clientRates,
                     const std::map<std::string, double>& waitOverrideMs)
{
    NetworkPlan plan;
    plan.targetUtilization = targetUtilization;
    for (const auto& block : design.blocks)
        plan.blocks.push_back(BlockPlan{.id = block.id, .kind = block.kind});
    const PlanningContext context{design, targetUtilization};

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
        const std::vector<double> fractions = linkFractions(design, block, spec, links);
        for (size_t l = 0; l < links.size(); ++l) {
            BlockPlan& target = plan.blocks[*design.blockIndex(links[l]->to)];
            const double staticOut = here.staticRps * pass.staticReads * fractions[l];
            target.readRps += (here.readRps - here.staticRps) * pass.reads * fractions[l] + staticOut;
            target.staticRps += staticOut;
            target.writeRps += here.writeRps * pass.writes * fractions[l];
            target.writeRowRps += here.writeRowRps * pass.writeRows * fractions[l];
            linkRps[links[l]] = (here.readRps - here.staticRps) * pass.reads * fractions[l] + staticOut +
                                here.writeRps * pass.writes * fractions[l];
        }
    }
    // Backward pass: latency, callees before callers.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const model::Block& block = design.blocks[*it];
        const model::BlockSpec& spec = specOf(block);
        BlockPlan& here = plan.blocks[*it];
        const auto links = design.linksFrom(block.id);
        const std::vector<double> fractions = linkFractions(design, block, spec, links);
        double downstreamMs = 0; // expected time in downstream calls per request that goes on
        double pooledRps = 0, pooledWait = 0;
        if (spec.behaviour != Behaviour::Topic) // a topic delivers in the background
            for (size_t l = 0; l < links.size(); ++l) {
                // A connection is held for the call's round trip; waiting for one comes first.
                const double roundTripMs = 2 * links[l]->param("latency_ms") + plan.find(links[l]->to)->responseMs;
                const double rps = linkRps[links[l]];
                const double poolMs = poolWaitMs(block, *links[l], rps, roundTripMs);
                if (links[l]->param("pool_size") > 0) {
                    pooledRps += rps;
                    pooledWait += rps * poolMs;
                    here.poolWaitMs = 0;
                }
                downstreamMs += fractions[l] * (roundTripMs + poolMs);
            }
        if (pooledRps > 0)
            here.poolWaitMs = pooledWait / pooledRps;
        const auto wait = waitOverrideMs.find(block.id);
        planBlock(context, block, spec, here, downstreamMs, wait == waitOverrideMs.end() ? nullptr : &wait->second);
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
    return closed ? planClosed(design, targetUtilization) : planOpen(design, targetUtilization, {}, {});
}

} // namespace scalelab::analysis
