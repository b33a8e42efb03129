#pragma once
// The analytic model of a cache (BlockSpec::behaviour Cache): which client's
// keys it sees, the share of its reads that hit, fetch or wait for another's
// fetch, and the response that mix makes. BlockPlanning's passOn and switch
// call these.
#include "BlockPlanning.h"

#include <string>

namespace scalelab::analysis {

// The client whose keys a cache sees: the one upstream of it that reads the most.
const model::Block* keySource(const model::Architecture& design, const std::string& id);

// Hit, fetch and wait shares of a cache's cacheable reads.
CacheOutcome cacheOutcome(const PlanningContext& context, const model::Block& cache, double cacheableRps,
                          double writeRps);

// A cache answers a hit after its hit latency; a miss costs the miss
// latency, the downstream call and, for cache-aside, writing the value
// back; a miss that waits for another's fetch (a lock) waits out the rest
// of it: E[F^2] / 2 E[F] for a fetch time F, as it arrives at a random
// moment of the fetch. Reads it does not cache (a CDN's dynamic ones) and
// writes go downstream (write-through also updates the cache;
// write-behind answers from the cache and writes in the background).
void planCache(const model::Block& block, const model::BlockSpec& spec, BlockPlan& here, const Call& downstream,
               bool hasLinks);

} // namespace scalelab::analysis
