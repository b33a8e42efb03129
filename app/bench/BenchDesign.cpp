#include "BenchDesign.h"

namespace scalelab::bench {

namespace {

// The network with the registry's defaults for everything the loop does not model.
model::Architecture withDefaults(const MinimalLoopConfig& config)
{
    model::Architecture design;
    design.name = "Engine benchmark";
    design.description = "Poisson client -> round-robin load balancer -> instances x workers, exponential service.";
    model::Block client = model::makeBlock("client", "client");
    client.params["rate_rps"] = config.rateRps;
    client.params["read_ratio"] = 1;
    model::Block balancer = model::makeBlock("load_balancer", "lb");
    model::Block service = model::makeBlock("service", "app");
    service.params["instances"] = config.instances;
    service.params["workers"] = config.workersPerInstance;
    service.params["service_time_ms"] = config.serviceTimeMs;
    service.params["service_cv"] = 1;
    service.params["queue_capacity"] = 10'000'000;
    design.blocks = {client, balancer, service};
    for (auto [from, to] : {std::pair{"client", "lb"}, std::pair{"lb", "app"}})
        design.links.push_back(model::makeLink(from, to));
    return design;
}

} // namespace

model::Architecture benchDesignWithDefaults(const MinimalLoopConfig& config)
{
    model::Architecture design = withDefaults(config);
    design.name = "Engine benchmark with a user's defaults";
    return design;
}

model::Architecture benchDesign(const MinimalLoopConfig& config)
{
    // What the minimal loop does not have: no deadline, no retries, no
    // balancer overhead, no latency on the wire.
    model::Architecture design = withDefaults(config);
    design.findBlock("client")->params["timeout_ms"] = 0;
    design.findBlock("client")->params["retries"] = 0;
    design.findBlock("lb")->params["overhead_ms"] = 0;
    for (model::Link& link : design.links)
        link.params["latency_ms"] = 0;
    return design;
}

} // namespace scalelab::bench
