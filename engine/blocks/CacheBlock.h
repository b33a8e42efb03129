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
//
// Write-behind takes a write into the cache and answers at once; the
// unflushed ("dirty") writes go to the database as one batched write when
// `write_batch_size` of them are waiting, or `flush_interval_ms` after the
// oldest of them arrived, whichever comes first (the database charges a
// batch as ServiceTimes says). A crash (the crash_cache fault) loses the
// cache's entries and its unflushed writes, counted as lost_writes;
// analysis/WriteBehindModel.h has the expected batch size and the expected
// unflushed writes a crash finds. Repeated writes of one key are not merged
// into one row: the keys are spread, and the model stays exact.
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
    void onDetachedReply(sim::Kernel& kernel, uint32_t key, sim::RequestType type, uint16_t rows,
                         sim::Outcome outcome) override;
    std::string command(sim::Kernel& kernel, const std::string& name) override;
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;
    // The crash_cache fault: the node dies (count is ignored: a cache is one
    // node) and stays down until restore().
    int crash(sim::Kernel& kernel, int count) override;
    void restore(sim::Kernel&) override { m_down = false; }
    bool instanceUp(int) const override { return !m_down; }
    double gauge() const override { return m_unflushed; }
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
    // Write-behind: holds a write until its batch goes.
    void holdWrite(sim::Kernel& kernel, uint32_t key);
    // Sends every unflushed write to the database as one batch.
    void flush(sim::Kernel& kernel);
    // Ends the calls inside the cache when it crashes.
    void failCallsInside(sim::Kernel& kernel);

    // BlockTimer tags: the crash report; any other tag is a flush timer's generation.
    static constexpr uint32_t kCrashReport = UINT32_MAX;

    bool m_staticOnly = false; // a CDN caches static assets only (BlockSpec::cachesStaticOnly)
    bool m_capacityModel = false;
    double m_hitRatio = 0;
    sim::SimTime m_hitLatency = 0, m_missLatency = 0;
    Strategy m_strategy = Strategy::CacheAside;
    Stampede m_stampede = Stampede::None;
    bool m_invalidateOnWrite = true;
    double m_refreshFraction = 0.2;
    int m_batchSize = 1;
    sim::SimTime m_flushInterval = 0;
    uint32_t m_unflushed = 0;     // write-behind writes the database has not been sent
    uint32_t m_batchKey = 0;      // the oldest unflushed write's key: where a sharded store takes the batch
    uint32_t m_flushTimer = 0;    // generation of the flush timer that counts (armed by the oldest write)
    bool m_down = false;
    uint32_t m_lostInLastCrash = 0;
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
    int64_t m_pendingWrites = 0; // rows sent in batches not yet answered
    uint64_t m_failedBackgroundWrites = 0;
    uint64_t m_batchesSent = 0, m_lostWrites = 0, m_crashes = 0;
};

} // namespace scalelab::blocks
