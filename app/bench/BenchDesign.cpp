#include "BenchDesign.h"

namespace scalelab::bench {

model::Architecture benchDesign(const MinimalLoopConfig& config)
{
    model::Architecture design;
    design.name = "Engine benchmark";
    design.description = "Poisson client -> round-robin load balancer -> instances x workers, exponential service.";
    model::Block client = model::makeBlock("client", "client");
    client.params["rate_rps"] = config.rateRps;
    client.params["read_ratio"] = 1;
    client.params["timeout_ms"] = 0; // the minimal loop has no deadlines
    client.params["retries"] = 0;
    model::Block balancer = model::makeBlock("load_balancer", "lb");
    balancer.params["overhead_ms"] = 0;
    model::Block service = model::makeBlock("service", "app");
    service.params["instances"] = config.instances;
    service.params["workers"] = config.workersPerInstance;
    service.params["service_time_ms"] = config.serviceTimeMs;
    service.params["service_cv"] = 1;
    service.params["queue_capacity"] = 10'000'000;
    design.blocks = {client, balancer, service};
    for (auto [from, to] : {std::pair{"client", "lb"}, std::pair{"lb", "app"}}) {
        model::Link link = model::makeLink(from, to);
        link.params["latency_ms"] = 0;
        design.links.push_back(link);
    }
    return design;
}

} // namespace scalelab::bench
