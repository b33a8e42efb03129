#pragma once
// Index-addressed object pool with a free list and per-slot generations.
// Requests and call frames live here: after warm-up the pool stops growing,
// so the steady state allocates nothing. A (index, generation) pair is a
// weak reference: once the slot is released and reused its generation has
// moved on, and stale events or replies are recognised and dropped.
#include <cstdint>
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
            m_freeHead = m_nextFree[index];
            m_live[index] = 1;
            ++m_liveCount;
            return index;
        }
        m_items.emplace_back();
        m_generations.push_back(0);
        m_nextFree.push_back(kNone);
        m_live.push_back(1);
        ++m_liveCount;
        return static_cast<uint32_t>(m_items.size() - 1);
    }

    void release(uint32_t index)
    {
        ++m_generations[index];
        m_live[index] = 0;
        m_nextFree[index] = m_freeHead;
        m_freeHead = index;
        --m_liveCount;
    }

    T& operator[](uint32_t index) { return m_items[index]; }
    const T& operator[](uint32_t index) const { return m_items[index]; }
    uint32_t generation(uint32_t index) const { return m_generations[index]; }
    bool isLive(uint32_t index, uint32_t generation) const
    {
        return index < m_items.size() && m_live[index] && m_generations[index] == generation;
    }
    size_t liveCount() const { return m_liveCount; }
    size_t capacity() const { return m_items.size(); }

private:
    std::vector<T> m_items;
    std::vector<uint32_t> m_generations;
    std::vector<uint32_t> m_nextFree;
    std::vector<uint8_t> m_live;
    uint32_t m_freeHead = kNone;
    size_t m_liveCount = 0;
};

} // namespace scalelab::sim
