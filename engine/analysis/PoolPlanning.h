#pragma once
// The analytic model of the blocks that hold workers: pools of instances x
// workers (services, databases, shards, sagas), queue consumers and
// serverless containers, a replicated database's primary and replicas, an
// event store's log and read models, a gateway's cores and a fan-out
// service's writers. Each is planned as G/G/c queues (Queueing.h) fed as its
// dispatch says (PoolDispatch.h). BlockPlanning's switch calls these.
#include "BlockPlanning.h"

namespace scalelab::analysis {

// A pool of instances x workers (service, database, sharded database),
// holding a worker for its work and its downstream calls. A sharded
// database is planned as if keys spread evenly over its shards; a hot key's
// shard is hotter than this (see the simulator).
void planPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, const Call& downstream,
              const double* waitOverrideMs);

// Queue consumers and serverless containers: one pool of workers (the
// consumers; the concurrency limit) holding a request for its work and its
// downstream calls. A producer's call to a queue returns at once; a
// serverless caller waits (cold starts left out: they fade once warm).
void planWorkerPool(const PlanningContext& context, const model::Block& block, BlockPlan& here, double attempts,
                    const Call& downstream, const double* waitOverrideMs);

// Writes load the primary, reads go to the least busy replica (one pooled
// queue over the replicas) or all to the primary. A write waits for
// replication as its mode says. The block's utilisation is the average
// over its nodes, as the simulator measures it; `saturated` says whether
// any one node is overloaded.
void planReplicatedDatabase(const PlanningContext& context, const model::Block& block, BlockPlan& here,
                            const double* waitOverrideMs);

// CQRS: the log node takes the appends (M/G/c), the read-model nodes the
// reads (least busy first: one M/G/c over them all), each side sized on
// its own. The projection works in the background: it delays no request,
// and PlanCaveats says when it falls behind.
void planEventStore(const PlanningContext& context, const model::Block& block, BlockPlan& here,
                    const double* waitOverrideMs);

// A gateway's cores are held for its own work only (TLS, auth), not while
// the service answers: a pool of instances x cores taking them in turn,
// whose response adds the routed call.
void planGateway(const PlanningContext& context, const model::Block& block, BlockPlan& here, const Call& downstream,
                 const double* waitOverrideMs);

// Posts and reads on a pool of instances (a read merges followees' posts),
// and the fan-out writers as a second pool fed by posts x timelines per post.
void planFanout(const PlanningContext& context, const model::Block& block, BlockPlan& here, const Call& downstream,
                const double* waitOverrideMs);

} // namespace scalelab::analysis
