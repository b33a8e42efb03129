#include "CacheStore.h"

namespace scalelab::blocks {

void CacheStore::configure(size_t capacity, Eviction eviction, sim::SimTime ttl)
{
    if (eviction != m_eviction)
        clear(); // the lists are organised differently: start cold
    m_eviction = eviction;
    m_capacity = capacity;
    m_ttl = ttl;
    while (m_index.size() > m_capacity)
        evictOne();
}

CacheStore::List& CacheStore::listFor(uint32_t slot)
{
    return m_eviction == Eviction::Lru ? m_lru : m_byFrequency[m_slots[slot].frequency];
}

void CacheStore::unlink(uint32_t slot)
{
    List& list = listFor(slot);
    list.remove(m_slots, slot);
    if (m_eviction == Eviction::Lfu && list.empty())
        m_byFrequency.erase(m_slots[slot].frequency);
}

void CacheStore::touch(uint32_t slot)
{
    unlink(slot);
    ++m_slots[slot].frequency;
    listFor(slot).pushBack(m_slots, slot);
}

CacheStore::Entry* CacheStore::lookup(uint32_t key, sim::SimTime now, bool& expired)
{
    expired = false;
    auto it = m_index.find(key);
    if (it == m_index.end())
        return nullptr;
    const uint32_t slot = it->second;
    if (m_slots[slot].expires <= now) {
        expired = true;
        erase(key);
        return nullptr;
    }
    touch(slot);
    return &m_slots[slot];
}

void CacheStore::insert(uint32_t key, sim::SimTime now, sim::SimTime fetchCost)
{
    if (m_capacity == 0)
        return;
    const sim::SimTime expires = m_ttl > 0 ? now + m_ttl : sim::kNever;
    if (auto it = m_index.find(key); it != m_index.end()) {
        Entry& entry = m_slots[it->second];
        entry.expires = expires;
        entry.fetchCost = fetchCost;
        entry.stale = false;
        touch(it->second);
        return;
    }
    if (m_index.size() >= m_capacity)
        evictOne();
    uint32_t slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = static_cast<uint32_t>(m_slots.size());
        m_slots.emplace_back();
    }
    m_slots[slot] = Entry{key, 1, expires, fetchCost, false, UINT32_MAX, UINT32_MAX};
    m_index[key] = slot;
    listFor(slot).pushBack(m_slots, slot);
}

void CacheStore::evictOne()
{
    List& victims = m_eviction == Eviction::Lru ? m_lru : m_byFrequency.begin()->second;
    erase(m_slots[victims.front()].key);
    ++m_evictions;
}

void CacheStore::erase(uint32_t key)
{
    auto it = m_index.find(key);
    if (it == m_index.end())
        return;
    const uint32_t slot = it->second;
    unlink(slot);
    m_index.erase(it);
    m_freeSlots.push_back(slot);
}

void CacheStore::markStale(uint32_t key)
{
    if (auto it = m_index.find(key); it != m_index.end())
        m_slots[it->second].stale = true;
}

void CacheStore::clear()
{
    m_index.clear();
    m_slots.clear();
    m_freeSlots.clear();
    m_lru = List{};
    m_byFrequency.clear();
}

size_t CacheStore::bytes() const
{
    // 32 per hash or tree node: pointers, hash and malloc rounding (BlockRuntime::kHashNodeBytes).
    return m_slots.capacity() * sizeof(Entry) + m_freeSlots.capacity() * sizeof(uint32_t) +
           m_index.size() * (sizeof(std::pair<uint32_t, uint32_t>) + 32) + m_byFrequency.size() * (sizeof(List) + 32);
}

} // namespace scalelab::blocks
