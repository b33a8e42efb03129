#include "PoolPlanning.h"

#include "PoolDispatch.h"
#include "Queueing.h"
#include "RequiredInstances.h"
#include "ResponseMix.h"
#include "blocks/FanoutModel.h"
#include "blocks/ServiceTimes.h"
#include "model/Choices.h"
#include "model/InstanceTypes.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::analysis {

namespace {

using model::Behaviour;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Time in downstream calls, averaged over the block's reads and writes.
double mixedDownstreamMs(const BlockPlan& here, const Call& downstream)
{
    return mixByTraffic(here, downstream.readMs, downstream.writeMs);
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

} // namespace

void planPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, const Call& downstream,
              const double* waitOverrideMs)
{
    const blocks::ServiceTimes times = blocks::ServiceTimes::of(block);
    const double arrivals = here.arrivalRps();
    const bool sharded = model::behaviourOf(block) == Behaviour::ShardedDatabase;
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

void planWorkerPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, double attempts,
                    const Call& downstream, const double* waitOverrideMs)
{
    const bool queue = model::behaviourOf(block) == Behaviour::Queue;
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

} // namespace scalelab::analysis
