#pragma once
// The analytic model of the managed data stores (model/DataStoreSpecs.h):
// how many requests a partitioned store throttles, and a search index's
// fork-join response. BlockPlanning's switch calls these.
#include "NetworkModel.h"
#include "model/Architecture.h"

#include <cstdint>
#include <vector>

namespace scalelab::analysis {

// E[(N - floor(capacity))+] for N ~ Poisson(mean): the requests of one
// second beyond what a partition admits in that second. Exact (a sum of the
// Poisson pmf in log space, so it neither under- nor overflows); O(capacity),
// and O(1) where the capacity lies 40 standard deviations from the mean.
double poissonExcess(double mean, double capacity);

// Each partition's share of the requests when a client's keys (Zipf with
// `skew` over `keys`, rank r being key r - 1) are hashed over `partitions`
// as the store hashes them: the 1,000 most popular keys exactly, the rest
// spread evenly.
std::vector<double> partitionShares(uint64_t keys, double skew, int partitions);

// Object storage and the key-value store: no queue, a request takes the
// store's latency; `here.throttledRatio` is the expected share over the
// partitions' limits. `keyClient` (may be null: keys taken as even) is the
// client whose keys reach the store.
void planPartitionedStore(const model::Block& block, BlockPlan& here, const model::Block* keyClient);

// A search index: every node an M/G/c queue fed by its share of the shard
// parts; a search waits for the slowest of its shards, taken as independent
// (an upper bound: the parts of one search meet correlated queues): with a
// sojourn of mean r and CV c per part, about r x (1 + c (H(shards) - 1)),
// exact for exponential sojourns (H the harmonic number).
void planSearchIndex(const model::Block& block, BlockPlan& here, double targetUtilization);

} // namespace scalelab::analysis
