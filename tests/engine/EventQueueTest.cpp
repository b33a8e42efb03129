// The future-event list hands out events in (time, seq) order, whichever of
// its two heaps (client arrivals, everything else) holds them, including
// across takeTop()/settle() with the taken slot reused by a push.
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

    // The kernel's pattern: take the earliest, schedule zero to two
    // follow-ups of random kinds and times (the first may reuse the taken
    // slot, in either heap), settle. Checked against an ordered set over
    // many steps, past the heaps' first growth.
    void matches_an_ordered_set_under_the_kernels_pattern()
    {
        Rng rng(42, "event-queue-test");
        EventQueue queue;
        std::set<Key> reference;
        uint64_t seq = 0;
        SimTime now = 0;
        auto schedule = [&] {
            const EventType type = rng.bernoulli(0.4) ? EventType::ClientArrival : EventType::WorkDone;
            // Coarse times so that ties are common.
            const Event event = makeEvent(now + static_cast<SimTime>(rng.below(50)), seq++, type);
            queue.push(event);
            reference.insert(keyOf(event));
        };
        for (int i = 0; i < 300; ++i)
            schedule();
        // Grows to about 5,000 pending events for 10,000 steps, then drains.
        for (int step = 0; !queue.empty(); ++step) {
            QCOMPARE(queue.size(), reference.size());
            const Event event = queue.takeTop();
            QCOMPARE(keyOf(event), *reference.begin());
            reference.erase(reference.begin());
            QVERIFY(event.time >= now);
            now = event.time;
            const uint64_t followUps = step < 10000 ? 1 + rng.below(2) : rng.below(2);
            for (uint64_t f = 0; f < followUps; ++f)
                schedule();
            queue.settle();
        }
        QVERIFY(reference.empty());
    }
};

QTEST_APPLESS_MAIN(EventQueueTest)
#include "EventQueueTest.moc"
