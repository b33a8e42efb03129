#pragma once
// The analytic side of the event stream and the connection server
// (blocks/StreamBlock.h, blocks/ConnectionServerBlock.h).
//
// Stream: a group's active consumers are a = min(consumers, partitions);
// consumer c owns n_c of the P partitions (P mod a of them own one more),
// so it is offered lambda n_c / P messages per second and can take at most
// mu = 1000 / processing_ms. The group reads min(lambda n_c / P, mu) summed
// over its consumers; its lag grows at lambda minus that. Its capacity (the
// lambda it can just keep up with) is P mu / max n_c: partitions x mu when
// consumers >= partitions, and extra consumers add nothing.
//
// Connection server: connections are an M/G/c/c loss system with c =
// instances x floor(memory / memory per connection) slots and offered load
// A = connect rate x mean duration (Little's law): a connect is refused with
// probability Erlang B(c, A), whatever the duration's distribution, and
// A (1 - B) connections are open on average. (Least-connections placement
// refuses only when every instance is full, so the instances pool their
// slots.) Messages load the workers with A (1 - B) x rate x message time.
#include "NetworkModel.h"
#include "model/Block.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

struct GroupFlow {
    std::string name;
    int activeConsumers = 0, idleConsumers = 0;
    double capacityRps = 0;   // the arrival rate it can just keep up with
    double throughputRps = 0; // what it reads at `arrivalRps`
    double lagGrowthPerS = 0; // arrivalRps - throughputRps
    double utilization = 0;   // its active consumers' busy share
};

std::vector<GroupFlow> streamGroupFlows(const model::Block& stream, double arrivalRps);

struct ConnectionFigures {
    double offered = 0;      // connect rate x duration
    int capacity = 0;        // connection slots: instances x connections per instance
    double refusedShare = 0; // Erlang B
    double open = 0;         // offered x (1 - refused share)
    double messageUtilization = 0;
};

ConnectionFigures connectionFigures(const model::Block& server, double connectRps);

// Fills the block's plan (utilisation, saturation, response, instances).
void planStream(const model::Block& block, BlockPlan& here);
void planConnectionServer(const model::Block& block, BlockPlan& here, double targetUtilization);

} // namespace scalelab::analysis
