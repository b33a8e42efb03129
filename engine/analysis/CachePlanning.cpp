#include "CachePlanning.h"

#include "CacheModel.h"
#include "ResponseMix.h"
#include "model/Choices.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>

namespace scalelab::analysis {

const model::Block* keySource(const model::Architecture& design, const std::string& id)
{
    const model::Block* best = nullptr;
    double bestReads = -1;
    std::vector<std::string> pending{id}, seen{id};
    while (!pending.empty()) {
        const std::string current = pending.back();
        pending.pop_back();
        for (const auto& link : design.links) {
            if (link.to != current || std::find(seen.begin(), seen.end(), link.from) != seen.end())
                continue;
            seen.push_back(link.from);
            pending.push_back(link.from);
            const model::Block* from = design.findBlock(link.from);
            if (model::Registry::instance().find(from->kind)->tier != model::Tier::Source)
                continue;
            const double reads = from->param("rate_rps") * from->param("read_ratio");
            if (reads > bestReads) {
                bestReads = reads;
                best = from;
            }
        }
    }
    return best;
}

CacheOutcome cacheOutcome(const PlanningContext& context, const model::Block& cache, double cacheableRps,
                          double writeRps)
{
    if (cache.choice<model::HitModel>("hit_model") == model::HitModel::FixedRatio)
        return {cache.param("hit_ratio"), 1 - cache.param("hit_ratio"), 0};
    // Nothing behind it: a miss is answered empty and nothing is ever stored.
    if (context.design.linksFrom(cache.id).empty())
        return {0, 1, 0};
    const model::Block* client = keySource(context.design, cache.id);
    if (!client || cacheableRps <= 0)
        return {0, 1, 0};
    CacheKeys computed;
    CacheKeys* keys = &computed;
    if (context.cacheKeys)
        keys = &(*context.cacheKeys)[cache.id];
    if (keys->popularity.empty()) {
        const auto count = static_cast<uint64_t>(std::max(1.0, client->param("key_space")));
        keys->popularity = zipfClasses(count, client->param("key_skew"));
        keys->lruRequests = lruCharacteristicTime(keys->popularity, cache.param("capacity"));
    }
    const auto strategy = cache.choice<model::CacheStrategy>("strategy");
    const bool writesDelete = cache.param("invalidate_on_write") != 0 &&
                              strategy != model::CacheStrategy::WriteThrough &&
                              strategy != model::CacheStrategy::WriteBehind;
    KeyChurn churn;
    churn.ttlRequests = cache.param("ttl_s") * cacheableRps; // 0: entries never expire
    churn.deletesPerLookup = writesDelete ? writeRps / cacheableRps : 0;
    churn.lookupsPerMs = cacheableRps / 1000;
    if (auto fetch = context.fetchTimes.find(cache.id); fetch != context.fetchTimes.end()) {
        churn.fetchMs = fetch->second.meanMs;
        churn.fetchSdMs = fetch->second.sdMs;
    }
    churn.singleFlight = cache.choice<model::StampedeProtection>("stampede") == model::StampedeProtection::Lock;
    return capacityCacheOutcome(keys->popularity, keys->lruRequests, churn);
}

void planCache(const model::Block& block, const model::BlockSpec& spec, BlockPlan& here, const Call& downstream,
               bool hasLinks)
{
    const double hitMs = block.param("latency_ms"), missMs = block.param("miss_latency_ms");
    const auto strategy = block.choice<model::CacheStrategy>("strategy");
    const double cacheableRps = spec.cachesStaticOnly ? here.staticRps : here.readRps;
    const double passedReads = here.readRps - cacheableRps;
    // A miss fetches a read, a write passes on as a write.
    const double down = hasLinks ? downstream.readMs : 0, downWrite = hasLinks ? downstream.writeMs : 0;
    const double downVariance = hasLinks ? downstream.varianceMs2 : 0;
    here.fetchMs = missMs + down; // a miss until the value is cached
    here.fetchSdMs = std::sqrt(downVariance);
    const double writeBack = strategy == model::CacheStrategy::CacheAside && hasLinks ? hitMs : 0;
    const double waitForFetchMs =
        here.fetchMs > 0 ? (here.fetchMs * here.fetchMs + downVariance) / (2 * here.fetchMs) : 0;
    Mixture reads;
    reads.add(cacheableRps * here.hitRatio, hitMs, 0);
    reads.add(cacheableRps * here.fetchRatio, here.fetchMs + writeBack, downVariance);
    reads.add(cacheableRps * here.waitRatio, waitForFetchMs, 0);
    reads.add(passedReads, hasLinks ? down : missMs, downVariance);
    const bool writeWaits = hasLinks && strategy != model::CacheStrategy::WriteBehind;
    const double writeMs = !writeWaits ? hitMs
                           : strategy == model::CacheStrategy::WriteThrough ? downWrite + hitMs
                                                                            : downWrite;
    Mixture all = reads;
    all.add(here.writeRps, writeMs, writeWaits ? downVariance : 0);
    here.serviceMs = hitMs;
    // With no reads yet, what one would take: the hit ratio's mix.
    setResponses(here, reads.weight > 0 ? reads.mean() : hitMs, writeMs);
    here.responseSdMs = std::sqrt(all.variance());
}

} // namespace scalelab::analysis
