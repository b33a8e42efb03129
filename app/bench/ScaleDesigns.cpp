#include "ScaleDesigns.h"

#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace scalelab::bench {

namespace {

// The generated designs' traffic: one open client "users" at `rateRps`.
model::Block usersAt(double rateRps)
{
    model::Block client = model::makeBlock("client", "users");
    client.params["rate_rps"] = rateRps;
    return client;
}

} // namespace

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
    model::Block client = usersAt(rateRps);
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

model::Architecture skewedShardDesign(double rateRps, int shards, double keySkew)
{
    model::Architecture design;
    design.name = "Skewed shards";
    model::Block client = usersAt(rateRps);
    client.params["key_skew"] = keySkew;
    client.params["key_space"] = 1'000'000;
    client.params["read_ratio"] = 0.9;
    model::Block balancer = model::makeBlock("load_balancer", "lb");
    model::Block app = model::makeBlock("service", "app");
    // A worker is held ~10 ms a request (2 ms of its own, the rest waiting on
    // the shard): 32 workers an instance, one instance per 2,000 rps.
    app.params["instances"] = std::max(1.0, std::ceil(rateRps / 2000));
    app.params["workers"] = 32;
    app.params["service_time_ms"] = 2;
    model::Block db = model::makeBlock("sharded_database", "shards");
    db.params["shards"] = shards;
    db.params["strategy"] = model::choiceValue("sharded_database", "strategy", "hash_modulo");
    db.params["key_range"] = 1'000'000;
    // The hottest key alone takes 1 / H(1M, s) of the load (7% at s = 1);
    // a shard's mean work is 6.5 ms (90% reads of 5 ms, 10% writes of 20 ms).
    double harmonic = 0;
    for (int rank = 1; rank <= 1'000'000; ++rank)
        harmonic += std::pow(rank, -keySkew);
    const double hottestRps = rateRps * (1 / harmonic + 1.0 / shards);
    db.params["workers"] = std::max(1.0, std::ceil(hottestRps * 0.0065 / 0.8));
    design.blocks = {client, balancer, app, db};
    design.links = {model::makeLink("users", "lb"), model::makeLink("lb", "app"), model::makeLink("app", "shards")};
    return design;
}

model::Architecture unequalFleetsDesign(double rateRps)
{
    model::Architecture design;
    design.name = "Unequal fleets";
    model::Block client = usersAt(rateRps);
    model::Block balancer = model::makeBlock("load_balancer", "lb");
    balancer.params["algorithm"] = model::choiceValue("load_balancer", "algorithm", "weighted_round_robin");
    // An old instance serves 8 / 4 ms = 2,000 rps, a new one 16 / 2 ms =
    // 8,000 (weight 4): about 70% busy needs a total weight of rate / 1,400.
    const double newInstances = std::max(1.0, std::ceil(rateRps / 10'000));
    const double oldInstances = std::max(1.0, std::ceil(rateRps / 1'400) - 4 * newInstances);
    model::Block oldFleet = model::makeBlock("service", "old");
    oldFleet.params["instances"] = oldInstances;
    oldFleet.params["workers"] = 8;
    oldFleet.params["service_time_ms"] = 4;
    model::Block newFleet = model::makeBlock("service", "new");
    newFleet.params["instances"] = newInstances;
    newFleet.params["workers"] = 16;
    newFleet.params["service_time_ms"] = 2;
    design.blocks = {client, balancer, oldFleet, newFleet};
    model::Link toNew = model::makeLink("lb", "new");
    toNew.params["weight"] = 4;
    design.links = {model::makeLink("users", "lb"), model::makeLink("lb", "old"), toNew};
    return design;
}

model::Architecture celebrityFanoutDesign(double rateRps)
{
    model::Architecture design;
    design.name = "Celebrity fan-out";
    model::Block client = usersAt(rateRps);
    client.params["read_ratio"] = 0.95;
    model::Block timeline = model::makeBlock("fanout", "timeline");
    timeline.params["mode"] = model::choiceValue("fanout", "mode", "write");
    // twitter-fanout-write's sizes for 10K rps, per 10K rps.
    const double tenThousands = std::max(1.0, std::ceil(rateRps / 10'000));
    timeline.params["instances"] = 8 * tenThousands;
    timeline.params["workers"] = 16;
    timeline.params["fanout_workers"] = 100 * tenThousands;
    timeline.params["service_cv"] = 0.5;
    timeline.params["batch_size"] = 100;
    timeline.params["celebrity_share"] = 0.0001;
    timeline.params["celebrity_followers"] = 50'000'000;
    design.blocks = {client, timeline};
    design.links = {model::makeLink("users", "timeline")};
    return design;
}

} // namespace scalelab::bench
