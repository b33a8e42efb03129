#pragma once
// Index-addressed object pool with a free list and per-slot generations.
// Requests and call frames live here: after warm-up the pool stops growing,
// so the steady state allocates nothing. A (index, generation) pair is a
// weak reference: once the slot is released and reused its generation has
// moved on, and stale events or replies are recognised and dropped.
// Each slot keeps its bookkeeping beside its object: one cache line serves
// acquire, the object's use and the liveness check.
#include "HugePageAllocator.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

namespace scalelab::sim {

template <typename T>
class Pool {
public:
    static constexpr uint32_t kNone = UINT32_MAX;

    uint32_t acquire()
    {
        if (m_freeHead != kNone) {
            const uint32_t index = m_freeHead;
            Slot& slot = m_slots[index];
            m_freeHead = slot.nextFree;
            slot.live = true;
            ++m_live;
            return index;
        }
        return grow();
    }

    void release(uint32_t index)
    {
        Slot& slot = m_slots[index];
        ++slot.generation;
        slot.live = false;
        slot.nextFree = m_freeHead;
        m_freeHead = index;
        --m_live;
    }

    T& operator[](uint32_t index) { return m_slots[index].item; }
    const T& operator[](uint32_t index) const { return m_slots[index].item; }
    uint32_t generation(uint32_t index) const { return m_slots[index].generation; }
    // Starts loading a slot that will be read soon (a hint: any index is
    // safe, one out of range is ignored).
    void prefetch(uint32_t index) const
    {
        if (index < m_slots.size())
            __builtin_prefetch(&m_slots[index]);
    }
    bool isLive(uint32_t index, uint32_t generation) const
    {
        return index < m_slots.size() && m_slots[index].live && m_slots[index].generation == generation;
    }
    bool isLive(uint32_t index) const { return index < m_slots.size() && m_slots[index].live; }
    size_t capacity() const { return m_slots.size(); }
    // Objects acquired and not yet released.
    size_t live() const { return m_live; }
    // Memory the pool holds (its high-water mark: a pool never shrinks).
    size_t bytes() const { return m_slots.capacity() * sizeof(Slot); }
    // What one object costs the pool.
    static constexpr size_t slotBytes() { return sizeof(Slot); }
    // Called with the size of the new allocation before the pool grows
    // (while the old one is still held); it may throw to refuse the growth.
    // The kernel's memory budget (MemoryBudget.h) watches through it.
    using GrowthCheck = std::function<void(size_t bytes)>;
    void setGrowthCheck(GrowthCheck check) { m_growthCheck = std::move(check); }

private:
    // Out of line: the pool grows only while a run warms up, and inlined the
    // vector's reallocation would make every acquire save registers for it.
    // Growth doubles the allocation, checked first (the check may throw,
    // leaving the pool as it was).
    [[gnu::noinline, gnu::cold]] uint32_t grow()
    {
        if (m_slots.size() == m_slots.capacity()) {
            const size_t next = std::max<size_t>(64, m_slots.capacity() * 2);
            if (m_growthCheck)
                m_growthCheck(next * sizeof(Slot));
            m_slots.reserve(next);
        }
        m_slots.emplace_back();
        m_slots.back().live = true;
        ++m_live;
        return static_cast<uint32_t>(m_slots.size() - 1);
    }

    struct Slot {
        T item{};
        uint32_t generation = 0;
        uint32_t nextFree = kNone;
        bool live = false;
    };

    std::vector<Slot, HugePageAllocator<Slot>> m_slots;
    uint32_t m_freeHead = kNone;
    size_t m_live = 0;
    GrowthCheck m_growthCheck;
};

} // namespace scalelab::sim
