#pragma once
// One heap of the future-event list (see EventQueue): an implicit 4-ary
// min-heap on (time, seq).
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

#include "HugePageAllocator.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace scalelab::sim {

class EventHeap {
public:
    bool empty() const { return m_count == 0; }
    size_t size() const { return m_count; }
    // Memory the heap holds (it grows by doubling and never shrinks).
    size_t bytes() const { return m_heap.capacity() * sizeof(Event); }
    // As Pool::setGrowthCheck: told the new allocation's size before the heap grows; may throw.
    void setGrowthCheck(std::function<void(size_t bytes)> check) { m_growthCheck = std::move(check); }
    const Event& top() const { return m_heap[0]; }
    void clear()
    {
        m_count = 0;
        m_topTaken = false;
    }

    void push(const Event& event)
    {
        if (m_topTaken) {
            m_topTaken = false;
            siftDown(event);
            return;
        }
        if (m_count == m_heap.size()) [[unlikely]]
            grow();
        siftUp(m_count++, event);
    }

    Event pop()
    {
        Event result = m_heap[0];
        removeTop();
        return result;
    }

    // Returns the earliest event and marks its slot free for the next push.
    // Until settle() is called, top() and size() still see the taken event.
    Event takeTop()
    {
        m_topTaken = true;
        return m_heap[0];
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
        const Event last = m_heap[--m_count];
        if (m_count > 0)
            siftDown(last);
    }

    // The slots are managed by hand (m_count of m_heap.size() in use) so that
    // a push has no inlined reallocation to save registers for.
    [[gnu::noinline, gnu::cold]] void grow()
    {
        const size_t next = std::max<size_t>(64, m_heap.size() * 2);
        if (m_growthCheck)
            m_growthCheck(next * sizeof(Event)); // may throw: nothing changed yet
        m_heap.resize(next);
    }

    // Places `moving` starting from the hole at `index`, the first free
    // slot. It is passed in rather than stored and read back: reloading it as
    // a whole right after it was stored field by field stalls the load until
    // the stores retire.
    void siftUp(size_t index, const Event& moving)
    {
        while (index > 0) {
            const size_t parent = (index - 1) / 4;
            if (!moving.before(m_heap[parent]))
                break;
            m_heap[index] = m_heap[parent];
            index = parent;
        }
        m_heap[index] = moving;
    }

    // Places `moving` starting from the root hole. A full family of four
    // children is reduced by a tournament of branch-free selections: which
    // child is earliest is data-dependent and unpredictable, so a compare
    // and branch per child mispredicts about once a level.
    void siftDown(const Event& moving)
    {
        const size_t count = m_count;
        const Event* heap = m_heap.data();
        size_t index = 0;
        while (true) {
            const size_t first = index * 4 + 1;
            if (first >= count)
                break;
            size_t best;
            if (first + 4 <= count) {
                const size_t left = earlier(heap, first, first + 1);
                const size_t right = earlier(heap, first + 2, first + 3);
                best = earlier(heap, left, right);
            } else {
                best = first;
                for (size_t child = first + 1; child < count; ++child)
                    best = earlier(heap, best, child);
            }
            if (!m_heap[best].before(moving))
                break;
            m_heap[index] = m_heap[best];
            index = best;
        }
        m_heap[index] = moving;
    }

    // Index of the earlier of two events, selected with a mask rather than
    // `?:`, which GCC turns back into a (mispredicted) branch.
    static size_t earlier(const Event* heap, size_t a, size_t b)
    {
        const size_t bFirst = heap[b].before(heap[a]);
        return a ^ ((a ^ b) & (0 - bFirst));
    }

    std::vector<Event, HugePageAllocator<Event>> m_heap;
    size_t m_count = 0;
    bool m_topTaken = false;
    std::function<void(size_t)> m_growthCheck;
};

} // namespace scalelab::sim
