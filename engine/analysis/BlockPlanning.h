#pragma once
// The per-block half of the analytic model (NetworkModel.h): what a block
// does to the traffic it passes on, how it splits it over its links, and
// its utilisation and latency, chosen by its BlockSpec::behaviour. The
// rules of the kinds with more to them live beside it: PoolPlanning (blocks
// that hold workers), CachePlanning, DataStorePlanning and StreamingModel.
#include "CacheModel.h"
#include "NetworkModel.h"
#include "model/BlockSpec.h"

#include <map>
#include <string>
#include <vector>

namespace scalelab::analysis {

// A capacity cache's fetch time (a miss until its value is cached) from the
// previous pass over the network.
struct FetchTime {
    double meanMs = 0, sdMs = 0;
};

// A capacity cache's key popularity and LRU time: the same in every pass,
// so computed once per plan.
struct CacheKeys {
    std::vector<PopularityClass> popularity;
    double lruRequests = 0;
};

struct PlanningContext {
    const model::Architecture& design;
    double targetUtilization = 0.7;
    // From the previous pass, by cache id; empty on the first (fetches taken as instant).
    std::map<std::string, FetchTime> fetchTimes;
    // Filled on first use, kept across passes (may be null: computed every time).
    std::map<std::string, CacheKeys>* cacheKeys = nullptr;
};

// One downstream call as its caller sees it: the link's latency there and
// back plus the callee's response: over its traffic (mean and variance), and
// for a read and for a write (a cache's miss fetches a read; a database
// reads faster than it writes).
struct Call {
    double meanMs = 0, varianceMs2 = 0;
    double readMs = 0, writeMs = 0;
};

// Fraction of arriving dynamic reads, static reads, writes and the rows
// those writes carry that go on down the links (write-behind sends all the
// rows in fewer writes).
struct PassOn {
    double reads = 1, staticReads = 1, writes = 1, writeRows = 1;
};

// Also sets a cache's hit, fetch and wait ratios in `here` (the backward pass reads them).
PassOn passOn(const PlanningContext& context, const model::Block& block, const model::BlockSpec& spec,
              BlockPlan& here);

// How a request entering the block divides over its links (GeoDNS by the
// regions in `here.rpsByRegion`, filled by the forward pass).
std::vector<double> linkFractions(const model::Architecture& design, const model::Block& block,
                                  const model::BlockSpec& spec, const std::vector<const model::Link*>& links,
                                  const BlockPlan& here);

// Mean wait for a connection of the link's pool (0 without one): one pool
// per caller instance (sim/ConnectionPool.h), each an M/M/c queue fed by its
// share of `callsPerSecond`, a connection held `holdMs` (the call's round
// trip), with its acquire timeout M/M/c+D; infinite when it never keeps up.
double poolWaitMs(const model::Block& caller, const model::Link& link, double callsPerSecond, double holdMs);

// Utilisation, wait and response of the block, its callees planned already:
// `calls` holds one entry per link, in link order. `waitOverrideMs` (may be
// null) replaces a pool's queueing wait.
void planBlock(const PlanningContext& context, const model::Block& block, const model::BlockSpec& spec,
               BlockPlan& here, const std::vector<Call>& calls, const double* waitOverrideMs);

} // namespace scalelab::analysis
