#include "Advisor.h"

#include "NetworkModel.h"
#include "model/Choices.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

namespace scalelab::analysis {

namespace {

// Figures the seeds' rules of thumb name.
constexpr double kBusy = 0.8;                  // utilisation that makes a block the bottleneck
constexpr double kShardingWritesPerSecond = 1e4; // "don't shard before 10K writes/sec"
constexpr double kReadHeavy = 0.8;             // share of reads that makes a database read-heavy

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

// The seeds' decision table, for the block that limits the design.
void remedy(const model::Architecture& design, const model::Block& block, const BlockPlan* plan, Finding& finding)
{
    const double reads = plan ? plan->readRps : 0, writes = plan ? plan->writeRps : 0;
    const double readShare = reads + writes > 0 ? reads / (reads + writes) : 1;
    const bool spiky = std::any_of(design.blocks.begin(), design.blocks.end(), [](const model::Block& b) {
        return isTier(b.kind, model::Tier::Source) && b.params.count("profile") &&
               b.choice<model::TrafficShape>("profile") != model::TrafficShape::Constant;
    });
    if (isDatabase(block.kind)) {
        if (readShare >= 0.5) {
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
    } else if (isTier(block.kind, model::Tier::Function)) {
        finding.pattern = "Auto-scaling";
        finding.suggestion = "Raise the concurrency limit, or buffer the work through a queue.";
    } else {
        finding.pattern = spiky ? "Auto-scaling" : "Load balancing";
        finding.suggestion = spiky ? "Traffic spikes: add an autoscaler (or a queue to absorb them)."
                                   : "Single server overloaded: add instances behind a load balancer.";
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
        remedy(design, *limiting->design, plan.find(busiest.id), finding);
        findings.push_back(finding);
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
        if (limit && isDatabase(limit->kind)) {
            for (const auto& block : run.blocks) {
                const BlockPlan* planned = plan.find(block.id);
                if (isTier(block.kind, model::Tier::Compute) && planned && block.instances >= 4 &&
                    block.instances >= 2 * std::max(1, planned->requiredInstances) && block.utilization < 0.5)
                    findings.push_back({Finding::Kind::AntiPattern, "wrong_tier", block.id,
                                        block.name + " runs " + std::to_string(block.instances) +
                                            " instances at " + percent(block.utilization) +
                                            " while the database is the bottleneck",
                                        "Caching", "Scaling the wrong layer: more web servers only queue more work on "
                                                   "the database. Fix the database tier instead."});
            }
        }
    }
    for (const auto& block : design.blocks) {
        const BlockPlan* planned = plan.find(block.id);
        if (!planned)
            continue;
        if (hasBehaviour(block.kind, model::Behaviour::ShardedDatabase) && planned->writeRps < kShardingWritesPerSecond)
            findings.push_back({Finding::Kind::AntiPattern, "premature_sharding", block.id,
                                block.name + " is sharded at " + number(planned->writeRps) +
                                    " writes/s, below the seeds' 10K writes/s",
                                "Database replication",
                                "Premature scaling: one primary with read replicas is simpler until writes outgrow it."});
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
