#pragma once
// A doubly linked list threaded through pooled objects by index, so queueing
// and unqueueing a frame never allocates and removal from the middle (a
// timed-out waiter) is O(1). The member pointers choose which pair of link
// fields of the element this list uses; one element may be in several lists.
#include <cstdint>

namespace scalelab::sim {

template <typename Storage, typename Element, uint32_t Element::*Prev, uint32_t Element::*Next>
class IntrusiveList {
public:
    static constexpr uint32_t kNone = UINT32_MAX;

    bool empty() const { return m_head == kNone; }
    uint32_t size() const { return m_size; }
    uint32_t front() const { return m_head; }
    uint32_t back() const { return m_tail; }

    void pushBack(Storage& storage, uint32_t index) { insertAfter(storage, m_tail, index); }

    // Inserts `index` after `position` (kNone = at the front).
    void insertAfter(Storage& storage, uint32_t position, uint32_t index)
    {
        Element& element = storage[index];
        element.*Prev = position;
        element.*Next = position == kNone ? m_head : storage[position].*Next;
        if (element.*Next != kNone)
            storage[element.*Next].*Prev = index;
        else
            m_tail = index;
        if (position != kNone)
            storage[position].*Next = index;
        else
            m_head = index;
        ++m_size;
    }

    void remove(Storage& storage, uint32_t index)
    {
        Element& element = storage[index];
        if (element.*Prev != kNone)
            storage[element.*Prev].*Next = element.*Next;
        else
            m_head = element.*Next;
        if (element.*Next != kNone)
            storage[element.*Next].*Prev = element.*Prev;
        else
            m_tail = element.*Prev;
        element.*Prev = element.*Next = kNone;
        --m_size;
    }

    uint32_t popFront(Storage& storage)
    {
        const uint32_t index = m_head;
        remove(storage, index);
        return index;
    }

private:
    uint32_t m_head = kNone;
    uint32_t m_tail = kNone;
    uint32_t m_size = 0;
};

} // namespace scalelab::sim
