#include "ScaleDesigns.h"

#include <string>

namespace scalelab::bench {

model::Architecture manyBlocksDesign(int pairs)
{
    model::Architecture design;
    design.name = std::to_string(2 * pairs) + " blocks";
    for (int i = 0; i < pairs; ++i) {
        const std::string n = std::to_string(i);
        model::Block client = model::makeBlock("client", "users-" + n);
        client.params["rate_rps"] = 200 + i;
        model::Block service = model::makeBlock("service", "app-" + n);
        service.params["instances"] = 2;
        service.params["workers"] = 4;
        service.params["service_time_ms"] = 5;
        design.blocks.push_back(client);
        design.blocks.push_back(service);
        design.links.push_back(model::makeLink("users-" + n, "app-" + n));
    }
    return design;
}

model::Architecture hugePoolDesign(int instances, int workers, double rateRps)
{
    model::Architecture design;
    design.name = "Huge pool";
    model::Block client = model::makeBlock("client", "users");
    client.params["rate_rps"] = rateRps;
    client.params["timeout_ms"] = 0;
    client.params["retries"] = 0;
    model::Block pool = model::makeBlock("service", "pool");
    pool.params["instances"] = instances;
    pool.params["workers"] = workers;
    pool.params["service_time_ms"] = 50;
    design.blocks = {client, pool};
    design.links = {model::makeLink("users", "pool")};
    return design;
}

} // namespace scalelab::bench
