#pragma once
// The future-event list: an implicit 4-ary min-heap on (time, seq).
//
//   operation   cost          notes
//   push        O(log4 n)     amortised; no allocation once capacity is reached
//   top         O(1)
//   pop         O(log4 n)     4 children per node: shallower than a binary heap
//                             and the children share a cache line
//   memory      32 B x peak number of pending events
//
// Most events schedule one follow-up while they are handled (an arrival
// schedules the next arrival, a finished job the next job). takeTop() and
// settle() exploit this as ns-3's heap does not: the taken top's slot is
// reused by the first push during the handler, one sift-down instead of a
// pop's sift-down plus a push's sift-up.
//
// Cancellation is lazy: an event carries the generation of what it refers
// to and the handler drops it when that generation has moved on (as ns-3 and
// OMNeT++ do), so there is no remove operation here.
#include "Event.h"

#include <vector>

namespace scalelab::sim {

class EventQueue {
public:
    bool empty() const { return m_heap.empty(); }
    size_t size() const { return m_heap.size(); }
    const Event& top() const { return m_heap.front(); }
    void clear() { m_heap.clear(); }

    void push(const Event& event)
    {
        if (m_topTaken) {
            m_topTaken = false;
            siftDown(event);
            return;
        }
        m_heap.push_back(event);
        siftUp(m_heap.size() - 1);
    }

    Event pop()
    {
        Event result = m_heap.front();
        removeTop();
        return result;
    }

    // Returns the earliest event and marks its slot free for the next push.
    // Until settle() is called, top() and size() still see the taken event.
    Event takeTop()
    {
        m_topTaken = true;
        return m_heap.front();
    }

    // Completes a takeTop() whose slot no push has reused.
    void settle()
    {
        if (m_topTaken) {
            m_topTaken = false;
            removeTop();
        }
    }

private:
    void removeTop()
    {
        const Event last = m_heap.back();
        m_heap.pop_back();
        if (!m_heap.empty())
            siftDown(last);
    }

    void siftUp(size_t index)
    {
        const Event moving = m_heap[index];
        while (index > 0) {
            const size_t parent = (index - 1) / 4;
            if (!moving.before(m_heap[parent]))
                break;
            m_heap[index] = m_heap[parent];
            index = parent;
        }
        m_heap[index] = moving;
    }

    // Places `moving` starting from the root hole.
    void siftDown(const Event& moving)
    {
        const size_t count = m_heap.size();
        size_t index = 0;
        while (true) {
            const size_t first = index * 4 + 1;
            if (first >= count)
                break;
            size_t best = first;
            const size_t last = first + 4 < count ? first + 4 : count;
            for (size_t child = first + 1; child < last; ++child)
                if (m_heap[child].before(m_heap[best]))
                    best = child;
            if (!m_heap[best].before(moving))
                break;
            m_heap[index] = m_heap[best];
            index = best;
        }
        m_heap[index] = moving;
    }

    std::vector<Event> m_heap;
    bool m_topTaken = false;
};

} // namespace scalelab::sim
