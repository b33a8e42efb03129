#pragma once
// A cache in front of a slower store (its first link); also the CDN, which
// caches static assets at the edge and forwards dynamic requests. Two hit models:
// a fixed hit ratio (the teaching model: 99% hits turn 1,000 reads/s into
// 10 queries/s), or a real store of `capacity` keys with TTL and LRU/LFU
// eviction, where the hit ratio emerges from the clients' key distribution.
// Strategies decide what reads and writes cost and what reaches the store
// (cache-aside, read-through, write-through, write-behind, refresh-ahead);
// stampede protection decides what a burst of misses on one key does (a
// flush at peak load is a thundering herd unless a lock makes one request
// fetch for all).
#include "model/Choices.h"
#include "sim/BlockRuntime.h"
#include "CacheStore.h"

#include <unordered_map>
#include <unordered_set>

namespace scalelab::blocks {

class CacheBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override;
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome) override;
    void release(sim::Kernel& kernel, uint32_t frame) override;
    void onDetachedReply(sim::Kernel& kernel, uint32_t key, sim::RequestType type, sim::Outcome outcome) override;
    std::string command(sim::Kernel& kernel, const std::string& name) override;
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override;
    std::string heldText() const override { return std::to_string(m_store.size()) + " cache entries"; }
    void resetStats(sim::SimTime now) override;

private:
    using Strategy = model::CacheStrategy;
    using Stampede = model::StampedeProtection;
    // Where a call is, kept in CallFrame::phase.
    enum Phase : uint8_t { Hit, MissDelay, Fetching, Waiting, SetAfterFetch, WritePass, WriteThroughSet, Answer };

    struct Fetch {
        uint32_t leader = 0, leaderGeneration = 0;
        std::vector<std::pair<uint32_t, uint32_t>> waiters; // (frame, generation)
    };

    void read(sim::Kernel& kernel, uint32_t frame);
    void write(sim::Kernel& kernel, uint32_t frame);
    bool lookUp(sim::Kernel& kernel, uint32_t key);
    void after(sim::Kernel& kernel, uint32_t frame, Phase phase, sim::SimTime delay);
    void startFetch(sim::Kernel& kernel, uint32_t frame);
    void fetched(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome);
    void refreshInBackground(sim::Kernel& kernel, uint32_t key);
    void fetchOver(uint32_t key);

    bool m_staticOnly = false; // a CDN caches static assets only (BlockSpec::cachesStaticOnly)
    bool m_capacityModel = false;
    double m_hitRatio = 0;
    sim::SimTime m_hitLatency = 0, m_missLatency = 0;
    Strategy m_strategy = Strategy::CacheAside;
    Stampede m_stampede = Stampede::None;
    bool m_invalidateOnWrite = true;
    double m_refreshFraction = 0.2;
    CacheStore m_store;
    std::unordered_map<uint32_t, Fetch> m_fetches;  // lock: the one fetch per missing key
    std::unordered_set<uint32_t> m_refreshing;     // keys with a background refresh in flight
    // Fetches on their way per key: a second one for the same key is the
    // thundering herd that a lock would have coalesced (herd_fetches).
    std::unordered_map<uint32_t, uint32_t> m_fetching;

    uint64_t m_hits = 0, m_misses = 0, m_expired = 0, m_staleReads = 0, m_fetchesSent = 0, m_coalesced = 0;
    uint64_t m_dynamicPassed = 0, m_herdFetches = 0;
    uint64_t m_earlyRefreshes = 0, m_backgroundRefreshes = 0, m_writesPassed = 0, m_flushes = 0;
    uint64_t m_evictionsAtReset = 0, m_flushesAtReset = 0;
    int64_t m_pendingWrites = 0;
    uint64_t m_failedBackgroundWrites = 0;
};

} // namespace scalelab::blocks
