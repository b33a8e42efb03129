#include "Registry.h"

#include "Choices.h"
#include "DataStoreSpecs.h"
#include "InstanceTypes.h"
#include "core/FigureNames.h"
#include "NumberText.h"
#include "RampStages.h"
#include "ResilienceSpecs.h"
#include "ServiceMesh.h"
#include "StreamingSpecs.h"
#include "ServicePatternSpecs.h"
#include "SpecBuilders.h"
#include "core/SimTime.h"

#include <algorithm>
#include <cmath>

namespace scalelab::model {

namespace {

using namespace specs;

// Indicative on-demand list prices (AWS, rounded) so that cost comparisons
// mean something before anyone edits them: an instance-hour of a small
// server, a managed database node, a cache node; per million requests for
// CDN, queue and pub/sub. Each spec states its own; this makes them parameters.
void addPriceParams(BlockSpec& spec)
{
    const std::string typed = spec.param("instance_type") ? " With an instance type chosen, the type's price." : "";
    if (spec.pricePerHour)
        spec.params.push_back(number("cost_per_hour", "Cost per instance-hour", ParamType::Double, "$/h",
                                     *spec.pricePerHour, 0, 10'000, 0.01,
                                     "What one instance (node, consumer) costs per hour; the run adds up "
                                     "instances x price over time." + typed));
    if (spec.pricePerMillion > 0)
        spec.params.push_back(number("cost_per_million", "Cost per million requests", ParamType::Double, "$",
                                     spec.pricePerMillion, 0, 10'000, 0.05,
                                     "Price of a million requests (CDN requests and egress, queue or "
                                     "pub/sub API calls)."));
}

// A service or database runs on an instance type (model/InstanceTypes.h):
// the choice goes after the instance count, the restart it costs at the end.
void addInstanceTypeParams(BlockSpec& spec)
{
    spec.params.insert(spec.params.begin() + 1, instanceTypeParam());
    for (ParamSpec& param : spec.params)
        if (param.key == "workers")
            param.help += " With an instance type chosen, one per vCPU of the type.";
    spec.params.push_back(resizeRestartParam());
    spec.params.push_back(rollingResizeParam());
}

std::string balancerCellApproximation(const Block& block, const BlockSpec&, int)
{
    const auto algorithm = block.choice<BalancerAlgorithm>("algorithm");
    if (algorithm == BalancerAlgorithm::Random)
        return {};
    return block.id + ": " + std::string(choiceName(algorithm)) +
           " balances over all instances, a cell over its share only (exact for random)";
}

std::string replicasCellApproximation(const Block& block, const BlockSpec&, int cellCount)
{
    return block.id + ": one primary per cell takes 1/" + std::to_string(cellCount) +
           " of the writes the design's single primary takes";
}

// A write-behind cache's card: the writes it has lost to a crash, in the
// error colour, or the writes it holds that the database has not seen yet.
StateBadge cacheBadge(double unflushed, const std::map<std::string, double>& extras)
{
    const auto lost = extras.find(figures::kLostWrites);
    if (lost != extras.end() && lost->second > 0)
        return {compactNumber(lost->second) + (lost->second == 1 ? " write lost" : " writes lost"), true, false};
    if (unflushed >= 1)
        return {compactNumber(std::round(unflushed)) + " unflushed", false, false};
    return {};
}

// A service's card: the sessions its crashed instances took with them (each
// a user logged out), or else the requests that found no session on their
// instance (a balancer that is not sticky), in the error colour.
StateBadge sessionBadge(double, const std::map<std::string, double>& extras)
{
    const auto figure = [&](const char* name) {
        const auto found = extras.find(name);
        return found == extras.end() ? 0.0 : found->second;
    };
    if (const double lost = figure(figures::kSessionsLost); lost > 0)
        return {compactNumber(lost) + (lost == 1 ? " session lost" : " sessions lost"), true, false};
    if (const double loggedOut = figure(figures::kLoggedOut); loggedOut > 0)
        return {compactNumber(loggedOut) + " logged out", true, false};
    return {};
}

std::string cacheCellApproximation(const Block& block, const BlockSpec&, int cellCount)
{
    if (block.choice<HitModel>("hit_model") != HitModel::Capacity)
        return {};
    return block.id + ": each cell's cache holds the full capacity but sees 1/" + std::to_string(cellCount) +
           " of the requests per key (hit ratio approximate)";
}

BlockSpec clientSpec()
{
    BlockSpec spec;
    spec.kind = "client";
    spec.displayName = "Client";
    spec.category = "Traffic";
    spec.icon = "client";
    spec.summary = "Users sending requests: open-loop Poisson arrivals with timeouts and retries.";
    spec.pattern = "Load generation";
    spec.tier = Tier::Source;
    spec.behaviour = Behaviour::Client;
    spec.acceptsInput = false;
    spec.calls = kServingTiers; // and the edge: a client is who the edge faces
    spec.needsTarget = true;
    spec.params = {
        perCell(number("rate_rps", "Request rate", ParamType::Rate, "rps", 100, 0, 10'000'000, 10,
               "Arrival rate of new requests (Poisson) in the open model, and the base the traffic profile starts from. Retries come on top of it.")),
        number("read_ratio", "Read ratio", ParamType::Double, "", 0.9, 0, 1, 0.05,
               "Share of requests that are reads; the rest are writes. Caches serve reads, writes pass through."),
        number("static_ratio", "Static share", ParamType::Double, "", 0, 0, 1, 0.05,
               "Share of reads that fetch static assets (images, scripts, video segments): what a CDN caches."),
        number("timeout_ms", "Timeout", ParamType::Duration, "ms", 1000, 0, kHour, 50,
               "The client gives up on an attempt after this long and counts a timeout. 0 = waits forever."),
        number("retries", "Retries", ParamType::Int, "", 0, 0, 10, 1,
               "Extra attempts after an error or timeout. Every retry is new load on the system."),
        number("retry_backoff_ms", "Retry backoff", ParamType::Duration, "ms", 100, 0, 60'000, 10,
               "Wait before the first retry; doubles for every further attempt (exponential backoff)."),
        choice("retry_jitter", "Retry jitter", RetryJitter::Full,
               "Randomness in the backoff. None: every client that failed together retries together, in "
               "waves (a retry storm). Full: a uniform wait in [0, backoff]. Equal: half the backoff plus a "
               "uniform half (AWS's \"exponential backoff and jitter\")."),
        number("key_skew", "Key skew", ParamType::Double, "", 0, 0, 5, 0.1,
               "Zipf exponent of the keys requested: 0 = uniform, about 1 = a few hot keys take most traffic."),
        number("key_space", "Distinct keys", ParamType::Int, "", 100'000, 1, 1'000'000'000, 1000,
               "How many different keys (users, products) requests are spread over."),
        number("slo_p95_ms", "SLO (p95)", ParamType::Duration, "ms", 200, 0, kHour, 10,
               "The latency objective: 95% of requests should finish within it. Drawn on the latency plot."),
        flag("attack", "Attack traffic (flood)", false,
             "This client is a DDoS flood: every request it sends is marked as attack traffic, which a rate "
             "limiter's attack_detection recognises. Its keys are its sources (bots): a key_space of 200 is a "
             "botnet of 200 machines, which a per-key limit catches."),
        choice("arrival_model", "Arrival model", ArrivalModel::Open,
               "Open: requests arrive at the profile's rate whatever happens to them (internet traffic). "
               "Closed: a fixed number of virtual users each wait for their response and think before the "
               "next request (k6 VUs, JMeter threads), so a slow system lowers its own load."),
        choice("profile", "Traffic profile", TrafficShape::Constant,
               "Open model only. Constant: rate_rps. Ramp: from rate_rps through the ramp stages. Spike: "
               "rate_rps times the spike multiplier for a while. Diurnal: rate_rps swinging by the amplitude "
               "over the period, like a day of traffic."),
        perCell(text("ramp_stages", "Ramp stages", "30s:1000, 60s:1000, 30s:100", "DURATION:RPS, ...", &rampStagesRule,
             "DURATION:RPS stages, as in a k6 load test: \"30s:1000, 1m:5000\" moves linearly from the "
             "current rate to 1,000 rps over 30 s, then to 5,000 rps over a minute, then holds the last rate.")),
        number("spike_multiplier", "Spike multiplier", ParamType::Double, "x", 10, 1, 1000, 1,
               "How many times the base rate arrives during the spike (Black Friday: 10x)."),
        number("spike_start_s", "Spike start", ParamType::Double, "s", 60, 0, sim::kLongestSpanSeconds, 10,
               "Simulated second at which the spike begins."),
        number("spike_duration_s", "Spike duration", ParamType::Double, "s", 30, 0, sim::kLongestSpanSeconds, 10,
               "How long the spike lasts."),
        number("diurnal_amplitude", "Diurnal amplitude", ParamType::Double, "", 0.5, 0, 1, 0.05,
               "Swing of the daily cycle as a fraction of rate_rps: 0.5 goes from half to one and a half times."),
        number("diurnal_period_s", "Diurnal period", ParamType::Double, "s", 600, 1, sim::kLongestSpanSeconds, 60,
               "Length of one cycle in simulated seconds (86,400 is a real day; shorter cycles show it faster)."),
        perCell(number("virtual_users", "Virtual users", ParamType::Int, "", 100, 0, 10'000'000, 10,
               "Closed model only: users each with at most one request in flight.")),
        number("think_time_ms", "Think time", ParamType::Duration, "ms", 1000, 0, kHour, 100,
               "Closed model only: mean pause (exponential) between a response and the user's next request."),
    };
    return spec;
}

BlockSpec loadBalancerSpec()
{
    BlockSpec spec;
    spec.kind = "load_balancer";
    spec.displayName = "Load balancer";
    spec.category = "Routing";
    spec.icon = "load_balancer";
    spec.summary = "Spreads each request to one instance of the blocks it links to.";
    spec.pattern = "Horizontal scaling behind a load balancer";
    spec.tier = Tier::Router;
    spec.behaviour = Behaviour::LoadBalancer;
    spec.calls = kServingTiers;
    spec.needsTarget = true;
    spec.pricePerHour = 0.025;
    spec.cellApproximation = balancerCellApproximation;
    spec.params = {
        choice("algorithm", "Algorithm", BalancerAlgorithm::RoundRobin,
               "How the next instance is chosen. Round robin takes turns; weighted round robin follows link "
               "weights; least connections picks the instance with the fewest requests in flight; ip hash "
               "pins a key to one instance; power of two picks the less busy of two random instances."),
        number("overhead_ms", "Overhead", ParamType::Duration, "ms", 0.1, 0, 10'000, 0.05,
               "Time the balancer adds to each request (connection handling, TLS termination)."),
        number("health_check_interval_s", "Health check interval", ParamType::Double, "s", 5, 0, 3600, 1,
               "How often each backend instance is probed. 0 = no health checks: a dead instance keeps its "
               "share of traffic for ever."),
        number("unhealthy_threshold", "Unhealthy threshold", ParamType::Int, "", 3, 1, 100, 1,
               "Failed probes in a row before an instance is taken out of rotation. Detection takes about "
               "interval x threshold."),
        flag("retry_next_upstream", "Retry next upstream", true,
             "When an instance refuses a call (crashed), try the call once more on another instance, as "
             "nginx's proxy_next_upstream does."),
    };
    return spec;
}

BlockSpec serviceSpec()
{
    BlockSpec spec;
    spec.kind = "service";
    spec.displayName = "Service";
    spec.category = "Compute";
    spec.icon = "service";
    spec.summary = "A pool of app instances, each with a worker pool and a bounded queue; stateless unless they keep sessions.";
    spec.pattern = "Stateless service scaling";
    spec.tier = Tier::Compute;
    spec.behaviour = Behaviour::Pool;
    spec.calls = kServingTiers;
    spec.faults = {"crash", "slow"};
    spec.pricePerHour = 0.10;
    spec.params = poolParams(1, 8, 100);
    spec.params.insert(spec.params.begin() + 2,
                       number("service_time_ms", "Service time", ParamType::Duration, "ms", 10, 0, kHour, 1,
                              "Mean work per request on one worker, before its downstream calls."));
    spec.params.push_back(number("call_retries", "Call retries", ParamType::Int, "", 0, 0, 10, 1,
                                 "Extra attempts of a downstream call that failed, the worker waiting meanwhile. "
                                 "Each retry is new load on the dependency."));
    spec.params.push_back(number("call_retry_backoff_ms", "Call retry backoff", ParamType::Duration, "ms", 50, 0,
                                 60'000, 10,
                                 "Wait before a call's first retry, doubling for each further one, with full "
                                 "jitter (a uniform wait up to it) so that retries do not come in waves."));
    spec.params.push_back(choice("sessions", "Sessions", SessionState::None,
                                 "Where users' login sessions live (a user is a request key). none: no "
                                 "server-side session (no login, or a self-contained token such as a JWT). "
                                 "in_instance: in the memory of the instance the user logged in on, so the "
                                 "balancer must be sticky (ip hash); a request on another instance finds the user "
                                 "logged out and fails, and a crashed instance logs out all its users "
                                 "(sessions_lost). shared_store: in a cache block linked as the session store "
                                 "(Redis), read on every request; a crash of an instance loses nothing."));
    spec.params.push_back(zonesParam());
    spec.params.push_back(number(kSidecarParam, "Mesh sidecar latency", ParamType::Duration, "ms", 0, 0, 10'000, 0.5,
                                 "Service mesh (Istio/Envoy, Linkerd): a sidecar proxy beside each instance carries "
                                 "every request in and every call out (mutual TLS, routing, telemetry), adding this "
                                 "much per crossing, there and back; a call between two meshed services crosses two "
                                 "sidecars. Envoy adds about 1-3 ms per crossing at p90. The mesh's route timeout "
                                 "and retries are this service's timeout and call retries. 0 = not in a mesh."));
    spec.gauge = {"", {}, &sessionBadge}; // no gauge of its own, only the badge
    addInstanceTypeParams(spec);
    return spec;
}

BlockSpec databaseSpec()
{
    BlockSpec spec;
    spec.kind = "database";
    spec.displayName = "Database";
    spec.category = "Data";
    spec.icon = "database";
    spec.summary = "A database server: reads and writes cost different times; connections are limited.";
    spec.pattern = "Database scaling";
    spec.tier = Tier::Database;
    spec.behaviour = Behaviour::Pool;
    spec.faults = {"crash", "slow"};
    spec.pricePerHour = 0.50;
    spec.params = poolParams(1, 16, 1000);
    spec.params.insert(spec.params.begin() + 2,
                       {number("read_time_ms", "Read time", ParamType::Duration, "ms", 5, 0, kHour, 1,
                               "Mean time to serve one read query."),
                        number("write_time_ms", "Write time", ParamType::Duration, "ms", 20, 0, kHour, 1,
                               "Mean time to serve one write query."),
                        batchRowParam()});
    spec.params.push_back(perCell(number("max_connections", "Max connections", ParamType::Int, "", 200, 1, 1'000'000, 10,
                                 "Connections the database accepts at once over all its instances, queued or "
                                 "served. Beyond it a query is refused with 503 (too many connections).")));
    spec.params.push_back(zonesParam());
    addInstanceTypeParams(spec);
    return spec;
}

BlockSpec replicatedDatabaseSpec()
{
    BlockSpec spec;
    spec.kind = "replicated_database";
    spec.displayName = "Database with replicas";
    spec.category = "Data";
    spec.icon = "replica";
    spec.summary = "A primary that takes the writes and read replicas that copy them, with replication lag.";
    spec.pattern = "Database replication (primary-replica)";
    spec.tier = Tier::Database;
    spec.behaviour = Behaviour::ReplicatedDatabase;
    spec.faults = {"slow", "kill_primary"};
    spec.pricePerHour = 0.50;
    spec.cellApproximation = replicasCellApproximation;
    spec.params = poolParams(1, 16, 1000);
    spec.params.erase(spec.params.begin()); // the instances are the primary and its replicas
    spec.params.insert(spec.params.begin(),
                       perCell(number("replicas", "Read replicas", ParamType::Int, "", 2, 0, 100, 1,
                              "Copies of the primary that serve reads. 0 = the primary serves everything.")));
    spec.params.insert(spec.params.begin() + 2,
                       {number("read_time_ms", "Read time", ParamType::Duration, "ms", 5, 0, kHour, 1,
                               "Mean time to serve one read query, on any node."),
                        number("write_time_ms", "Write time", ParamType::Duration, "ms", 20, 0, kHour, 1,
                               "Mean time for the primary to commit one write."),
                        batchRowParam()});
    spec.params.push_back(choice("replication", "Replication", Replication::Async,
        "Async: a write returns once the primary commits; replicas catch up later (lag, stale reads). "
        "Semi-sync: it also waits until one replica has received it. Sync: it waits until every replica "
        "has applied it: no stale reads, slower writes."));
    spec.params.push_back(number("replication_delay_ms", "Shipping delay", ParamType::Duration, "ms", 1, 0, 60'000,
                                 0.5, "Network time for a write to reach a replica."));
    spec.params.push_back(number("apply_time_ms", "Apply time", ParamType::Duration, "ms", 2, 0, 60'000, 0.5,
                                 "Time a replica's single applier thread needs per write: when writes arrive "
                                 "faster than it applies them, the lag grows."));
    spec.params.push_back(choice("read_routing", "Read routing", ReadRouting::Replicas,
                                 "Where reads go: spread over the replicas (least busy), all to the primary, or to "
                                 "a replica unless it has not yet applied the latest write of that key, which then "
                                 "reads from the primary (read-your-writes)."));
    spec.params.push_back(number("failover_s", "Failover time", ParamType::Double, "s", 30, 0, 3600, 5,
                                 "After the primary dies, how long until a replica is promoted. Writes fail "
                                 "meanwhile."));
    spec.params.push_back(choice("topology", "Topology", ReplicaTopology::PrimaryReplica,
        "Primary-replica: one node takes every write. Multi-primary (master-master): every node takes writes "
        "and ships them to the others; two nodes writing the same key before seeing each other's write is a "
        "conflict that the application must resolve (counted as conflict_rate)."));
    return spec;
}

BlockSpec shardedDatabaseSpec()
{
    BlockSpec spec;
    spec.kind = "sharded_database";
    spec.displayName = "Sharded database";
    spec.category = "Data";
    spec.icon = "shard";
    spec.summary = "Data split over N shards by key: each shard a database of its own.";
    spec.pattern = "Sharding (horizontal partitioning)";
    spec.tier = Tier::Database;
    spec.behaviour = Behaviour::ShardedDatabase;
    spec.faults = {"slow"};
    spec.pricePerHour = 0.50;
    spec.params = poolParams(1, 16, 1000);
    spec.params.erase(spec.params.begin()); // one instance per shard
    spec.params.insert(spec.params.begin(),
                       {number("shards", "Shards", ParamType::Int, "", 4, 1, 1024, 1,
                               "How many shards the data is split over. Changing it while running reports the "
                               "share of keys that move."),
                        choice("strategy", "Sharding strategy", ShardingStrategy::HashModulo,
                               "Range: contiguous key ranges (hot ranges make hot shards). Hash modulo: even, but "
                               "adding a shard moves most keys. Consistent hashing: a ring of virtual nodes, "
                               "adding a shard moves about 1/N. Geographic: by the users' origin (client). "
                               "Directory: a lookup table that balances shards and moves only what it must."),
                        number("virtual_nodes", "Virtual nodes", ParamType::Int, "", 100, 1, 10'000, 10,
                               "Consistent hashing: points per shard on the ring; more spread keys more evenly."),
                        number("key_range", "Key range", ParamType::Int, "", 100'000, 1, 1'000'000'000, 1000,
                               "Range sharding: keys 0 to this are split into equal ranges (match the clients' "
                               "distinct keys).")});
    spec.params.insert(spec.params.begin() + 5,
                       {number("read_time_ms", "Read time", ParamType::Duration, "ms", 5, 0, kHour, 1,
                               "Mean time for one shard to serve a read."),
                        number("write_time_ms", "Write time", ParamType::Duration, "ms", 20, 0, kHour, 1,
                               "Mean time for one shard to serve a write."),
                        batchRowParam()});
    spec.params.push_back(number("cross_shard_ratio", "Cross-shard reads", ParamType::Double, "", 0, 0, 1, 0.05,
                                 "Share of reads that need every shard (scatter-gather): they wait for the "
                                 "slowest shard."));
    spec.params.push_back(number("directory_lookup_ms", "Directory lookup", ParamType::Duration, "ms", 0.5, 0,
                                 10'000, 0.1, "Directory strategy: time to look the shard up."));
    return spec;
}

BlockSpec cacheSpec()
{
    BlockSpec spec;
    spec.kind = "cache";
    spec.displayName = "Cache";
    spec.category = "Data";
    spec.icon = "cache";
    spec.summary = "An in-memory cache (Redis-like): hits answer at once, misses go on downstream.";
    spec.pattern = "Caching: cache-aside, read/write-through, write-behind, refresh-ahead";
    spec.tier = Tier::Cache;
    spec.behaviour = Behaviour::Cache;
    spec.calls = {Tier::Router, Tier::Compute, Tier::Database, Tier::Cache};
    spec.faults = {"flush", "crash_cache"};
    spec.gauge = {"Unflushed writes", {}, &cacheBadge}; // write-behind's dirty writes: what a crash loses
    spec.pricePerHour = 0.20;
    spec.cellApproximation = cacheCellApproximation;
    spec.params = {
        choice("hit_model", "Hit model", HitModel::FixedRatio,
               "Fixed ratio: reads hit with the hit ratio below (the teaching model). Capacity: the cache "
               "holds up to `capacity` keys with TTL and eviction, and the hit ratio emerges from the keys "
               "the clients ask for."),
        number("hit_ratio", "Hit ratio", ParamType::Double, "", 0.9, 0, 1, 0.01,
               "Fixed-ratio model: share of reads found in the cache. A miss goes on to the downstream link."),
        number("latency_ms", "Hit latency", ParamType::Duration, "ms", 1, 0, 60'000, 0.1,
               "Time to answer from the cache (and to write an entry)."),
        number("miss_latency_ms", "Miss latency", ParamType::Duration, "ms", 1, 0, 60'000, 0.1,
               "Time a miss costs before the request goes on downstream."),
        number("capacity", "Capacity", ParamType::Int, "keys", 10'000, 0, 100'000'000, 1000,
               "Capacity model: how many keys fit. When full, one is evicted per insert."),
        choice("eviction", "Eviction", Eviction::Lru,
               "Which key makes room: the least recently used, or the least frequently used."),
        number("ttl_s", "TTL", ParamType::Double, "s", 300, 0, sim::kLongestSpanSeconds, 10,
               "Capacity model: an entry expires this long after it was fetched. 0 = never."),
        choice("strategy", "Strategy", CacheStrategy::CacheAside,
               "Cache-aside: on a miss the app reads the database and then writes the cache (one more cache "
               "round trip). Read-through: the cache fetches on a miss itself. Write-through: writes go to the "
               "database and update the cache, so a write waits for both. Write-behind: writes update the cache "
               "and return; the cache writes them to the database later in batches (lost if the cache crashes "
               "first). Refresh-ahead: a hit on an entry near its expiry refreshes it in the background."),
        number("write_batch_size", "Write-behind batch", ParamType::Int, "writes", 50, 1, 10'000, 10,
               "Write-behind: unflushed writes the cache sends to the database as one batched write. A full "
               "batch goes at once, so the database sees about writes/s / batch size writes a second. 1 = each "
               "write on its own, as soon as it is taken."),
        number("flush_interval_ms", "Write-behind flush interval", ParamType::Duration, "ms", 1000, 1, kHour, 100,
               "Write-behind: the longest a write waits in the cache before it is flushed, batch full or not. "
               "Longer intervals make fuller batches and leave more writes to lose if the cache crashes (about "
               "writes/s x the mean time since the last flush)."),
        number("invalidate_on_write", "Invalidate on write", ParamType::Bool, "", 1, 0, 1, 1,
               "Cache-aside and read-through: a write deletes the cached key. Off: the old value stays and "
               "later reads of it are stale until it expires."),
        choice("stampede", "Stampede protection", StampedeProtection::None,
               "What happens when many requests miss the same key at once (after a flush or an expiry). None: "
               "each one queries the database (thundering herd). Lock: one fetches, the others wait for it "
               "(single flight). Early expiration: a hit refreshes an entry early with a probability that "
               "rises as it nears expiry (XFetch)."),
        number("refresh_ahead_fraction", "Refresh-ahead window", ParamType::Double, "", 0.2, 0, 1, 0.05,
               "Refresh-ahead: a hit in the last fraction of an entry's TTL triggers a background refresh."),
    };
    return spec;
}

BlockSpec cdnSpec()
{
    BlockSpec spec = cacheSpec();
    spec.kind = "cdn";
    spec.displayName = "CDN";
    spec.category = "Routing";
    spec.icon = "cdn";
    spec.summary = "Edge servers near the users: static assets come from the edge, the rest from the origin.";
    spec.pattern = "Content delivery network";
    spec.edgeOnly = true;
    spec.cachesStaticOnly = true;
    spec.pricePerHour.reset(); // priced per request only
    spec.faults = {"flush"};   // edge servers are many: losing one is not a cache crash
    spec.gauge = {};
    spec.pricePerMillion = 0.75;
    // A CDN caches by capacity and cache-control TTL; the other cache knobs stay as they are.
    for (auto& param : spec.params) {
        if (param.key == "hit_model")
            param.defaultValue = static_cast<int>(HitModel::Capacity);
        else if (param.key == "latency_ms") {
            param.label = "Edge latency";
            param.defaultValue = 10;
            param.help = "Time to serve an asset from the edge, near the user.";
        } else if (param.key == "miss_latency_ms") {
            param.defaultValue = 1;
            param.help = "Time the edge adds before forwarding a miss or a dynamic request to the origin.";
        } else if (param.key == "ttl_s") {
            param.label = "Cache-control max-age";
            param.defaultValue = 3600;
            param.help = "How long the edge may serve an asset before fetching it again from the origin.";
        } else if (param.key == "capacity") {
            param.defaultValue = 1'000'000;
        } else if (param.key == "strategy") {
            param.defaultValue = static_cast<int>(CacheStrategy::ReadThrough); // the edge fetches a miss itself
        }
    }
    return spec;
}

} // namespace

Registry::Registry()
    : m_blocks{clientSpec(), loadBalancerSpec(), serviceSpec(), databaseSpec(), replicatedDatabaseSpec(), shardedDatabaseSpec(),
                cacheSpec(), cdnSpec()}
    , m_linkParams{
          number("latency_ms", "Network latency", ParamType::Duration, "ms", 0.5, 0, 60'000, 0.1,
                 "One-way network latency of this call; a request pays it there and back."),
          number("probability", "Call probability", ParamType::Double, "", 1, 0, 1, 0.05,
                 "Chance that a request makes this downstream call. Ignored behind a load balancer, which "
                 "sends every request to exactly one instance."),
          number("weight", "Weight", ParamType::Double, "", 1, 0, 1000, 1,
                 "Relative share of traffic for a weighted round-robin load balancer."),
          flag("backup", "Backup target", false,
               "Behind a load balancer: this target only gets traffic when no other target is healthy "
               "(nginx's backup servers)."),
          number("pool_size", "Connection pool", ParamType::Int, "", 0, 0, 100'000, 1,
                 "Connections each instance of the caller keeps to this target (a database connection pool, "
                 "SQLAlchemy's pool_size): at most this many calls at once per instance, the others wait in "
                 "order for a free connection, holding their worker. 0 = no pool, no limit."),
          number("pool_timeout_ms", "Pool acquire timeout", ParamType::Duration, "ms", 30'000, 0, kHour, 100,
                 "With a connection pool: the longest a call waits for a free connection before it fails with "
                 "pool_timeout (SQLAlchemy's pool_timeout, 30 s; HikariCP's connectionTimeout). 0 = waits for ever."),
      }
{
    for (BlockSpec& spec : resilienceSpecs())
        m_blocks.push_back(std::move(spec));
    for (BlockSpec& spec : dataStoreSpecs())
        m_blocks.push_back(std::move(spec));
    for (BlockSpec& spec : streamingSpecs())
        m_blocks.push_back(std::move(spec));
    for (BlockSpec& spec : servicePatternSpecs())
        m_blocks.push_back(std::move(spec));
    for (BlockSpec& spec : m_blocks) {
        addPriceParams(spec);
        for (const BlockSpec& target : m_blocks)
            if (spec.mayCall(target))
                spec.allowedTargets.push_back(target.kind);
    }
}

const Registry& Registry::instance()
{
    static const Registry registry;
    return registry;
}

const BlockSpec* Registry::find(const std::string& kind) const
{
    for (const auto& spec : m_blocks)
        if (spec.kind == kind)
            return &spec;
    return nullptr;
}

const BlockSpec& specOf(const Block& block)
{
    return *Registry::instance().find(block.kind);
}

double choiceValue(const std::string& kind, const std::string& key, const std::string& name)
{
    return *Registry::instance().find(kind)->param(key)->choiceIndex(name);
}

const ParamSpec* Registry::linkParam(const std::string& key) const
{
    for (const auto& spec : m_linkParams)
        if (spec.key == key)
            return &spec;
    return nullptr;
}

std::vector<std::string> Registry::categories() const
{
    std::vector<std::string> result;
    for (const auto& spec : m_blocks)
        if (std::find(result.begin(), result.end(), spec.category) == result.end())
            result.push_back(spec.category);
    return result;
}

std::string Registry::linkRefusal(const std::string& fromKind, const std::string& toKind) const
{
    const BlockSpec* from = find(fromKind);
    const BlockSpec* to = find(toKind);
    if (!from || !to)
        return "unknown block kind";
    if (!to->acceptsInput)
        return "a " + to->displayName + " only sends requests; nothing can call it";
    if (from->allowedTargets.empty())
        return "a " + from->displayName + " makes no downstream calls";
    if (!from->mayLinkTo(toKind))
        return "a " + from->displayName + " cannot call a " + to->displayName;
    return {};
}

static size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates)
{
    std::string best;
    size_t bestDistance = word.size() / 2 + 2; // beyond this it is not a typo
    for (const auto& candidate : candidates) {
        const size_t distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

} // namespace scalelab::model
