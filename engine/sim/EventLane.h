#pragma once
// One lane of the future-event list (see EventQueue): a FIFO ring of events
// whose keys never decrease from front to back, so its front is its
// earliest event and push and pop are O(1), with no sifting.
//
// Why it holds most events of a real design: an event scheduled a constant
// delay after now (a link's latency, a balancer's overhead, a timeout) is
// never earlier than the one scheduled before it with the same delay, as
// the clock never goes back and seq only grows. Every call over a link with
// latency makes two such events (there and back); in a heap each would sift
// through all the work in flight.
//
//   operation   cost
//   push        O(1) amortised; no allocation once capacity is reached
//   front/pop   O(1)
//   memory      32 B x the lane's peak length (power-of-two ring, never shrinks)
#include "Event.h"

#include "HugePageAllocator.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

namespace scalelab::sim {

class EventLane {
public:
    bool empty() const { return m_head == m_tail; }
    size_t size() const { return static_cast<size_t>(m_tail - m_head); }
    size_t bytes() const { return m_ring.capacity() * sizeof(Event); }
    const Event& front() const { return m_ring[m_head & m_mask]; }
    const Event& back() const { return m_ring[(m_tail - 1) & m_mask]; }
    // Whether `event` may go last: not earlier than the lane's last event.
    bool acceptsLast(const Event& event) const { return empty() || !event.before(back()); }

    // `check` is told the new allocation's size before the ring grows; it may throw.
    void push(const Event& event, const std::function<void(size_t)>& check)
    {
        if (size() == m_ring.size()) [[unlikely]]
            grow(check);
        m_ring[m_tail++ & m_mask] = event;
    }
    void popFront() { ++m_head; }
    void clear() { m_head = m_tail = 0; }

private:
    // The ring doubles and its events move to the front of the new one, in order.
    [[gnu::noinline, gnu::cold]] void grow(const std::function<void(size_t)>& check)
    {
        const size_t next = std::max<size_t>(16, m_ring.size() * 2);
        if (check)
            check(next * sizeof(Event)); // may throw: nothing changed yet
        std::vector<Event, HugePageAllocator<Event>> ring(next);
        const size_t count = size();
        for (size_t i = 0; i < count; ++i)
            ring[i] = m_ring[(m_head + i) & m_mask];
        m_ring = std::move(ring);
        m_mask = next - 1;
        m_head = 0;
        m_tail = count;
    }

    std::vector<Event, HugePageAllocator<Event>> m_ring;
    uint64_t m_mask = 0;
    uint64_t m_head = 0, m_tail = 0; // ever-growing counters; the slot is counter & m_mask
};

} // namespace scalelab::sim
