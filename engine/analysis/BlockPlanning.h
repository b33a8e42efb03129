#pragma once
// The per-block half of the analytic model (NetworkModel.h): what a block
// does to the traffic it passes on, how it splits it over its links, and
// its utilisation and latency, chosen by its BlockSpec::behaviour.
#include "NetworkModel.h"
#include "model/BlockSpec.h"

#include <vector>

namespace scalelab::analysis {

struct PlanningContext {
    const model::Architecture& design;
    double targetUtilization = 0.7;
};

// Fraction of arriving dynamic reads, static reads, writes and the rows
// those writes carry that go on down the links (write-behind sends all the
// rows in fewer writes).
struct PassOn {
    double reads = 1, staticReads = 1, writes = 1, writeRows = 1;
};

// Also sets a cache's hitRatio in `here` (the backward pass reads it).
PassOn passOn(const PlanningContext& context, const model::Block& block, const model::BlockSpec& spec,
              BlockPlan& here);

// How a request entering the block divides over its links.
std::vector<double> linkFractions(const model::Architecture& design, const model::Block& block,
                                  const model::BlockSpec& spec, const std::vector<const model::Link*>& links);

// Mean wait for a connection of the link's pool (0 without one): one pool
// per caller instance (sim/ConnectionPool.h), each an M/M/c queue fed by its
// share of `callsPerSecond`, a connection held `holdMs` (the call's round
// trip), with its acquire timeout M/M/c+D; infinite when it never keeps up.
double poolWaitMs(const model::Block& caller, const model::Link& link, double callsPerSecond, double holdMs);

// Utilisation, wait and response of the block, its callees planned already:
// `downstreamMs` is the expected time in downstream calls of a request that
// goes on. `waitOverrideMs` (may be null) replaces a pool's queueing wait.
void planBlock(const PlanningContext& context, const model::Block& block, const model::BlockSpec& spec,
               BlockPlan& here, double downstreamMs, const double* waitOverrideMs);

} // namespace scalelab::analysis
