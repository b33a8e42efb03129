#include "Advisor.h"

#include "NetworkModel.h"
#include "RequiredInstances.h"
#include "model/Choices.h"
#include "model/InstanceTypes.h"
#include "model/Registry.h"
#include "model/StatedTraffic.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

namespace scalelab::analysis {

namespace {

// Figures the seeds' rules of thumb name.
constexpr double kBusy = 0.8;      // utilisation that makes a block the bottleneck
constexpr double kReadHeavy = 0.8; // share of reads that makes a database read-heavy
// "Don't shard before 10K writes/sec": the seeds' figure is what one
// typical primary commits. A design is judged by its own primary instead
// (workers / write time), at the utilisation the planner sizes pools for:
// below it, one primary (with read replicas) takes every write.
constexpr double kOnePrimaryTakes = 0.7;
// A tier whose own work keeps it below this, while its workers are held by
// a saturated database, is scaled for the wait, not for its work.
constexpr double kOwnWorkIdle = 0.5;
// Share of a cache's fetches that were for a key already being fetched
// above which the database's load is a thundering herd.
constexpr double kHerd = 0.2;

bool isTier(const std::string& kind, model::Tier tier)
{
    const model::BlockSpec* spec = model::Registry::instance().find(kind);
    return spec && spec->tier == tier;
}

bool hasBehaviour(const std::string& kind, model::Behaviour behaviour)
{
    const model::BlockSpec* spec = model::Registry::instance().find(kind);
    return spec && spec->behaviour == behaviour;
}

bool isDatabase(const std::string& kind)
{
    return isTier(kind, model::Tier::Database);
}

std::string percent(double ratio)
{
    std::ostringstream out;
    out << std::lround(ratio * 100) << "%";
    return out.str();
}

std::string number(double value)
{
    std::ostringstream out;
    out.precision(value >= 100 ? 0 : 2);
    out << std::fixed << value;
    return out.str();
}

double extra(const stats::BlockSnapshot& block, const char* key)
{
    auto it = block.extras.find(key);
    return it == block.extras.end() ? 0 : it->second;
}

// Blocks from which `id` can be reached, following links backwards.
std::set<std::string> upstreamOf(const model::Architecture& design, const std::string& id)
{
    std::set<std::string> seen;
    std::vector<std::string> pending{id};
    while (!pending.empty()) {
        const std::string current = pending.back();
        pending.pop_back();
        for (const auto& link : design.links)
            if (link.to == current && seen.insert(link.from).second)
                pending.push_back(link.from);
    }
    return seen;
}

// A cache or a CDN among `ids`: something that answers reads before they reach a database.
bool hasCache(const model::Architecture& design, const std::set<std::string>& ids)
{
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
        const model::Block* block = design.findBlock(id);
        return block && isTier(block->kind, model::Tier::Cache);
    });
}

// False in a challenge whose allowed kinds leave caches out: it wants the
// other remedy for reads, and advice to add a cache would break its rules.
bool cachesAllowed(const model::Architecture& design)
{
    if (!design.challenge || design.challenge->allowedKinds.empty())
        return true;
    const auto& allowed = design.challenge->allowedKinds;
    // A cache for every read, that is: a CDN's static-only cache does not take database reads.
    return std::any_of(allowed.begin(), allowed.end(), [](const std::string& kind) {
        const model::BlockSpec* spec = model::Registry::instance().find(kind);
        return spec && spec->tier == model::Tier::Cache && !spec->cachesStaticOnly;
    });
}

// A balancer that sends traffic to `id`, if any.
const model::Block* balancerOf(const model::Architecture& design, const std::string& id)
{
    for (const auto& link : design.links)
        if (link.to == id)
            if (const model::Block* from = design.findBlock(link.from);
                from && hasBehaviour(from->kind, model::Behaviour::LoadBalancer))
                return from;
    return nullptr;
}

// An autoscaler that steers `id`, if any.
const model::Block* autoscalerOf(const model::Architecture& design, const std::string& id)
{
    for (const auto& link : design.links)
        if (link.to == id)
            if (const model::Block* from = design.findBlock(link.from);
                from && hasBehaviour(from->kind, model::Behaviour::Autoscaler))
                return from;
    return nullptr;
}

// A cache in front of `databaseId` whose fetches in the run were a
// thundering herd: many for keys already being fetched (a lock would have
// coalesced them), or any after the cache was flushed (refilling every key
// at once is the herd, however cold most keys are).
struct Herd {
    const model::Block* cache = nullptr;
    double share = 0; // of its fetches
    bool flushed = false;
};

Herd herdInFrontOf(const model::Architecture& design, const stats::Snapshot& run, const std::string& databaseId)
{
    const std::set<std::string> feeders = upstreamOf(design, databaseId);
    for (const auto& block : run.blocks) {
        const model::Block* cache = design.findBlock(block.id);
        if (!cache || !hasBehaviour(cache->kind, model::Behaviour::Cache) || !feeders.count(block.id))
            continue;
        const double fetches = extra(block, "downstream_reads"), herd = extra(block, "herd_fetches");
        const bool flushed = extra(block, "flushes") > 0;
        if (fetches > 0 && herd > 0 && (herd / fetches >= kHerd || flushed))
            return {cache, herd / fetches, flushed};
    }
    return {};
}

// "stampede protection (stampede) to lock", in the registry's words.
std::string stampedeFix(const model::Block& cache)
{
    const model::ParamSpec* stampede = model::Registry::instance().find(cache.kind)->param("stampede");
    return cache.name + "'s " + (stampede ? stampede->label : "stampede protection") + " to " +
           std::string(model::choiceName(model::StampedeProtection::Lock));
}

// The seeds' decision table, for the block that limits the design.
void remedy(const model::Architecture& design, const stats::Snapshot& run, const model::Block& block,
            const BlockPlan* plan, Finding& finding)
{
    const double reads = plan ? plan->readRps : 0, writes = plan ? plan->writeRps : 0;
    const double readShare = reads + writes > 0 ? reads / (reads + writes) : 1;
    const bool spiky = std::any_of(design.blocks.begin(), design.blocks.end(), [](const model::Block& b) {
        return isTier(b.kind, model::Tier::Source) && b.params.count("profile") &&
               b.choice<model::TrafficShape>("profile") != model::TrafficShape::Constant;
    });
    if (hasBehaviour(block.kind, model::Behaviour::EventStore)) {
        // CQRS: each side scales on its own.
        finding.pattern = "CQRS + event sourcing";
        finding.suggestion = readShare >= 0.5
                                 ? "Too many queries for the read model: add read-model nodes (read_instances); the "
                                   "log, the write side, needs nothing."
                                 : "Too many commands for one log node: partition the event log (shard it by key).";
    } else if (isDatabase(block.kind)) {
        if (const Herd herd = herdInFrontOf(design, run, block.id); herd.cache) {
            // Not too many reads for the database: too many at once for the same keys.
            finding.pattern = "Caching: stampede protection";
            finding.suggestion = "A thundering herd: " +
                                 std::string(herd.flushed ? "after " + herd.cache->name + " was flushed, " : "") +
                                 percent(herd.share) + " of " + herd.cache->name +
                                 "'s fetches asked the database for a key already on its way" +
                                 (herd.flushed ? "" : " (after a flush or an expiry)") + ". Set " +
                                 stampedeFix(*herd.cache) +
                                 " (single flight: one fetch per key, the others wait for it), or to " +
                                 std::string(model::choiceName(model::StampedeProtection::EarlyExpiration)) +
                                 " with a TTL so hot keys are refreshed before they expire.";
        } else if (readShare >= 0.5) {
            const bool cached = hasCache(design, upstreamOf(design, block.id));
            const bool cacheAllowed = cachesAllowed(design);
            finding.pattern = cached || !cacheAllowed ? "DB replication" : "Caching";
            finding.suggestion = cached ? "Too many reads: add read replicas (a database with replicas) or raise "
                                          "the cache's hit ratio."
                                 : !cacheAllowed
                                     ? "Too many reads: add read replicas (a database with replicas, or more of "
                                       "them) so that they share the reads."
                                     : "Too many reads: put a cache in front of it (cache-aside), then add read "
                                       "replicas if reads still dominate.";
        } else {
            finding.pattern = "Sharding";
            finding.suggestion = "Too many writes: shard it so each shard takes a share of the writes.";
        }
    } else if (isTier(block.kind, model::Tier::Queue)) {
        finding.pattern = "Auto-scaling";
        finding.suggestion = "The consumers cannot keep up: add consumers, or an autoscaler on queue depth.";
    } else if (isTier(block.kind, model::Tier::Stream)) {
        finding.pattern = "Event streaming";
        finding.suggestion = "A consumer group cannot keep up: give it more consumers, up to one per partition; "
                             "beyond that only more partitions (or faster consumers) help.";
    } else if (isTier(block.kind, model::Tier::Connections)) {
        finding.pattern = "Long-lived connections";
        finding.suggestion = "Connections or their messages overload " + block.name +
                             ": add instances (each brings its memory and workers), or hold each connection in "
                             "less memory.";
    } else if (isTier(block.kind, model::Tier::Function)) {
        finding.pattern = "Auto-scaling";
        finding.suggestion = "Raise the concurrency limit, or buffer the work through a queue.";
    } else {
        // The pool itself: its name, and how many instances it needs at the
        // planner's target utilisation (at the design's own traffic).
        const int instances = plan ? plan->instances : 1;
        const int needed = plan && plan->requiredInstances > instances ? plan->requiredInstances : 0;
        const std::string toTarget =
            needed ? " (about " + std::to_string(needed) + " for 70% busy; it has " + std::to_string(instances) + ")"
                   : "";
        const model::Block* scaler = autoscalerOf(design, block.id);
        if (scaler) {
            finding.pattern = "Auto-scaling";
            finding.suggestion = block.name + "'s autoscaler (" + scaler->name + ") does not keep up: raise its "
                                 "max_instances (now " + number(scaler->param("max_instances")) +
                                 ") or let it scale out sooner (a lower target, a shorter cooldown).";
        } else if (spiky) {
            finding.pattern = "Auto-scaling";
            finding.suggestion = "Traffic spikes: add an autoscaler on " + block.name + " (or a queue to absorb them).";
        } else if (const model::Block* balancer = balancerOf(design, block.id)) {
            finding.pattern = "Horizontal scaling";
            finding.suggestion = "Overloaded: add instances to " + block.name + ", the pool behind " + balancer->name +
                                 toTarget + ".";
        } else if (instances > 1) {
            finding.pattern = "Horizontal scaling";
            finding.suggestion = "Overloaded: add instances to " + block.name + toTarget + ".";
        } else {
            finding.pattern = "Load balancing";
            finding.suggestion = "Single server overloaded: add instances behind a load balancer" + toTarget + ".";
        }
    }
}

// A pool that is busy, queueing or refusing work.
struct Saturated {
    const stats::BlockSnapshot* block;
    const model::Block* design;
    double refused, queuePerInstance;
};

// The limiting block: a saturated pool with no other saturated pool
// downstream of it, the busiest of those. Calls are synchronous, so a
// caller's workers stay held while its calls wait: a saturated database
// makes the service in front of it look just as busy, and the remedy
// belongs where the work piles up.
std::optional<Saturated> limitingPool(const model::Architecture& design, const stats::Snapshot& run)
{
    std::vector<Saturated> saturated;
    for (const auto& block : run.blocks) {
        const model::Block* inDesign = design.findBlock(block.id); // null if edited away since the run
        if (!block.hasWorkers || !inDesign)
            continue;
        const double refused =
            block.arrivals ? double(block.errors[sim::Outcome::Rejected] + block.errors[sim::Outcome::RateLimited]) /
                                 double(block.arrivals)
                           : 0;
        const double queuePerInstance = block.meanQueue / std::max(1, block.instances);
        if (block.utilization >= kBusy || refused > 0.01 || queuePerInstance >= 1)
            saturated.push_back({&block, inDesign, refused, queuePerInstance});
    }
    // What feeds each saturated pool, walked once per pool.
    std::vector<std::set<std::string>> feeders;
    for (const auto& pool : saturated)
        feeders.push_back(upstreamOf(design, pool.block->id));
    const auto busier = [](const Saturated& a, const Saturated& b) { return a.block->utilization < b.block->utilization; };
    std::optional<Saturated> limiting;
    for (size_t c = 0; c < saturated.size(); ++c) {
        const Saturated& candidate = saturated[c];
        bool feedsAnother = false;
        for (size_t other = 0; other < saturated.size(); ++other)
            feedsAnother = feedsAnother || (other != c && feeders[other].count(candidate.block->id) > 0);
        if (!feedsAnother && (!limiting || busier(*limiting, candidate)))
            limiting = candidate;
    }
    if (!limiting && !saturated.empty()) // a cycle of saturated pools: the busiest of them
        limiting = *std::max_element(saturated.begin(), saturated.end(), busier);
    return limiting;
}

} // namespace

const char* findingKindName(Finding::Kind kind)
{
    switch (kind) {
    case Finding::Kind::Bottleneck:
        return "bottleneck";
    case Finding::Kind::Symptom:
        return "symptom";
    case Finding::Kind::AntiPattern:
        return "anti-pattern";
    }
    return "";
}

std::vector<Finding> advise(const model::Architecture& design, const stats::Snapshot& run)
{
    std::vector<Finding> findings;
    NetworkPlan plan;
    try {
        plan = planNetwork(design);
    } catch (const std::exception&) {
        // An invalid design has no plan; the run-based findings still apply.
    }

    const std::optional<Saturated> limiting = limitingPool(design, run);
    if (limiting) {
        const stats::BlockSnapshot& busiest = *limiting->block;
        Finding finding{Finding::Kind::Bottleneck, "bottleneck", busiest.id, {}, {}, {}};
        finding.problem = busiest.name + " limits the design: " + percent(busiest.utilization) + " of its workers busy";
        if (limiting->queuePerInstance >= 1)
            finding.problem += ", " + number(busiest.meanQueue) + " requests waiting on average";
        if (limiting->refused > 0.01)
            finding.problem += ", " + percent(limiting->refused) + " of calls refused";
        remedy(design, run, *limiting->design, plan.find(busiest.id), finding);
        findings.push_back(finding);
        if (const Herd herd = herdInFrontOf(design, run, busiest.id); herd.cache && isDatabase(busiest.kind))
            findings.push_back({Finding::Kind::Symptom, "stampede", herd.cache->id,
                                herd.cache->name + ": " + percent(herd.share) +
                                    " of its fetches were for a key already being fetched (a thundering herd)",
                                finding.pattern, "Set " + stampedeFix(*herd.cache) + "."});
    }

    for (const auto& block : run.blocks) {
        if (extra(block, "stale_read_ratio") > 0.01) { // a database with replicas read stale data
            findings.push_back({Finding::Kind::Symptom, "replica_lag", block.id,
                                block.name + ": " + percent(extra(block, "stale_read_ratio")) +
                                    " of replica reads are stale (lag " + number(extra(block, "mean_replica_lag_ms")) +
                                    " ms)",
                                "DB replication",
                                "Route reads read-your-writes, or replicate semi-synchronously, where staleness matters."});
        }
        if (hasBehaviour(block.kind, model::Behaviour::ShardedDatabase)) {
            const model::Block* spec = design.findBlock(block.id);
            const double shards = spec ? spec->param("shards") : 1;
            const double hottest = extra(block, "hottest_shard_share");
            if (shards > 1 && hottest > 1.5 / shards)
                findings.push_back({Finding::Kind::Symptom, "hot_shard", block.id,
                                    block.name + ": the hottest shard takes " + percent(hottest) + " of the load (an even share is " +
                                        percent(1 / shards) + ")",
                                    "Caching", "A hot key makes a hot shard: cache the hot keys in front, or split them."});
        }
        if (isTier(block.kind, model::Tier::Source)) {
            const double attempts = extra(block, "attempts"), retries = extra(block, "retries");
            if (attempts > 0 && retries / attempts > 0.1)
                findings.push_back({Finding::Kind::Symptom, "retry_storm", block.id,
                                    block.name + ": retries are " + percent(retries / attempts) +
                                        " of all attempts, load the failing system adds to itself",
                                    "Circuit breaker",
                                    "Back off with jitter, cap the retries, and put a circuit breaker in front of the "
                                    "failing dependency."});
            const double timeouts = block.arrivals ? double(block.errors[sim::Outcome::Timeout]) / double(block.arrivals) : 0;
            if (timeouts > 0.01 &&
                std::none_of(design.blocks.begin(), design.blocks.end(),
                             [](const model::Block& b) { return hasBehaviour(b.kind, model::Behaviour::CircuitBreaker); }))
                findings.push_back({Finding::Kind::Symptom, "cascade", block.id,
                                    block.name + ": " + percent(timeouts) +
                                        " of requests time out: a slow dependency holds every worker above it",
                                    "Circuit breaker",
                                    "Give calls to slow dependencies short timeouts and a circuit breaker so the "
                                    "failure stays contained."});
        }
    }

    // Anti-patterns.
    if (!findings.empty() && findings.front().code == "bottleneck") {
        const model::Block* limit = design.findBlock(findings.front().blockId);
        // A stampede is the cache's to fix, not a sign the tiers are out of proportion.
        if (limit && isDatabase(limit->kind) && !herdInFrontOf(design, run, limit->id).cache && run.measuredSeconds > 0) {
            const std::set<std::string> feeders = upstreamOf(design, limit->id);
            for (const auto& block : run.blocks) {
                const model::Block* inDesign = design.findBlock(block.id);
                const BlockPlan* planned = plan.find(block.id);
                if (!isTier(block.kind, model::Tier::Compute) || !feeders.count(block.id) || !inDesign || !planned ||
                    block.instances < 4 || planned->serviceMs <= 0)
                    continue;
                // Its workers are held while they wait on the database (how
                // busy they look); its own work is what the tier needs.
                const double rate = double(block.arrivals) / run.measuredSeconds;
                const int workers = std::max(1, model::workersOf(*inDesign));
                const double ownBusy = rate * planned->serviceMs / 1000 / (block.instances * workers);
                const int ownNeeds =
                    rate > 0 ? instancesForUtilization(rate, planned->serviceMs / 1000, workers, plan.targetUtilization) : 1;
                if (ownBusy >= kOwnWorkIdle || block.instances < 2 * std::max(1, ownNeeds))
                    continue;
                findings.push_back(
                    {Finding::Kind::AntiPattern, "wrong_tier", block.id,
                     block.name + " runs " + std::to_string(block.instances) + " instances, " +
                         percent(block.utilization) + " busy, while its own work keeps them " + percent(ownBusy) +
                         " busy (" + std::to_string(ownNeeds) + (ownNeeds == 1 ? " instance" : " instances") +
                         " would do it): the rest is waiting on " + limit->name + ", the bottleneck",
                     "Caching",
                     "Scaling the wrong layer: more " + block.name + " only queue more work on " + limit->name +
                         ". Fix the database tier instead (a cache in front, read replicas, sharding)."});
            }
        }
    }
    // A challenge's design is judged at the traffic it is graded at, not its file's.
    NetworkPlan graded = plan;
    if (design.challenge && !model::runsStatedTraffic(design)) {
        model::Architecture stated = design;
        try {
            if (!model::applyStatedTraffic(stated))
                graded = planNetwork(stated);
        } catch (const std::exception&) {
            // An invalid design: keep the plan at the file's traffic.
        }
    }
    for (const auto& block : design.blocks) {
        const BlockPlan* planned = plan.find(block.id);
        if (!planned)
            continue;
        if (const BlockPlan* atGrade = graded.find(block.id);
            atGrade && hasBehaviour(block.kind, model::Behaviour::ShardedDatabase) && block.param("write_time_ms") > 0) {
            // What one primary of this database commits at most: the seeds'
            // 10K writes/s, in this design's terms.
            const double onePrimary = model::workersOf(block) / block.param("write_time_ms") * 1000;
            if (atGrade->writeRps < kOnePrimaryTakes * onePrimary)
                findings.push_back({Finding::Kind::AntiPattern, "premature_sharding", block.id,
                                    block.name + " is sharded at " + number(atGrade->writeRps) +
                                        " writes/s, which one primary commits at " +
                                        percent(atGrade->writeRps / onePrimary) + " busy (" +
                                        number(model::workersOf(block)) + " workers x " +
                                        number(block.param("write_time_ms")) + " ms: " + number(onePrimary) +
                                        " writes/s at most)",
                                    "Database replication",
                                    "Premature scaling: the seeds' 10K writes/s is what one typical primary commits; "
                                    "until the writes outgrow one primary, one with read replicas is simpler."});
        }
    const double total = planned->readRps + planned->writeRps;
        if (isDatabase(block.kind) && total > 0 && planned->readRps / total >= kReadHeavy &&
            !hasCache(design, upstreamOf(design, block.id)) && cachesAllowed(design))
            findings.push_back({Finding::Kind::AntiPattern, "no_cache", block.id,
                                block.name + " serves " + percent(planned->readRps / total) +
                                    " reads with no cache in front",
                                "Caching", "Ignoring caching, the easiest win: a cache with a 90% hit ratio takes 90% of "
                                           "those reads off it."});
    }
    return findings;
}

} // namespace scalelab::analysis
