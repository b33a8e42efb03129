// The future-event list hands out events in (time, seq) order, whichever of
// its heaps (client arrivals, everything else) or delay lanes holds them,
// including across takeTop()/settle() with the taken slot reused by a push,
// and whatever delays the pushes hint.
#include "sim/EventQueue.h"
#include "sim/Rng.h"

#include <QtTest>

#include <set>
#include <utility>
#include <vector>

using namespace scalelab::sim;

namespace {

using Key = std::pair<SimTime, uint64_t>;

Key keyOf(const Event& event) { return {event.time, event.seq}; }

Event makeEvent(SimTime time, uint64_t seq, EventType type)
{
    return Event{time, seq, type, Outcome::Ok, 0, static_cast<uint32_t>(seq), 0};
}

} // namespace

class EventQueueTest : public QObject {
    Q_OBJECT

private slots:
    void equal_times_come_out_in_scheduling_order_across_both_heaps()
    {
        EventQueue queue;
        queue.push(makeEvent(5, 0, EventType::WorkDone));
        queue.push(makeEvent(5, 1, EventType::ClientArrival));
        queue.push(makeEvent(5, 2, EventType::WorkDone));
        queue.push(makeEvent(3, 3, EventType::ClientArrival));
        std::vector<uint64_t> order;
        while (!queue.empty())
            order.push_back(queue.pop().seq);
        QCOMPARE(order, std::vector<uint64_t>({3, 0, 1, 2}));
    }

    void a_taken_event_counts_until_settled()
    {
        EventQueue queue;
        queue.push(makeEvent(1, 0, EventType::ClientArrival));
        queue.push(makeEvent(2, 1, EventType::WorkDone));
        const Event taken = queue.takeTop();
        QCOMPARE(taken.seq, uint64_t(0));
        QCOMPARE(queue.size(), size_t(2));
        queue.settle();
        QCOMPARE(queue.size(), size_t(1));
        QCOMPARE(queue.top().seq, uint64_t(1));
    }

    // nextInLane() names what the lane just taken from holds next (the
    // kernel loads its frame early); after a take from a heap, or one that
    // empties its lane, there is none.
    void the_next_event_in_a_lane_is_named_after_a_take_from_it()
    {
        EventQueue queue;
        queue.push(makeEvent(10, 0, EventType::WorkDone), 10); // first sighting of delay 10: the heap
        queue.push(makeEvent(10, 1, EventType::WorkDone), 10); // seen again: it takes a lane
        queue.push(makeEvent(11, 2, EventType::WorkDone), 10);
        QCOMPARE(queue.inLanes(), size_t(2));
        QCOMPARE(queue.takeTop().seq, uint64_t(0));
        QVERIFY(queue.nextInLane() == nullptr);
        queue.settle();
        QCOMPARE(queue.takeTop().seq, uint64_t(1));
        QVERIFY(queue.nextInLane() != nullptr);
        QCOMPARE(queue.nextInLane()->seq, uint64_t(2));
        QCOMPARE(queue.takeTop().seq, uint64_t(2));
        QVERIFY(queue.nextInLane() == nullptr);
    }

    // The kernel's pattern: take the earliest, schedule zero to two
    // follow-ups of random kinds and times (the first may reuse the taken
    // slot, in either heap), settle. Checked against an ordered set over
    // many steps, past the heaps' first growth.
    void matches_an_ordered_set_under_the_kernels_pattern()
    {
        Rng rng(42, "event-queue-test");
        size_t mostInLanes = 0;
        // Grows to about 5,000 pending events for 10,000 steps, then drains.
        drainLikeTheKernel(rng, 10000, mostInLanes, [&](SimTime now) {
            const EventType type = rng.bernoulli(0.4) ? EventType::ClientArrival : EventType::WorkDone;
            // Coarse times so that ties are common; no delay hints.
            return Scheduled{now + static_cast<SimTime>(rng.below(50)), type, EventQueue::kNoDelay};
        });
        QCOMPARE(mostInLanes, size_t(0));
    }

    // As above with delays as a design makes them: a few that recur (link
    // latencies, overheads, timeouts: lanes) among random ones (service
    // times: the heap), more recurring delays than lane slots so that slots
    // collide and change hands, and some hints that lie (an event earlier
    // than its hinted lane's last one must not be queued behind it).
    void matches_an_ordered_set_with_delay_lanes()
    {
        Rng rng(7, "event-queue-lanes");
        std::vector<SimTime> recurring;
        for (int i = 0; i < 40; ++i)
            recurring.push_back(static_cast<SimTime>(rng.below(5000)));
        size_t mostInLanes = 0;
        drainLikeTheKernel(rng, 20000, mostInLanes, [&](SimTime now) {
            const EventType type = rng.bernoulli(0.1) ? EventType::ClientArrival : EventType::WorkDone;
            SimTime delay;
            if (rng.bernoulli(0.7))
                delay = recurring[rng.below(rng.bernoulli(0.8) ? 4 : recurring.size())];
            else
                delay = static_cast<SimTime>(rng.below(5000));
            const SimTime hint = delay;
            if (rng.bernoulli(0.02)) // a wrong hint: the event is due earlier than said
                delay = delay / 2;
            return Scheduled{now + delay, type, hint};
        });
        // The recurring delays did use lanes (about 5,000 events pending at the peak).
        QVERIFY2(mostInLanes > 1000, std::to_string(mostInLanes).c_str());
    }

private:
    struct Scheduled {
        SimTime time;
        EventType type;
        SimTime delayHint;
    };

    // 300 events from `next(now)`, then until the queue is empty: (every
    // third step top() first, as the kernel's loop does) take the earliest
    // and check it against an ordered set of what was pushed, schedule one
    // or two follow-ups for `growSteps` steps and zero or one after, settle.
    // `mostInLanes`: the most events the lanes held at once.
    template <typename Next>
    void drainLikeTheKernel(Rng& rng, int growSteps, size_t& mostInLanes, Next next)
    {
        EventQueue queue;
        std::set<Key> reference;
        uint64_t seq = 0;
        SimTime now = 0;
        auto schedule = [&] {
            const Scheduled scheduled = next(now);
            const Event event = makeEvent(scheduled.time, seq++, scheduled.type);
            queue.push(event, scheduled.delayHint);
            reference.insert(keyOf(event));
        };
        for (int i = 0; i < 300; ++i)
            schedule();
        for (int step = 0; !queue.empty(); ++step) {
            QCOMPARE(queue.size(), reference.size());
            if (step % 3 == 0)
                QCOMPARE(keyOf(queue.top()), *reference.begin());
            const Event event = queue.takeTop();
            QCOMPARE(keyOf(event), *reference.begin());
            reference.erase(reference.begin());
            if (const Event* nextInLane = queue.nextInLane()) // a pending event, later than this one
                QVERIFY(reference.count(keyOf(*nextInLane)) == 1 && event.before(*nextInLane));
            QVERIFY(event.time >= now);
            now = event.time;
            const uint64_t followUps = step < growSteps ? 1 + rng.below(2) : rng.below(2);
            for (uint64_t f = 0; f < followUps; ++f)
                schedule();
            queue.settle();
            mostInLanes = std::max(mostInLanes, queue.inLanes());
        }
        QVERIFY(reference.empty());
        QCOMPARE(queue.size(), size_t(0));
    }
};

QTEST_APPLESS_MAIN(EventQueueTest)
#include "EventQueueTest.moc"
