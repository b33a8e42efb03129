#include "StreamingModel.h"

#include "Queueing.h"
#include "model/ConsumerGroups.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::analysis {

std::vector<GroupFlow> streamGroupFlows(const model::Block& stream, double arrivalRps)
{
    const int partitions = std::max(1, static_cast<int>(stream.param("partitions")));
    std::string error;
    std::vector<GroupFlow> flows;
    for (const model::ConsumerGroup& group : model::parseConsumerGroups(stream.text("groups"), error)) {
        GroupFlow flow;
        flow.name = group.name;
        flow.activeConsumers = std::min(group.consumers, partitions);
        flow.idleConsumers = group.consumers - flow.activeConsumers;
        const double mu = group.processingMs > 0 ? 1000 / group.processingMs : std::numeric_limits<double>::infinity();
        const int a = flow.activeConsumers;
        if (a > 0) {
            const int fewer = partitions / a, more = partitions % a; // `more` consumers own fewer + 1
            const int most = fewer + (more > 0 ? 1 : 0);
            flow.capacityRps = partitions * mu / most;
            double busy = 0;
            for (int c = 0; c < a; ++c) {
                const double offered = arrivalRps * (fewer + (c < more ? 1 : 0)) / partitions;
                const double read = std::min(offered, mu);
                flow.throughputRps += read;
                flow.lagGrowthPerS += offered - read; // summed apart: no rounding residue when it keeps up
                busy += std::isfinite(mu) ? read / mu : 0;
            }
            flow.utilization = busy / a;
        } else {
            flow.lagGrowthPerS = arrivalRps; // nobody reads
        }
        flows.push_back(flow);
    }
    return flows;
}

ConnectionFigures connectionFigures(const model::Block& server, double connectRps)
{
    ConnectionFigures figures;
    const double perInstance = std::floor(server.param("memory_gb") * 1e6 / server.param("memory_per_connection_kb"));
    figures.capacity = static_cast<int>(std::min(perInstance * server.param("instances"), 1e9));
    figures.offered = connectRps * server.param("connection_duration_s");
    figures.refusedShare = figures.offered > 0 ? erlangB(figures.offered, figures.capacity) : 0;
    figures.open = figures.offered * (1 - figures.refusedShare);
    const double workers = server.param("instances") * server.param("workers");
    figures.messageUtilization =
        figures.open * server.param("message_rate") * server.param("message_time_ms") / 1000 / workers;
    return figures;
}

void planStream(const model::Block& block, BlockPlan& here)
{
    here.hasCapacity = true;
    here.onResponsePath = true; // the producer waits for the append, not for the consumers
    here.instances = 1;
    double busy = 0;
    int active = 0;
    for (const GroupFlow& flow : streamGroupFlows(block, here.arrivalRps())) {
        busy += flow.utilization * flow.activeConsumers;
        active += flow.activeConsumers;
        here.saturated = here.saturated || flow.lagGrowthPerS > 0;
    }
    here.workers = std::max(1, active);
    here.utilization = active > 0 ? busy / active : 0;
    here.serviceMs = here.holdingMs = block.param("append_ms");
    here.readResponseMs = here.writeResponseMs = here.responseMs = here.serviceMs;
    here.requiredInstances = 1;
}

void planConnectionServer(const model::Block& block, BlockPlan& here, double targetUtilization)
{
    const ConnectionFigures figures = connectionFigures(block, here.arrivalRps());
    here.hasCapacity = true;
    here.instances = static_cast<int>(block.param("instances"));
    here.workers = static_cast<int>(block.param("workers"));
    here.utilization = figures.messageUtilization;
    here.saturated = figures.messageUtilization >= 1 || figures.refusedShare >= 0.01;
    here.serviceMs = here.holdingMs = block.param("handshake_ms");
    here.readResponseMs = here.writeResponseMs = here.responseMs = here.serviceMs;
    // Enough memory for the offered connections, and enough workers for
    // their messages, each at the target utilisation.
    const double perInstance = figures.capacity / std::max(1.0, block.param("instances"));
    const double forMemory = perInstance > 0 ? figures.offered / (perInstance * targetUtilization) : 1;
    const double forMessages = figures.offered * block.param("message_rate") *
                               block.param("message_time_ms") / 1000 / (here.workers * targetUtilization);
    here.requiredInstances = std::max(1, static_cast<int>(std::ceil(std::max(forMemory, forMessages))));
}

} // namespace scalelab::analysis
