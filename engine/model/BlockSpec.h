#pragma once
// Everything the product knows about one block kind, as data: identity,
// palette text, what it may call, its parameters and price, the faults that
// apply to it, its gauge, how the simulator and the planner treat it and
// what the cell reduction approximates for it. Code that behaves per kind
// reads these fields; it never compares kind names.
#include "Block.h"
#include "ParamSpec.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scalelab::model {

// The part a kind plays in an architecture: what the advisor reasons about
// and what decides which kinds may call which.
enum class Tier {
    Source,   // sends requests, takes none (client)
    Router,   // forwards each request (load balancer, GeoDNS)
    Compute,  // a pool of app workers (service)
    Database, // stores data behind a pool of connections
    Cache,    // answers reads before they reach the data (cache, CDN)
    Queue,    // buffers work for consumers
    Stream,   // a partitioned log read by consumer groups
    Connections, // holds users' long-lived connections
    Topic,    // copies each message to every subscriber
    Guard,    // admits or refuses calls (breaker, rate limiter)
    Function, // serverless
    Fanout,   // timeline fan-out
    Control,  // steers other blocks, carries no traffic (autoscaler)
};

// The behaviour class that simulates a kind (engine/blocks, made by
// blocks::makeBlockRuntime) and the analytic model that plans it
// (analysis::planNetwork); several kinds may share one (service and
// database are both a Pool, cache and CDN both a Cache).
enum class Behaviour {
    Client,
    LoadBalancer,
    Pool,
    ReplicatedDatabase,
    ShardedDatabase,
    Cache,
    Queue,
    Topic,
    CircuitBreaker,
    RateLimiter,
    Autoscaler,
    Serverless,
    GeoDns,
    Fanout,
    PartitionedStore,
    SearchIndex,
    Stream,
    ConnectionServer,
    EventStore,
    ApiGateway,
    Saga,
};

// What a block's card says about its own state while running, beside the
// figures every block has (rps, p95, errors, queue).
struct StateBadge {
    std::string text;       // empty: no badge
    bool alarm = false;     // drawn in the error colour
    bool refusing = false;  // its errors are its job (an open breaker), not a breakdown
};

// The block's own per-window gauge (BlockRuntime::gauge).
struct GaugeSpec {
    std::string label;               // "Breaker state", "Messages waiting"; empty = no gauge
    std::vector<std::string> states; // names of the values 0, 1, 2... when the gauge is a state; empty = a quantity
    // The card's state badge from the newest window's gauge and the block's
    // extra figures (hit_ratio...); null = no badge.
    StateBadge (*badge)(double gauge, const std::map<std::string, double>& extras) = nullptr;
};

struct BlockSpec {
    std::string kind;        // file-format id, e.g. "load_balancer"
    std::string displayName; // "Load balancer"
    std::string category;    // palette group: Traffic, Routing, Compute, Data
    std::string icon;        // icon resource name (without extension)
    std::string summary;     // one line for the palette tooltip
    std::string pattern;     // the seed pattern this block teaches
    Tier tier = Tier::Compute;
    Behaviour behaviour = Behaviour::Pool;
    std::vector<Tier> calls; // tiers it may call; empty = no outgoing links
    bool edgeOnly = false;   // only a client may call it (CDN, GeoDNS: they face the users)
    bool acceptsInput = true;                // may be the target of a link
    bool needsTarget = false;                // a block of this kind without outgoing link is an error
    bool controlLinks = false; // its links steer their target (autoscaler) instead of carrying calls
    bool cachesStaticOnly = false; // a cache that stores static assets only (CDN); the rest passes through
    std::vector<ParamSpec> params;
    GaugeSpec gauge;
    // Block faults that apply besides those every non-client block takes
    // (FaultCatalog: crash, slow, flush, crash_cache, kill_primary).
    std::vector<std::string> faults;
    // Indicative list price; the registry turns it into cost parameters.
    // No per-hour price means no cost_per_hour parameter at all.
    std::optional<double> pricePerHour;
    double pricePerMillion = 0; // > 0: a cost_per_million parameter
    // What simulating one cell of a design split into `cells` identical
    // cells gets only approximately right for this block, or "" (see
    // sim/CellReduction.h). Null: nothing beyond the per-cell counts.
    std::string (*cellApproximation)(const Block& block, const BlockSpec& spec, int cells) = nullptr;

    // Filled by the registry from `calls`: the kinds it may link to, in registry order.
    std::vector<std::string> allowedTargets;

    const ParamSpec* param(const std::string& key) const;
    bool mayLinkTo(const std::string& targetKind) const;
    // Whether a block of this kind may call one of `target`'s kind.
    bool mayCall(const BlockSpec& target) const;
};

} // namespace scalelab::model
