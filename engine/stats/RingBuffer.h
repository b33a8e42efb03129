#pragma once
// Fixed-capacity FIFO that forgets its oldest entry when full: the last N
// window results of a long run, without memory growing with run length.
//
// Cost: push, operator[], back: O(1); push allocates nothing (storage is
// reserved once at construction). toVector: O(size), one allocation.
// Guarantee: never holds more than capacity() elements; index 0 is the
// oldest element kept, size() - 1 (= back()) the newest.
// A capacity of 0 keeps nothing: push is then a no-op.
#include <cstddef>
#include <utility>
#include <vector>

namespace scalelab::stats {

template <typename T>
class RingBuffer {
public:
    explicit RingBuffer(size_t capacity) : m_capacity(capacity) { m_items.reserve(capacity); }

    void push(const T& value) { emplace(value); }
    void push(T&& value) { emplace(std::move(value)); }

    size_t size() const { return m_items.size(); }
    size_t capacity() const { return m_capacity; }
    bool empty() const { return m_items.empty(); }

    // Precondition: i < size(), as for std::vector.
    const T& operator[](size_t i) const { return m_items[slot(i)]; }
    T& operator[](size_t i) { return m_items[slot(i)]; }
    const T& front() const { return (*this)[0]; }
    const T& back() const { return (*this)[size() - 1]; }

    // Keeps the reserved storage, so later pushes still do not allocate.
    void clear()
    {
        m_items.clear();
        m_oldest = 0;
    }

    std::vector<T> toVector() const
    {
        std::vector<T> ordered;
        ordered.reserve(size());
        for (size_t i = 0; i < size(); ++i)
            ordered.push_back((*this)[i]);
        return ordered;
    }

private:
    template <typename U>
    void emplace(U&& value)
    {
        if (m_capacity == 0)
            return;
        if (m_items.size() < m_capacity) {
            m_items.push_back(std::forward<U>(value));
            return;
        }
        // Full: the oldest slot takes the new value and the next slot becomes oldest.
        m_items[m_oldest] = std::forward<U>(value);
        m_oldest = (m_oldest + 1) % m_capacity;
    }

    // Until the buffer first fills, m_oldest stays 0 and slots are in order.
    size_t slot(size_t i) const { return (m_oldest + i) % m_capacity; }

    std::vector<T> m_items;
    size_t m_capacity;
    size_t m_oldest = 0;
};

} // namespace scalelab::stats
