#pragma once
// Values kept under a small integer handle that fits a timer tag, with the
// handles of removed values reused: a block's own bookkeeping for messages
// in flight, delayed retries or instances being provisioned, without an
// allocation per item in steady state.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scalelab::blocks {

template <typename T> class SlotTable {
public:
    uint32_t add(const T& value)
    {
        if (m_free.empty()) {
            m_values.push_back(value);
            return static_cast<uint32_t>(m_values.size() - 1);
        }
        const uint32_t slot = m_free.back();
        m_free.pop_back();
        m_values[slot] = value;
        return slot;
    }
    // The value, its handle free for the next add().
    T take(uint32_t slot)
    {
        m_free.push_back(slot);
        return m_values[slot];
    }

    // Memory held, for the run's memory budget.
    size_t bytes() const { return m_values.capacity() * sizeof(T) + m_free.capacity() * sizeof(uint32_t); }

private:
    std::vector<T> m_values;
    std::vector<uint32_t> m_free;
};

} // namespace scalelab::blocks
