#pragma once
// The contents of a cache: which keys it holds, until when (TTL), and which
// key to evict when it is full (least recently or least frequently used).
// The hit ratio of a simulated cache emerges from this store and the keys
// the clients ask for; nothing here is a probability.
//
// Costs: lookup, insert, erase O(1) expected (hash map + intrusive lists);
// LFU eviction O(log F) in the number of distinct frequencies. Memory
// ~48 bytes per entry, bounded by the capacity.
#include "model/Choices.h"
#include "sim/IntrusiveList.h"
#include "core/SimTime.h"

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace scalelab::blocks {

class CacheStore {
public:
    using Eviction = model::Eviction;

    struct Entry {
        uint32_t key = 0;
        uint32_t frequency = 0;
        sim::SimTime expires = sim::kNever;
        sim::SimTime fetchCost = 0; // how long the last fetch took (early expiration)
        bool stale = false;         // written downstream since it was cached, and not invalidated
        uint32_t prev = UINT32_MAX, next = UINT32_MAX;
    };

    void configure(size_t capacity, Eviction eviction, sim::SimTime ttl);

    // The live entry for `key`, or nullptr. An expired entry is erased and
    // reported through `expired`. A hit counts as a use (recency, frequency).
    Entry* lookup(uint32_t key, sim::SimTime now, bool& expired);
    // Inserts or refreshes `key` (fresh, new expiry); evicts when full.
    void insert(uint32_t key, sim::SimTime now, sim::SimTime fetchCost);
    void erase(uint32_t key);
    void markStale(uint32_t key);
    void clear();

    size_t size() const { return m_index.size(); }
    size_t capacity() const { return m_capacity; }
    // Memory held by the entries and their index, for the run's memory budget.
    size_t bytes() const;
    uint64_t evictions() const { return m_evictions; }
    sim::SimTime ttl() const { return m_ttl; }

private:
    using Slots = std::vector<Entry>;
    using List = sim::IntrusiveList<Slots, Entry, &Entry::prev, &Entry::next>;

    void touch(uint32_t slot);
    void evictOne();
    List& listFor(uint32_t slot);
    void unlink(uint32_t slot);

    size_t m_capacity = 0;
    Eviction m_eviction = Eviction::Lru;
    sim::SimTime m_ttl = 0;
    Slots m_slots;
    std::vector<uint32_t> m_freeSlots;
    std::unordered_map<uint32_t, uint32_t> m_index; // key -> slot
    List m_lru;                                     // least recent first
    std::map<uint32_t, List> m_byFrequency;         // LFU: per use count, least recent first
    uint64_t m_evictions = 0;
};

} // namespace scalelab::blocks
