#include "ServicePatternSpecs.h"

#include "Choices.h"
#include "GatewayRoutes.h"
#include "NumberText.h"
#include "SpecBuilders.h"

#include <cmath>

namespace scalelab::model {

namespace {

using namespace specs;

// The read model's card: how far its projection is behind the log, or that
// it is being rebuilt (a replay), in the error colour.
StateBadge eventStoreBadge(double lagEvents, const std::map<std::string, double>& extras)
{
    const auto figure = [&](const char* name) {
        const auto found = extras.find(name);
        return found == extras.end() ? 0.0 : found->second;
    };
    if (figure("replaying") > 0)
        return {"replaying, " + compactNumber(std::round(figure("replay_left_s"))) + " s left", true, false};
    if (lagEvents >= 1)
        return {compactNumber(std::round(lagEvents)) + " events behind", figure("projection_lag_s") >= 10, false};
    return {};
}

// CQRS with event sourcing (seed 02, pattern 7; seed 03, pattern 5).
BlockSpec eventStoreSpec()
{
    BlockSpec spec;
    spec.kind = "event_store";
    spec.displayName = "Event store + read model";
    spec.category = "Data";
    spec.icon = "event_store";
    spec.summary = "CQRS with event sourcing: writes append events to a log, projections feed a separate read "
                   "model that serves the reads, behind by the projection lag.";
    spec.pattern = "CQRS + event sourcing";
    spec.tier = Tier::Database;
    spec.behaviour = Behaviour::EventStore;
    spec.faults = {"slow", "lose_projection"};
    spec.pricePerHour = 0.50;
    spec.gauge = {"Projection lag (events)", {}, &eventStoreBadge};
    spec.params = poolParams(1, 16, 1000);
    spec.params.erase(spec.params.begin()); // one log node; the read side is sized below
    spec.params.insert(
        spec.params.begin(),
        {perCell(number("read_instances", "Read model instances", ParamType::Int, "", 2, 1, 1000, 1,
                        "Nodes of the read model (the query side) that serve reads, least busy first. The write "
                        "side (the log) is one node: reads scale here without touching it.")),
         number("append_time_ms", "Append time", ParamType::Duration, "ms", 5, 0, kHour, 1,
                "Mean time to append one command's events to the log (the write side)."),
         number("read_time_ms", "Read time", ParamType::Duration, "ms", 2, 0, kHour, 1,
                "Mean time to answer one query from the read model (denormalised: no joins).")});
    spec.params.insert(
        spec.params.end(),
        {perCell(number("projection_workers", "Projection workers", ParamType::Int, "", 4, 1, 10'000, 1,
                "Workers applying appended events to the read model, oldest first, in the background. They apply "
                "workers / apply time events a second; when appends come faster the projection lag grows by the "
                "difference every second.")),
         number("apply_time_ms", "Apply time", ParamType::Duration, "ms", 2, 0.001, 60'000, 0.5,
                "Time one projection worker needs to apply one event to the read model."),
         perCell(number("initial_events", "Events already in the log", ParamType::Int, "events", 1'000'000, 0, 1e12,
                100'000, "Events the log holds when the run starts (the history a replay must read again).")),
         perCell(number("replay_rate_eps", "Replay rate", ParamType::Rate, "events/s", 50'000, 1, 1e9, 1000,
                "Events a second a rebuild reads back from the log into an empty read model (bulk, faster than "
                "live projection). A lost read model takes events in the log / this to rebuild.")),
         choice("replay_reads", "Reads during a replay", ReplayReads::Refuse,
                "While the read model is rebuilt from the log: refuse answers reads with 503 (unavailable); "
                "serve_stale answers them from the half-built model (counted as stale reads).")});
    return spec;
}

// Layer 7 routing (seed 04, "Layer 4 vs Layer 7"; seed 05's microservices
// behind an API gateway): content-based routing to services, at the price
// of parsing, TLS and auth on the gateway's own CPUs.
BlockSpec apiGatewaySpec()
{
    BlockSpec spec;
    spec.kind = "api_gateway";
    spec.displayName = "API gateway";
    spec.category = "Routing";
    spec.icon = "api_gateway";
    spec.summary = "Layer 7 routing: sends each request by its route (method and path) to the service that owns "
                   "it, after terminating TLS and checking auth on its own CPUs.";
    spec.pattern = "API gateway (Layer 7 routing) in front of microservices";
    spec.tier = Tier::Router;
    spec.behaviour = Behaviour::ApiGateway;
    spec.calls = kServingTiers;
    spec.needsTarget = true;
    spec.faults = {"crash", "slow"};
    spec.pricePerHour = 0.10;
    spec.params = {
        text("routes", "Routes", "", "[METHOD] /PATH -> BLOCK: SHARE, ...", &gatewayRoutesRule,
             "The routes and their shares of the requests, e.g. \"GET /feed -> feed: 70, POST /posts -> posts: 20, "
             "/auth -> auth: 10\": each names a block the gateway links to. Shares are relative. The method is a "
             "label: a request keeps the read or write type its client gave it. Empty: the links share the "
             "requests by their weight."),
        perCell(number("instances", "Instances", ParamType::Int, "", 2, 1, 100'000, 1,
                       "Gateway instances; requests take them in turn.")),
        number("workers", "CPU cores per instance", ParamType::Int, "", 4, 1, 1024, 1,
               "Cores that run the gateway's own work (TLS, auth, parsing). An instance is not held while the "
               "service behind it answers: the proxy waits without a core (an event loop)."),
        number("queue_capacity", "Queue capacity", ParamType::Int, "", 1000, 0, 10'000'000, 100,
               "Requests that may wait per instance for a core; one more is rejected with 503."),
        number("tls_ms", "TLS termination", ParamType::Duration, "ms", 0.5, 0, 10'000, 0.1,
               "CPU time to terminate TLS per request (handshakes amortised over a kept-alive connection)."),
        number("auth_ms", "Auth check", ParamType::Duration, "ms", 1, 0, 10'000, 0.1,
               "CPU time to authenticate the request (verify a JWT, look up an API key) and pick its route: "
               "the Layer 7 work a Layer 4 balancer does not do."),
        number("service_cv", "Overhead variability", ParamType::Double, "", 0.5, 0, 10, 0.1,
               "Coefficient of variation of the gateway's own time: 0 = the same for every request."),
    };
    return spec;
}

// Transactions across services (seed 03: "Transactions: saga pattern,
// avoid cross-shard").
BlockSpec sagaSpec()
{
    BlockSpec spec;
    spec.kind = "saga";
    spec.displayName = "Saga orchestrator";
    spec.category = "Compute";
    spec.icon = "saga";
    spec.summary = "A transaction across services: calls its steps (its links) in order and, when one fails, undoes "
                   "the steps before it with compensating calls.";
    spec.pattern = "Saga (distributed transaction with compensations)";
    spec.tier = Tier::Compute;
    spec.behaviour = Behaviour::Saga;
    spec.calls = kServingTiers;
    spec.needsTarget = true;
    spec.faults = {"crash", "slow"};
    spec.pricePerHour = 0.10;
    spec.params = poolParams(2, 32, 100);
    spec.params.insert(spec.params.begin() + 2,
                       number("service_time_ms", "Orchestration time", ParamType::Duration, "ms", 1, 0, kHour, 0.5,
                              "Own work per saga (load and save its state) before it calls the first step. Its "
                              "steps are its links, called in link order; when step k fails, the steps before it "
                              "are undone by compensating calls over their links, last first."));
    return spec;
}

} // namespace

std::vector<BlockSpec> servicePatternSpecs()
{
    return {eventStoreSpec(), apiGatewaySpec(), sagaSpec()};
}

} // namespace scalelab::model
