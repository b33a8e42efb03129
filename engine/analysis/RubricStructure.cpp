#include "RubricStructure.h"

#include "model/Choices.h"
#include "model/Registry.h"

#include <algorithm>
#include <functional>
#include <set>

namespace scalelab::analysis {

namespace {

using model::Behaviour;
using model::Tier;

constexpr double kSeparationPoints = 7, kCascadePoints = 7, kAsyncPoints = 6;
// Reads dominate from this share of reads on: a read path of its own pays.
constexpr double kReadsDominate = 0.7;
// Writes worth deferring: below this share they are too few to matter.
constexpr double kFewWrites = 0.05, kManyWrites = 0.2;

bool endsSynchronousPath(Tier tier)
{
    return tier == Tier::Queue || tier == Tier::Stream || tier == Tier::Topic;
}

bool anyOfTier(const model::Architecture& design, Tier tier)
{
    return std::any_of(design.blocks.begin(), design.blocks.end(),
                       [&](const model::Block& block) { return specOf(block).tier == tier; });
}

std::string namesOf(const model::Architecture& design,
                    const std::function<bool(const model::Block&, const model::BlockSpec&)>& test)
{
    std::string names;
    for (const auto& block : design.blocks)
        if (test(block, specOf(block)))
            names += (names.empty() ? "" : ", ") + blockLabel(design, block.id);
    return names;
}

// The clients' read share, weighted by their rate (the busiest client decides).
double readShare(const model::Architecture& design)
{
    double reads = 0, total = 0;
    for (const auto& block : design.blocks)
        if (specOf(block).behaviour == Behaviour::Client) {
            const double weight = std::max(block.param("rate_rps"), 1.0);
            reads += weight * block.param("read_ratio");
            total += weight;
        }
    return total > 0 ? reads / total : 1;
}

RubricEvidence structural(const std::string& criterion, double maxPoints)
{
    RubricEvidence evidence;
    evidence.criterion = criterion;
    evidence.run = "the design";
    evidence.maxPoints = maxPoints;
    return evidence;
}

RubricEvidence separation(const model::Architecture& design)
{
    RubricEvidence evidence = structural("Reads served apart from writes where reads dominate", kSeparationPoints);
    const double reads = readShare(design);
    evidence.value = reads * 100;
    evidence.unit = "% reads";
    const std::string readSide = namesOf(design, [](const model::Block&, const model::BlockSpec& spec) {
        return spec.tier == Tier::Cache || spec.behaviour == Behaviour::ReplicatedDatabase ||
               spec.behaviour == Behaviour::EventStore || spec.behaviour == Behaviour::SearchIndex;
    });
    const bool hasStore = anyOfTier(design, Tier::Database);
    if (!hasStore) {
        evidence.points = kSeparationPoints;
        evidence.detail = "no data store whose reads to separate";
    } else if (reads < kReadsDominate) {
        evidence.points = kSeparationPoints;
        evidence.detail = "reads do not dominate, so one path for both is fine";
    } else if (!readSide.empty()) {
        evidence.points = kSeparationPoints;
        evidence.detail = "reads have their own path: " + readSide;
    } else {
        evidence.detail = "reads dominate but every read goes to the primary store: add a cache, read replicas or a CQRS read side";
    }
    return evidence;
}

bool isWorker(Tier tier)
{
    return tier == Tier::Compute || tier == Tier::Function;
}

struct ServiceCall {
    std::string text; // "Product API -> Recommendations"
    bool guarded = false;
};

// A compute tier calling another compute tier synchronously (through
// routers and guards): when the callee slows, the caller's workers wait on
// it and the slowness climbs the chain. Guarded when a breaker or a rate
// limiter stands on the way.
std::vector<ServiceCall> serviceCalls(const model::Architecture& design)
{
    std::vector<ServiceCall> calls;
    for (const auto& caller : design.blocks) {
        if (!isWorker(specOf(caller).tier))
            continue;
        std::set<std::string> seen;
        std::function<void(const std::string&, bool)> follow = [&](const std::string& id, bool guarded) {
            const model::Block* block = design.findBlock(id);
            if (!block || !seen.insert(id).second)
                return;
            const model::BlockSpec& spec = specOf(*block);
            if (isWorker(spec.tier)) {
                calls.push_back({blockLabel(design, caller.id) + " -> " + blockLabel(design, id), guarded});
                return;
            }
            if (spec.tier == Tier::Guard || spec.tier == Tier::Router)
                for (const model::Link* link : design.linksFrom(id))
                    follow(link->to, guarded || spec.tier == Tier::Guard);
        };
        for (const model::Link* link : design.linksFrom(caller.id))
            follow(link->to, false);
    }
    return calls;
}

RubricEvidence cascadeProtection(const model::Architecture& design)
{
    RubricEvidence evidence = structural("Breakers, timeouts or rate limits where calls can cascade", kCascadePoints);
    const std::vector<ServiceCall> calls = serviceCalls(design);
    std::string unguarded;
    int guardedCount = 0;
    for (const auto& call : calls) {
        guardedCount += call.guarded;
        if (!call.guarded)
            unguarded += (unguarded.empty() ? "" : ", ") + call.text;
    }
    evidence.value = double(calls.size() - size_t(guardedCount));
    evidence.unit = "unguarded service-to-service calls";
    if (calls.empty()) {
        evidence.points = kCascadePoints;
        evidence.detail = "no service waits on another synchronously, so nothing to cascade";
    } else {
        evidence.points = kCascadePoints * guardedCount / double(calls.size());
        evidence.detail = unguarded.empty() ? "every service-to-service call is guarded"
                                            : "can cascade: " + unguarded +
                                                  "; put a circuit breaker or a rate limiter in front of the callee";
    }
    return evidence;
}

RubricEvidence asynchronousWork(const model::Architecture& design)
{
    RubricEvidence evidence = structural("Deferrable writes done asynchronously", kAsyncPoints);
    const double writes = 1 - readShare(design);
    evidence.value = writes * 100;
    evidence.unit = "% writes";
    const std::string async = namesOf(design, [](const model::Block& block, const model::BlockSpec& spec) {
        return endsSynchronousPath(spec.tier) || spec.behaviour == Behaviour::Fanout ||
               (spec.behaviour == Behaviour::Cache && spec.param("strategy") &&
                block.choice<model::CacheStrategy>("strategy") == model::CacheStrategy::WriteBehind);
    });
    if (!async.empty()) {
        evidence.points = kAsyncPoints;
        evidence.detail = "work deferred through " + async;
    } else if (!anyOfTier(design, Tier::Database)) {
        evidence.points = kAsyncPoints;
        evidence.detail = "no data store for writes to wait on";
    } else if (writes <= kFewWrites + 1e-9) {
        evidence.points = kAsyncPoints;
        evidence.detail = "too few writes to be worth deferring";
    } else if (writes < kManyWrites) {
        evidence.points = kAsyncPoints / 2;
        evidence.detail = "every write waits for the store; a queue would take the deferrable ones off the request path";
    } else {
        evidence.detail = "a write-heavy design with every write on the request path: put a queue or a stream in front of the slow work";
    }
    return evidence;
}

} // namespace

std::string blockLabel(const model::Architecture& design, const std::string& id)
{
    const model::Block* block = design.findBlock(id);
    return block && !block->name.empty() ? block->name : id;
}

std::vector<std::string> criticalPath(const model::Architecture& design)
{
    std::vector<std::string> best, path;
    std::set<std::string> onPath;
    std::function<void(const std::string&)> walk = [&](const std::string& id) {
        const model::Block* block = design.findBlock(id);
        if (!block || onPath.count(id))
            return;
        const model::BlockSpec& spec = specOf(*block);
        if (spec.controlLinks)
            return;
        const bool counted = spec.tier != Tier::Source && spec.tier != Tier::Guard;
        onPath.insert(id);
        if (counted)
            path.push_back(block->name.empty() ? id : block->name);
        if (path.size() > best.size())
            best = path;
        if (!endsSynchronousPath(spec.tier))
            for (const model::Link* link : design.linksFrom(id))
                walk(link->to);
        if (counted)
            path.pop_back();
        onPath.erase(id);
    };
    for (const auto& block : design.blocks)
        if (specOf(block).behaviour == Behaviour::Client)
            walk(block.id);
    return best;
}

RubricScore tradeOffsScore(const model::Architecture& design)
{
    RubricScore score;
    score.dimension = RubricDimension::TradeOffs;
    score.evidence = {separation(design), cascadeProtection(design), asynchronousWork(design)};
    return score;
}

} // namespace scalelab::analysis
