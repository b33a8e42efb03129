// RingBuffer keeps the newest `capacity` values, oldest first, and never grows.
#include "stats/RingBuffer.h"

#include <QtTest>

#include <memory>
#include <string>
#include <vector>

using scalelab::stats::RingBuffer;

namespace {

// A value type without a default constructor: the buffer must not need one.
struct Sample {
    explicit Sample(int v) : value(v) {}
    int value;
};

} // namespace

class RingBufferTest : public QObject {
    Q_OBJECT

private slots:
    void fills_in_push_order_until_full()
    {
        RingBuffer<int> buffer(4);
        QVERIFY(buffer.empty());
        buffer.push(1);
        buffer.push(2);
        buffer.push(3);
        QCOMPARE(buffer.size(), size_t(3));
        QCOMPARE(buffer[0], 1);
        QCOMPARE(buffer.back(), 3);
        QCOMPARE(buffer.toVector(), std::vector<int>({1, 2, 3}));
    }

    void wraps_by_overwriting_the_oldest()
    {
        RingBuffer<int> buffer(3);
        for (int i = 1; i <= 7; ++i)
            buffer.push(i);
        QCOMPARE(buffer.size(), size_t(3));
        QCOMPARE(buffer[0], 5);
        QCOMPARE(buffer[1], 6);
        QCOMPARE(buffer[2], 7);
        QCOMPARE(buffer.front(), 5);
        QCOMPARE(buffer.back(), 7);
        QCOMPARE(buffer.toVector(), std::vector<int>({5, 6, 7}));
    }

    void order_holds_at_every_wrap_position()
    {
        // Each offset of the oldest element within the storage once.
        for (int pushes = 5; pushes <= 10; ++pushes) {
            RingBuffer<int> buffer(5);
            for (int i = 0; i < pushes; ++i)
                buffer.push(i);
            for (size_t i = 0; i < buffer.size(); ++i)
                QVERIFY2(buffer[i] == pushes - 5 + int(i),
                         qPrintable(QStringLiteral("after %1 pushes, element %2 is %3, expected %4").arg(pushes).arg(i)
                                        .arg(buffer[i]).arg(pushes - 5 + int(i))));
        }
    }

    void never_holds_more_than_capacity()
    {
        RingBuffer<std::string> buffer(16);
        for (int i = 0; i < 10000; ++i) {
            buffer.push(std::to_string(i));
            QVERIFY(buffer.size() <= buffer.capacity());
        }
        QCOMPARE(buffer.size(), size_t(16));
        QCOMPARE(buffer.capacity(), size_t(16));
        QCOMPARE(buffer.front(), std::string("9984"));
        QCOMPARE(buffer.back(), std::string("9999"));
    }

    void elements_can_be_updated_in_place()
    {
        RingBuffer<int> buffer(2);
        buffer.push(1);
        buffer.push(2);
        buffer.push(3);
        buffer[0] += 10; // the oldest kept, 2
        QCOMPARE(buffer.toVector(), std::vector<int>({12, 3}));
    }

    void clear_empties_and_restarts_order()
    {
        RingBuffer<int> buffer(3);
        for (int i = 0; i < 5; ++i)
            buffer.push(i);
        buffer.clear();
        QVERIFY(buffer.empty());
        QCOMPARE(buffer.capacity(), size_t(3));
        buffer.push(42);
        buffer.push(43);
        QCOMPARE(buffer.toVector(), std::vector<int>({42, 43}));
    }

    void works_without_default_constructor_and_with_move_only_types()
    {
        RingBuffer<Sample> samples(2);
        samples.push(Sample(1));
        samples.push(Sample(2));
        samples.push(Sample(3));
        QCOMPARE(samples.front().value, 2);

        RingBuffer<std::unique_ptr<int>> owners(2);
        for (int i = 0; i < 3; ++i)
            owners.push(std::make_unique<int>(i));
        QCOMPARE(*owners[0], 1);
        QCOMPARE(*owners.back(), 2);
    }

    void zero_capacity_keeps_nothing()
    {
        RingBuffer<int> buffer(0);
        buffer.push(1);
        QVERIFY(buffer.empty());
        QVERIFY(buffer.toVector().empty());
    }
};

QTEST_APPLESS_MAIN(RingBufferTest)
#include "RingBufferTest.moc"
