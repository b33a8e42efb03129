#pragma once
// The future-event list: events come out in (time, seq) order, whichever
// structure holds them.
//
// - Client arrivals live in a heap of their own. An open client schedules
//   its next arrival while handling each one, and that arrival is soon: in
//   the shared heap it would sift through all the work in flight (one event
//   per busy worker), in its own heap (one event per client) it lands in the
//   slot the handled arrival left.
// - Events scheduled a delay after now that recurs (a link's latency, a
//   balancer's overhead, a timeout) go to a FIFO lane for that delay
//   (EventLane): such events are already in order, so a lane costs O(1)
//   where a heap sifts. In a design with link latencies most events are of
//   this kind. A delay earns a lane the second time in a row it is seen for
//   a lane slot, so one-off delays (service times, backoffs) do not churn the
//   lanes; they go to the heap of everything else.
// - The earliest event is the least of the two heap tops and the non-empty
//   lanes' fronts: a few key comparisons.
//
// The lanes are an optimisation only: an event goes to a lane only if it is
// not earlier than the lane's last event, so the order out is exactly the
// heap's whatever delays are hinted.
//
// takeTop() / settle() keep the slot-reuse contract of EventHeap across the
// heaps: the taken slot belongs to the heap the event came from (a lane's
// event leaves its lane at once).
#include "EventHeap.h"
#include "EventLane.h"

#include <array>
#include <bit>
#include <utility>

namespace scalelab::sim {

class EventQueue {
public:
    // push()'s delay when there is none to tell: the event goes to a heap.
    static constexpr SimTime kNoDelay = -1;

    bool empty() const { return m_arrivals.empty() && m_work.empty() && m_laneMask == 0; }
    size_t size() const
    {
        return m_arrivals.size() + m_work.size() + inLanes();
    }
    // Of size(), the events in delay lanes.
    size_t inLanes() const
    {
        size_t count = 0;
        for (const Lane& lane : m_lanes)
            count += lane.events.size();
        return count;
    }
    size_t bytes() const
    {
        size_t total = m_arrivals.bytes() + m_work.bytes();
        for (const Lane& lane : m_lanes)
            total += lane.events.bytes();
        return total;
    }
    void setGrowthCheck(const std::function<void(size_t)>& check)
    {
        m_arrivals.setGrowthCheck(check);
        m_work.setGrowthCheck(check);
        m_growthCheck = check;
    }
    const Event& top() const
    {
        m_source = earliestSource();
        m_sourceKnown = true;
        return eventAt(m_source);
    }
    void clear()
    {
        m_arrivals.clear();
        m_work.clear();
        for (Lane& lane : m_lanes)
            lane.events.clear();
        m_laneMask = 0;
        m_taken = nullptr;
        m_nextInLane = nullptr;
        m_sourceKnown = false;
    }

    // `delay` is how long after now the event is due (its time minus the
    // clock), or kNoDelay.
    void push(const Event& event, SimTime delay = kNoDelay)
    {
        m_sourceKnown = false;
        if (event.type != EventType::ClientArrival && delay >= 0 && pushToLane(event, delay))
            return;
        heapFor(event.type).push(event);
    }

    Event pop()
    {
        const Event event = takeTop();
        settle();
        return event;
    }

    // Returns the earliest event. One from a heap leaves its slot free for
    // the next push into that heap, and until settle() top() and size()
    // still see it; one from a lane leaves at once.
    Event takeTop()
    {
        m_nextInLane = nullptr;
        const int source = m_sourceKnown ? m_source : earliestSource();
        m_sourceKnown = false;
        if (source >= 0) {
            Lane& lane = m_lanes[static_cast<size_t>(source)];
            const Event event = lane.events.front();
            lane.events.popFront();
            if (lane.events.empty())
                m_laneMask &= ~(1u << source);
            else {
                m_laneFronts[static_cast<size_t>(source)] = lane.events.front().key();
                m_nextInLane = &lane.events.front();
            }
            m_taken = nullptr;
            return event;
        }
        m_taken = source == kArrivals ? &m_arrivals : &m_work;
        return m_taken->takeTop();
    }

    // After a takeTop() from a lane, the event now at that lane's front
    // (valid until the next push or take), else null: it runs within a few
    // events, so what it refers to is worth loading now.
    const Event* nextInLane() const { return m_nextInLane; }

    // Completes a takeTop() whose slot no push has reused.
    void settle()
    {
        if (m_taken)
            m_taken->settle();
        m_taken = nullptr;
    }

private:
    static constexpr size_t kLaneCount = 16;
    static constexpr int kArrivals = -1, kWork = -2; // sources other than a lane's index
    struct Lane {
        EventLane events;
        SimTime delay = kNoDelay;     // what the lane holds: events this long after their scheduling
        SimTime candidate = kNoDelay; // the last other delay seen for this slot: seen twice, it takes the lane when empty
    };

    static size_t laneSlot(SimTime delay)
    {
        return static_cast<size_t>((static_cast<uint64_t>(delay) * 0x9e3779b97f4a7c15ULL) >> 60); // 16 slots
    }

    bool pushToLane(const Event& event, SimTime delay)
    {
        const size_t slot = laneSlot(delay);
        Lane& lane = m_lanes[slot];
        if (lane.delay != delay) {
            // A one-off delay (a service time) ends here after two compares.
            if (lane.candidate != delay || !lane.events.empty()) {
                lane.candidate = delay;
                return false;
            }
            lane.delay = delay; // an empty lane changes hands
        }
        if (!lane.events.acceptsLast(event)) [[unlikely]]
            return false; // a hint that does not fit this event (never the kernel's): the heap keeps the order
        if (lane.events.empty())
            m_laneFronts[slot] = event.key();
        lane.events.push(event, m_growthCheck);
        m_laneMask |= 1u << slot;
        return true;
    }

    // kArrivals, kWork, or the index of the lane whose front is earliest.
    // Not called on an empty queue.
    int earliestSource() const
    {
        if (m_laneMask == 0) // no lane in use (a design without latencies): the heaps alone
            return m_work.empty() || (!m_arrivals.empty() && m_arrivals.top().before(m_work.top())) ? kArrivals
                                                                                                 : kWork;
        // Keys, not events: the lanes' fronts are read from one small array
        // rather than through each lane's ring.
        Event::Key best = ~Event::Key{0};
        int source = kWork;
        if (!m_work.empty())
            best = m_work.top().key();
        if (!m_arrivals.empty() && m_arrivals.top().key() < best) {
            best = m_arrivals.top().key();
            source = kArrivals;
        }
        for (uint32_t mask = m_laneMask; mask != 0; mask &= mask - 1) {
            const int lane = std::countr_zero(mask);
            if (m_laneFronts[static_cast<size_t>(lane)] < best) {
                best = m_laneFronts[static_cast<size_t>(lane)];
                source = lane;
            }
        }
        return source;
    }

    const Event& eventAt(int source) const
    {
        if (source >= 0)
            return m_lanes[static_cast<size_t>(source)].events.front();
        return source == kArrivals ? m_arrivals.top() : m_work.top();
    }

    EventHeap& heapFor(EventType type) { return type == EventType::ClientArrival ? m_arrivals : m_work; }

    EventHeap m_arrivals;
    EventHeap m_work;
    std::array<Lane, kLaneCount> m_lanes;
    uint32_t m_laneMask = 0; // bit i: lane i has events
    std::array<Event::Key, kLaneCount> m_laneFronts{}; // of each lane with events, its front's key
    EventHeap* m_taken = nullptr;
    const Event* m_nextInLane = nullptr;
    std::function<void(size_t)> m_growthCheck;
    // top() remembers where the earliest event is for the takeTop() after it.
    mutable int m_source = kWork;
    mutable bool m_sourceKnown = false;
};

} // namespace scalelab::sim
