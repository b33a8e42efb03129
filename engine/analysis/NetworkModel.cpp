#include "NetworkModel.h"
#include "blocks/FanoutModel.h"

#include "Queueing.h"
#include "RequiredInstances.h"
#include "model/Validator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace scalelab::analysis {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

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

int instancesOf(const model::Block& block)
{
    if (block.kind == "replicated_database")
        return 1 + static_cast<int>(block.param("replicas"));
    if (block.kind == "sharded_database")
        return static_cast<int>(block.param("shards"));
    return block.kind == "service" || block.kind == "database" || block.kind == "fanout"
               ? static_cast<int>(block.param("instances"))
               : 1;
}

// Share of a load balancer's traffic that goes down each of its links.
std::vector<double> balancerShares(const model::Architecture& design, const model::Block& balancer)
{
    const auto links = design.linksFrom(balancer.id);
    const bool weighted = static_cast<int>(balancer.param("algorithm")) == 1; // weighted_round_robin
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

// Fraction of arriving reads / writes that go on down the links.
std::pair<double, double> passOn(const model::Block& block, double arrivalRps)
{
    if (block.kind == "cache")
        return {1.0 - block.param("hit_ratio"), 1.0};
    if (block.kind == "rate_limiter" && block.param("scope") == 0 && arrivalRps > block.param("rate_rps")) {
        const double admitted = block.param("rate_rps") / arrivalRps;
        return {admitted, admitted};
    }
    if (block.kind == "queue") {
        // A failed attempt comes back, up to max_receives attempts in all:
        // 1 + p + ... + p^(m-1) attempts per message.
        const double p = block.param("failure_probability");
        const int m = static_cast<int>(block.param("max_receives"));
        const double attempts = p < 1 ? (1 - std::pow(p, m)) / (1 - p) : m;
        return {attempts, attempts};
    }
    return {1.0, 1.0};
}

// How a request entering the block divides over its links: one link
// each for balancers and GeoDNS (the plan spreads GeoDNS evenly; the
// simulator routes by region), every link with its call probability
// otherwise. An autoscaler's links steer, they carry nothing.
std::vector<double> linkFractions(const model::Architecture& design, const model::Block& block,
                                  const std::vector<const model::Link*>& links)
{
    if (block.kind == "load_balancer")
        return balancerShares(design, block);
    std::vector<double> fractions;
    for (const model::Link* link : links)
        fractions.push_back(block.kind == "autoscaler" ? 0.0
                            : block.kind == "geo_dns"  ? 1.0 / static_cast<double>(links.size())
                            : block.kind == "topic"    ? 1.0
                                                       : link->param("probability"));
    return fractions;
}

// One instance of a pool as M/G/c: utilisation, mean wait, saturation.
struct PoolEstimate {
    double utilization = 0;
    double waitMs = 0;
    bool saturated = false;
};

PoolEstimate estimatePool(double perInstanceRps, double serviceMs, double holdingMs, double serviceCv, int workers)
{
    PoolEstimate estimate;
    const double holdingS = holdingMs / 1000;
    estimate.utilization = perInstanceRps * holdingS / workers;
    estimate.saturated = estimate.utilization >= 1.0;
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

// Queue consumers and serverless containers: one pool of workers (the
// consumers; the concurrency limit) holding a request for its work and its
// downstream calls. A producer's call to a queue returns at once; a
// serverless caller waits (cold starts left out: they fade once warm).
void planWorkerPool(const model::Block& block, BlockPlan& here, double downstreamMs, double targetUtilization)
{
    const bool queue = block.kind == "queue";
    const double arrivals = here.arrivalRps();
    const double attempts = queue ? passOn(block, arrivals).first : 1.0;
    here.hasCapacity = true;
    here.instances = 1;
    here.workers = std::max(1, static_cast<int>(block.param(queue ? "consumers" : "concurrency_limit")));
    here.serviceMs = block.param(queue ? "processing_time_ms" : "execution_time_ms");
    here.holdingMs = here.serviceMs + downstreamMs;
    const PoolEstimate pool =
        estimatePool(arrivals * attempts, here.serviceMs, here.holdingMs, block.param("service_cv"), here.workers);
    here.utilization = pool.utilization;
    here.saturated = pool.saturated;
    here.waitMs = pool.waitMs;
    here.responseMs = queue ? 0 : pool.waitMs + here.holdingMs;
    here.requiredInstances = requiredFor(arrivals * attempts, here.holdingMs, here.workers, targetUtilization);
}

// Writes load the primary, reads spread evenly over the replicas (or all go
// to the primary). A write waits for replication as its mode says. The
// block's utilisation is the average over its nodes, as the simulator
// measures it; `saturated` says whether any one node is overloaded.
void planReplicatedDatabase(const model::Block& block, BlockPlan& here, double targetUtilization)
{
    const int replicas = static_cast<int>(block.param("replicas"));
    const bool readsOnPrimary = replicas == 0 || static_cast<int>(block.param("read_routing")) == 1;
    const double readMs = block.param("read_time_ms"), writeMs = block.param("write_time_ms");
    const double cv = block.param("service_cv");
    here.hasCapacity = true;
    here.instances = 1 + replicas;
    here.workers = static_cast<int>(block.param("workers"));
    const double primaryReads = readsOnPrimary ? here.readRps : 0;
    const double primaryRps = primaryReads + here.writeRps;
    const double primaryMs = primaryRps > 0 ? (primaryReads * readMs + here.writeRps * writeMs) / primaryRps : writeMs;
    const PoolEstimate primary = estimatePool(primaryRps, primaryMs, primaryMs, cv, here.workers);
    const PoolEstimate replica = readsOnPrimary ? PoolEstimate{}
                                                : estimatePool(here.readRps / replicas, readMs, readMs, cv, here.workers);
    const int mode = static_cast<int>(block.param("replication"));
    const double replicationWaitMs = replicas == 0 ? 0
                                     : mode == 1   ? block.param("replication_delay_ms")
                                     : mode == 2   ? block.param("replication_delay_ms") + block.param("apply_time_ms")
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
    here.requiredInstances = 1 + (readsOnPrimary ? 0 : requiredFor(here.readRps, readMs, here.workers, targetUtilization));
}

// Posts and reads on a pool of instances (a read merges followees' posts),
// and the fan-out writers as a second pool fed by posts x timelines per post.
void planFanout(const model::Block& block, BlockPlan& here, double downstreamMs, double targetUtilization)
{
    const blocks::FanoutLoad load = blocks::fanoutLoad(block);
    const double readMs = block.param("read_time_ms") + load.mergedPerRead * block.param("merge_time_ms");
    const double postMs = block.param("post_time_ms");
    const double arrivals = here.arrivalRps();
    here.hasCapacity = true;
    here.instances = instancesOf(block);
    here.workers = static_cast<int>(block.param("workers"));
    here.serviceMs = arrivals > 0 ? (here.readRps * readMs + here.writeRps * postMs) / arrivals : readMs;
    here.holdingMs = here.serviceMs + downstreamMs;
    const PoolEstimate pool = estimatePool(arrivals / here.instances, here.serviceMs, here.holdingMs,
                                           block.param("service_cv"), here.workers);
    here.fanoutWritesPerS = here.writeRps * load.timelinesPerPost;
    here.fanoutUtilization =
        here.fanoutWritesPerS * block.param("write_time_ms") / 1000 / block.param("fanout_workers");
    here.utilization = std::max(pool.utilization, here.fanoutUtilization);
    here.saturated = pool.saturated || here.fanoutUtilization >= 1;
    here.waitMs = pool.waitMs;
    here.responseMs = pool.waitMs + here.holdingMs;
    here.requiredInstances = requiredFor(arrivals, here.holdingMs, here.workers, targetUtilization);
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
    NetworkPlan plan;
    plan.targetUtilization = targetUtilization;
    for (const auto& block : design.blocks)
        plan.blocks.push_back(BlockPlan{.id = block.id, .kind = block.kind});

    const std::vector<size_t> order = topologicalOrder(design);
    // Forward pass: traffic.
    for (size_t index : order) {
        const model::Block& block = design.blocks[index];
        BlockPlan& here = plan.blocks[index];
        if (block.kind == "client") {
            const double rate = block.param("rate_rps");
            here.readRps = rate * block.param("read_ratio");
            here.writeRps = rate - here.readRps;
            plan.offeredRps += rate;
        }
        const auto links = design.linksFrom(block.id);
        const auto [readPass, writePass] = passOn(block, here.arrivalRps());
        const std::vector<double> fractions = linkFractions(design, block, links);
        for (size_t l = 0; l < links.size(); ++l) {
            const double fraction = fractions[l];
            BlockPlan& target = plan.blocks[*design.blockIndex(links[l]->to)];
            target.readRps += here.readRps * readPass * fraction;
            target.writeRps += here.writeRps * writePass * fraction;
        }
    }
    // Backward pass: latency, callees before callers.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const model::Block& block = design.blocks[*it];
        BlockPlan& here = plan.blocks[*it];
        const auto links = design.linksFrom(block.id);
        const std::vector<double> fractions = linkFractions(design, block, links);
        double downstreamMs = 0; // expected time in downstream calls per request that goes on
        for (size_t l = 0; l < links.size(); ++l) {
            const double fraction = block.kind == "topic" ? 0.0 : fractions[l]; // topics deliver in the background
            const BlockPlan& target = *plan.find(links[l]->to);
            downstreamMs += fraction * (2 * links[l]->param("latency_ms") + target.responseMs);
        }
        const double arrivals = here.arrivalRps();
        if (block.kind == "client") {
            here.responseMs = downstreamMs;
        } else if (block.kind == "load_balancer") {
            here.serviceMs = block.param("overhead_ms");
            here.responseMs = here.serviceMs + downstreamMs;
        } else if (block.kind == "autoscaler") {
            // steers instance counts; no traffic of its own
        } else if (block.kind == "circuit_breaker" || block.kind == "rate_limiter" || block.kind == "geo_dns") {
            here.responseMs = downstreamMs; // guards and routers add no work (the plan ignores refusals' speed)
        } else if (block.kind == "topic") {
            here.serviceMs = block.param("publish_ms");
            here.responseMs = here.serviceMs;
        } else if (block.kind == "queue" || block.kind == "serverless") {
            planWorkerPool(block, here, downstreamMs, targetUtilization);
        } else if (block.kind == "cache" || block.kind == "cdn") {
            const auto [readPass, writePass] = passOn(block, arrivals);
            const double goingOn = arrivals > 0 ? (here.readRps * readPass + here.writeRps * writePass) / arrivals : 0;
            here.serviceMs = block.param("latency_ms");
            here.responseMs = here.serviceMs + goingOn * downstreamMs;
        } else if (block.kind == "fanout") {
            planFanout(block, here, downstreamMs, targetUtilization);
        } else if (block.kind == "replicated_database") {
            planReplicatedDatabase(block, here, targetUtilization);
        } else { // service, database: a pool of workers
            // A sharded database is planned as if keys spread evenly over its
            // shards; a hot key's shard is hotter than this (see the simulator).
            const bool isDatabase = block.kind == "database" || block.kind == "sharded_database";
            const double readMs = block.param(isDatabase ? "read_time_ms" : "service_time_ms");
            const double writeMs = block.param(isDatabase ? "write_time_ms" : "service_time_ms");
            here.hasCapacity = true;
            here.instances = instancesOf(block);
            here.workers = static_cast<int>(block.param("workers"));
            here.serviceMs = arrivals > 0 ? (here.readRps * readMs + here.writeRps * writeMs) / arrivals
                                          : (readMs + writeMs) / 2;
            here.holdingMs = here.serviceMs + downstreamMs;
            const PoolEstimate pool = estimatePool(arrivals / here.instances, here.serviceMs, here.holdingMs,
                                                   block.param("service_cv"), here.workers);
            here.utilization = pool.utilization;
            here.saturated = pool.saturated;
            here.waitMs = pool.waitMs;
            here.responseMs = pool.waitMs + here.holdingMs;
            here.requiredInstances = requiredFor(arrivals, here.holdingMs, here.workers, targetUtilization);
        }
        here.concurrency = arrivals * here.responseMs / 1000;
    }
    double worst = -1;
    double weightedLatency = 0;
    for (const auto& block : plan.blocks) {
        if (block.hasCapacity && block.utilization > worst) {
            worst = block.utilization;
            plan.bottleneck = block.id;
        }
        if (block.kind == "client")
            weightedLatency += block.arrivalRps() * block.responseMs;
    }
    plan.endToEndMs = plan.offeredRps > 0 ? weightedLatency / plan.offeredRps : 0;
    return plan;
}

} // namespace scalelab::analysis
