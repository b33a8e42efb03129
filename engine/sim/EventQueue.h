#pragma once
// The future-event list: events come out in (time, seq) order, whatever
// heap holds them.
//
// Client arrivals live in a heap of their own. An open client schedules its
// next arrival while handling each one, and that arrival is soon: in the
// shared heap it would sift through all the work in flight (one event per
// busy worker), in its own heap (one event per client) it lands in the slot
// the handled arrival left. Which heap is earlier is one key comparison.
//
// takeTop() / settle() keep the slot-reuse contract of EventHeap across the
// two heaps: the taken slot belongs to the heap the event came from.
#include "EventHeap.h"

#include <utility>

namespace scalelab::sim {

class EventQueue {
public:
    bool empty() const { return m_arrivals.empty() && m_work.empty(); }
    size_t size() const { return m_arrivals.size() + m_work.size(); }
    size_t bytes() const { return m_arrivals.bytes() + m_work.bytes(); }
    void setGrowthCheck(const std::function<void(size_t)>& check)
    {
        m_arrivals.setGrowthCheck(check);
        m_work.setGrowthCheck(check);
    }
    const Event& top() const { return earliest().top(); }
    void clear()
    {
        m_arrivals.clear();
        m_work.clear();
    }

    void push(const Event& event) { heapFor(event.type).push(event); }

    Event pop()
    {
        EventHeap& heap = earliest();
        return heap.pop();
    }

    // Returns the earliest event and marks its slot free for the next push
    // into its heap. Until settle() is called, top() and size() still see it.
    Event takeTop()
    {
        m_taken = &earliest();
        return m_taken->takeTop();
    }

    // Completes a takeTop() whose slot no push has reused.
    void settle() { m_taken->settle(); }

private:
    EventHeap& heapFor(EventType type) { return type == EventType::ClientArrival ? m_arrivals : m_work; }

    EventHeap& earliest() { return const_cast<EventHeap&>(std::as_const(*this).earliest()); }
    const EventHeap& earliest() const
    {
        if (m_arrivals.empty())
            return m_work;
        if (m_work.empty())
            return m_arrivals;
        return m_arrivals.top().before(m_work.top()) ? m_arrivals : m_work;
    }

    EventHeap m_arrivals;
    EventHeap m_work;
    EventHeap* m_taken = &m_work;
};

} // namespace scalelab::sim
