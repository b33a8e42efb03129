#include "CacheBlock.h"

#include "model/NumberText.h"
#include "model/Registry.h"
#include "core/FigureNames.h"

#include <cmath>
#include <vector>

namespace scalelab::blocks {

void CacheBlock::configure(sim::Kernel& kernel, const model::Block& block)
{
    m_staticOnly = model::Registry::instance().find(block.kind)->cachesStaticOnly;
    m_capacityModel = block.choice<model::HitModel>("hit_model") == model::HitModel::Capacity;
    m_hitRatio = block.param("hit_ratio");
    m_hitLatency = sim::fromMs(block.param("latency_ms"));
    m_missLatency = sim::fromMs(block.param("miss_latency_ms"));
    m_strategy = block.choice<Strategy>("strategy");
    m_stampede = block.choice<Stampede>("stampede");
    m_invalidateOnWrite = block.param("invalidate_on_write") != 0;
    m_refreshFraction = block.param("refresh_ahead_fraction");
    m_store.configure(static_cast<size_t>(block.param("capacity")),
                      block.choice<CacheStore::Eviction>("eviction"),
                      sim::fromSeconds(block.param("ttl_s")));
    m_batchSize = static_cast<int>(block.param("write_batch_size"));
    m_flushInterval = sim::fromMs(block.param("flush_interval_ms"));
    // A smaller batch, or a strategy that no longer holds writes, sends what is held now.
    if (m_unflushed > 0 && (m_strategy != Strategy::WriteBehind || m_unflushed >= static_cast<uint32_t>(m_batchSize)))
        flush(kernel);
}

void CacheBlock::after(sim::Kernel& kernel, uint32_t frame, Phase phase, sim::SimTime delay)
{
    sim::CallFrame& f = kernel.frames()[frame];
    f.phase = phase;
    f.state = sim::FrameState::Working;
    if (delay > 0)
        kernel.schedule(kernel.now() + delay, sim::EventType::WorkDone, index(), frame,
                        kernel.frames().generation(frame));
    else
        onWorkDone(kernel, frame);
}

void CacheBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    if (m_down) {
        kernel.finish(frame, sim::Outcome::Failed); // connection refused: the node is down
        return;
    }
    // Inside the cache now, whatever it does next (a crash finds it by this).
    kernel.frames()[frame].state = sim::FrameState::Working;
    if (kernel.frames()[frame].type == sim::RequestType::Write)
        write(kernel, frame);
    else
        read(kernel, frame);
}

// Whether `key` is served from the cache now, with the side effects a real
// cache has: recency, expiry, stale-read counting, early and ahead refreshes.
bool CacheBlock::lookUp(sim::Kernel& kernel, uint32_t key)
{
    if (!m_capacityModel)
        return rng().bernoulli(m_hitRatio);
    bool expired = false;
    CacheStore::Entry* entry = m_store.lookup(key, kernel.now(), expired);
    m_expired += expired;
    if (!entry)
        return false;
    if (entry->stale)
        ++m_staleReads;
    const sim::SimTime ttl = m_store.ttl();
    if (ttl > 0 && m_stampede == Stampede::EarlyExpiration) {
        // XFetch (Vattani et al.): refresh early with a probability that rises
        // as expiry nears and with the cost of a fetch, so one request
        // refreshes a hot key before the crowd finds it gone.
        const double early = -static_cast<double>(entry->fetchCost) * std::log(rng().uniformPositive());
        if (static_cast<double>(kernel.now()) + early >= static_cast<double>(entry->expires)) {
            ++m_earlyRefreshes;
            return false;
        }
    }
    if (ttl > 0 && m_strategy == Strategy::RefreshAhead &&
        static_cast<double>(entry->expires - kernel.now()) < m_refreshFraction * static_cast<double>(ttl))
        refreshInBackground(kernel, key);
    return true;
}

void CacheBlock::read(sim::Kernel& kernel, uint32_t frame)
{
    const uint32_t key = kernel.frames()[frame].key;
    if (m_staticOnly && kernel.frames()[frame].type != sim::RequestType::Static) {
        // A CDN caches assets only: dynamic requests go on to the origin.
        ++m_dynamicPassed;
        if (linkCount() == 0) {
            after(kernel, frame, Answer, m_missLatency);
            return;
        }
        kernel.frames()[frame].phase = WritePass;
        kernel.call(frame, 0);
        return;
    }
    if (lookUp(kernel, key)) {
        ++m_hits;
        after(kernel, frame, Hit, m_hitLatency);
        return;
    }
    ++m_misses;
    if (m_capacityModel && m_stampede == Stampede::Lock) {
        if (auto it = m_fetches.find(key); it != m_fetches.end()) {
            // Single flight: wait for the fetch already on its way.
            ++m_coalesced;
            kernel.frames()[frame].phase = Waiting;
            it->second.waiters.emplace_back(frame, kernel.frames().generation(frame));
            return;
        }
        m_fetches[key] = Fetch{frame, kernel.frames().generation(frame), {}};
    }
    if (m_fetching[key]++ > 0)
        ++m_herdFetches;
    after(kernel, frame, MissDelay, m_missLatency);
}

void CacheBlock::fetchOver(uint32_t key)
{
    if (auto it = m_fetching.find(key); it != m_fetching.end() && --it->second == 0)
        m_fetching.erase(it);
}

void CacheBlock::write(sim::Kernel& kernel, uint32_t frame)
{
    const uint32_t key = kernel.frames()[frame].key;
    if (m_strategy == Strategy::WriteBehind) {
        // The cache takes the write and answers; the store hears of it later.
        if (m_capacityModel)
            m_store.insert(key, kernel.now(), 0);
        if (linkCount() > 0)
            holdWrite(kernel, key);
        after(kernel, frame, Answer, m_hitLatency);
        return;
    }
    if (m_capacityModel && m_strategy != Strategy::WriteThrough) {
        if (m_invalidateOnWrite)
            m_store.erase(key);
        else
            m_store.markStale(key);
    }
    if (linkCount() == 0) {
        after(kernel, frame, Answer, m_hitLatency);
        return;
    }
    ++m_writesPassed;
    kernel.frames()[frame].phase = m_strategy == Strategy::WriteThrough ? WriteThroughSet : WritePass;
    kernel.call(frame, 0);
}

void CacheBlock::onWorkDone(sim::Kernel& kernel, uint32_t frame)
{
    switch (static_cast<Phase>(kernel.frames()[frame].phase)) {
    case MissDelay:
        startFetch(kernel, frame);
        break;
    case Hit:
    case SetAfterFetch:
    case Answer:
    default:
        kernel.finish(frame, sim::Outcome::Ok);
        break;
    }
}

void CacheBlock::startFetch(sim::Kernel& kernel, uint32_t frame)
{
    if (linkCount() == 0) { // nothing behind the cache: a miss is answered empty
        kernel.finish(frame, sim::Outcome::Ok);
        return;
    }
    ++m_fetchesSent;
    kernel.frames()[frame].phase = Fetching;
    kernel.call(frame, 0);
}

void CacheBlock::onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    const sim::CallFrame& f = kernel.frames()[frame];
    switch (static_cast<Phase>(f.phase)) {
    case Fetching:
        fetched(kernel, frame, outcome);
        break;
    case WriteThroughSet:
        if (outcome != sim::Outcome::Ok) {
            kernel.finish(frame, outcome);
            break;
        }
        if (m_capacityModel)
            m_store.insert(f.key, kernel.now(), 0);
        after(kernel, frame, Answer, m_hitLatency); // the write waits for the store and the cache
        break;
    default: // WritePass
        kernel.finish(frame, outcome);
        break;
    }
}

void CacheBlock::fetched(sim::Kernel& kernel, uint32_t frame, sim::Outcome outcome)
{
    sim::CallFrame& f = kernel.frames()[frame];
    const uint32_t key = f.key;
    fetchOver(key);
    f.phase = Answer; // no longer fetching, whatever comes next (release() reads it)
    if (outcome == sim::Outcome::Ok && m_capacityModel)
        m_store.insert(key, kernel.now(), kernel.now() - f.arrived - m_missLatency);
    // Everyone who waited on this fetch gets its outcome.
    if (auto it = m_fetches.find(key); it != m_fetches.end() && it->second.leader == frame) {
        const auto waiters = std::move(it->second.waiters);
        m_fetches.erase(it);
        for (const auto& [waiter, generation] : waiters)
            if (kernel.frames().isLive(waiter, generation))
                kernel.finish(waiter, outcome);
    }
    if (outcome != sim::Outcome::Ok)
        kernel.finish(frame, outcome);
    else if (m_strategy == Strategy::CacheAside)
        after(kernel, frame, SetAfterFetch, m_hitLatency); // the app writes what it read into the cache
    else
        kernel.finish(frame, sim::Outcome::Ok);
}

void CacheBlock::release(sim::Kernel& kernel, uint32_t frame)
{
    const sim::CallFrame& f = kernel.frames()[frame];
    if (f.phase == MissDelay || f.phase == Fetching) // gave up (its timeout) before its fetch came back
        fetchOver(f.key);
    // A fetch leader that ends any other way (its timeout) hands the fetch
    // to the next waiter still waiting, so waiters never hang on a lost leader.
    auto it = m_fetches.find(f.key);
    if (it == m_fetches.end() || it->second.leader != frame ||
        it->second.leaderGeneration != kernel.frames().generation(frame))
        return;
    Fetch& fetch = it->second;
    while (!fetch.waiters.empty()) {
        const auto [next, generation] = fetch.waiters.front();
        fetch.waiters.erase(fetch.waiters.begin());
        if (!kernel.frames().isLive(next, generation))
            continue;
        fetch.leader = next;
        fetch.leaderGeneration = generation;
        ++m_fetching[f.key];
        // Started by an event rather than from inside the old leader's finish.
        kernel.frames()[next].phase = MissDelay;
        kernel.schedule(kernel.now(), sim::EventType::WorkDone, index(), next, generation);
        return;
    }
    m_fetches.erase(it);
}

void CacheBlock::refreshInBackground(sim::Kernel& kernel, uint32_t key)
{
    if (linkCount() == 0 || !m_refreshing.insert(key).second)
        return;
    ++m_backgroundRefreshes;
    kernel.callDetached(index(), 0, key, sim::RequestType::Read);
}

void CacheBlock::holdWrite(sim::Kernel& kernel, uint32_t key)
{
    if (m_unflushed == 0) {
        // The oldest write starts the clock: no write waits longer than the interval.
        m_batchKey = key;
        if (++m_flushTimer == kCrashReport)
            ++m_flushTimer;
        kernel.schedule(kernel.now() + m_flushInterval, sim::EventType::BlockTimer, index(), m_flushTimer);
    }
    ++m_unflushed;
    if (m_unflushed >= static_cast<uint32_t>(m_batchSize))
        flush(kernel);
}

void CacheBlock::flush(sim::Kernel& kernel)
{
    if (m_unflushed == 0)
        return;
    const uint32_t rows = m_unflushed;
    m_unflushed = 0; // the pending timer finds nothing to flush; the next write arms a new one
    if (linkCount() == 0)
        return; // the store was unlinked while running: there is nowhere to write
    m_pendingWrites += rows;
    m_writesPassed += rows;
    ++m_batchesSent;
    // At most write_batch_size (<= 10,000) rows: a frame's row count holds it.
    kernel.callDetached(index(), 0, m_batchKey, sim::RequestType::Write, static_cast<uint16_t>(rows));
}

void CacheBlock::onTimer(sim::Kernel& kernel, uint32_t tag)
{
    if (tag == kCrashReport) {
        const std::string lost = m_lostInLastCrash == 0 ? std::string("no unflushed writes lost")
                                 : model::compactNumber(m_lostInLastCrash) +
                                       (m_lostInLastCrash == 1 ? " unflushed write lost" : " unflushed writes lost");
        kernel.log(index(), id() + " crashed: " + lost + ", every cached entry gone");
        return;
    }
    if (tag == m_flushTimer && m_unflushed > 0)
        flush(kernel);
}

int CacheBlock::crash(sim::Kernel& kernel, int)
{
    if (m_down)
        return 0;
    m_down = true;
    ++m_crashes;
    m_lostInLastCrash = m_unflushed;
    m_lostWrites += m_unflushed;
    m_unflushed = 0;
    m_store.clear();
    m_refreshing.clear();
    failCallsInside(kernel);
    // Reported by an event, so the log has the fault first and then what it cost.
    kernel.schedule(kernel.now(), sim::EventType::BlockTimer, index(), kCrashReport);
    return 1;
}

void CacheBlock::failCallsInside(sim::Kernel& kernel)
{
    // Rare: one scan of the frame pool. Calls still on the wire to the cache
    // are not inside it; they meet the cache as it is when they arrive.
    m_fetches.clear(); // no waiter is handed a fetch: every one of them fails here
    std::vector<std::pair<uint32_t, uint32_t>> inside;
    for (uint32_t frame = 0; frame < kernel.frames().capacity(); ++frame)
        if (kernel.frames().isLive(frame) && kernel.frames()[frame].block == index() &&
            kernel.frames()[frame].state != sim::FrameState::Travelling)
            inside.emplace_back(frame, kernel.frames().generation(frame));
    for (const auto& [frame, generation] : inside)
        if (kernel.frames().isLive(frame, generation))
            kernel.finish(frame, sim::Outcome::Failed);
}

void CacheBlock::onDetachedReply(sim::Kernel& kernel, uint32_t key, sim::RequestType type, uint16_t rows,
                                 sim::Outcome outcome)
{
    if (type == sim::RequestType::Write) {
        m_pendingWrites -= rows;
        if (outcome != sim::Outcome::Ok)
            m_failedBackgroundWrites += rows;
        return;
    }
    m_refreshing.erase(key);
    if (outcome == sim::Outcome::Ok && m_capacityModel)
        m_store.insert(key, kernel.now(), 0);
}

std::string CacheBlock::command(sim::Kernel&, const std::string& name)
{
    if (name != "flush")
        return "a cache can flush, not " + name;
    m_store.clear();
    ++m_flushes;
    return {};
}

std::map<std::string, double> CacheBlock::extraMetrics() const
{
    const uint64_t lookups = m_hits + m_misses;
    const double served = double(lookups + m_dynamicPassed + m_writesPassed);
    const double toOrigin = double(m_fetchesSent + m_backgroundRefreshes + m_dynamicPassed + m_writesPassed);
    return {{"hits", double(m_hits)},
            // Share of requests the layer below never sees: a CDN's origin offload.
            {"offload", served > 0 ? 1.0 - toOrigin / served : 0.0},
            {"dynamic_passed", double(m_dynamicPassed)},
            {"misses", double(m_misses)},
            {"hit_ratio", lookups ? double(m_hits) / double(lookups) : 0.0},
            {"expired", double(m_expired)},
            {"stale_reads", double(m_staleReads)},
            {"evictions", double(m_store.evictions() - m_evictionsAtReset)},
            {"entries", double(m_store.size())},
            {"downstream_reads", double(m_fetchesSent + m_backgroundRefreshes)},
            {"downstream_writes", double(m_writesPassed)}, // rows: a write-behind batch counts its rows
            {"downstream_batches", double(m_batchesSent)},
            {"unflushed_writes", double(m_unflushed)},
            {figures::kLostWrites, double(m_lostWrites)},
            {"crashes", double(m_crashes)},
            {"coalesced", double(m_coalesced)},
            // Fetches of a key already being fetched: the herd a lock coalesces.
            {"herd_fetches", double(m_herdFetches)},
            {"flushes", double(m_flushes - m_flushesAtReset)},
            {"early_refreshes", double(m_earlyRefreshes)},
            {"pending_writes", double(m_pendingWrites)},
            {"failed_background_writes", double(m_failedBackgroundWrites)}};
}

void CacheBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_hits = m_misses = m_expired = m_staleReads = m_fetchesSent = m_coalesced = 0;
    m_earlyRefreshes = m_backgroundRefreshes = m_writesPassed = m_failedBackgroundWrites = m_dynamicPassed = 0;
    m_herdFetches = 0;
    m_batchesSent = m_lostWrites = m_crashes = 0;
    m_evictionsAtReset = m_store.evictions();
    m_flushesAtReset = m_flushes;
}

size_t CacheBlock::heldBytes() const
{
    // A fetch's waiters are calls, whose frames the kernel counts already.
    return sim::BlockRuntime::heldBytes() + m_store.bytes() + m_refreshing.size() * (4 + kHashNodeBytes) +
           m_fetches.size() * (4 + sizeof(Fetch) + kHashNodeBytes);
}

} // namespace scalelab::blocks
