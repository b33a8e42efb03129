// The engine's big arrays (frame and request pools, event heaps, delay
// lanes) take their memory from HugePageAllocator: past 2 MiB it is
// aligned to a huge page so that the kernel can back it with them; below,
// it is ordinary. Either way the containers keep what they hold as they
// grow from one kind of allocation to the other.
#include "sim/CallFrame.h"
#include "sim/HugePageAllocator.h"
#include "sim/Pool.h"

#include <QtTest>

#include <cstdint>
#include <vector>

using namespace scalelab::sim;

class HugePageAllocatorTest : public QObject {
    Q_OBJECT

private slots:
    void a_large_allocation_starts_on_a_huge_page_and_a_small_one_works_as_usual()
    {
        HugePageAllocator<uint64_t> allocator;
        const size_t large = HugePageAllocator<uint64_t>::kHugePage / sizeof(uint64_t) + 1; // just past 2 MiB
        uint64_t* big = allocator.allocate(large);
        QCOMPARE(reinterpret_cast<uintptr_t>(big) % HugePageAllocator<uint64_t>::kHugePage, uintptr_t(0));
        big[0] = 1;
        big[large - 1] = 2; // the whole requested size is usable
        QCOMPARE(big[0] + big[large - 1], uint64_t(3));
        allocator.deallocate(big, large);

        uint64_t* small = allocator.allocate(16);
        small[15] = 7;
        QCOMPARE(small[15], uint64_t(7));
        allocator.deallocate(small, 16);
    }

    // A vector grows by reallocating: from small allocations into large
    // ones, each freed the way it was made (AddressSanitizer, under `make
    // test`, reports a mismatch).
    void a_vector_keeps_its_values_as_it_grows_past_a_huge_page()
    {
        std::vector<uint64_t, HugePageAllocator<uint64_t>> values;
        const uint64_t count = 3 * HugePageAllocator<uint64_t>::kHugePage / sizeof(uint64_t);
        for (uint64_t i = 0; i < count; ++i)
            values.push_back(i * 2654435761u);
        for (uint64_t i = 0; i < count; i += 4099)
            QCOMPARE(values[i], i * 2654435761u);
        QCOMPARE(reinterpret_cast<uintptr_t>(values.data()) % HugePageAllocator<uint64_t>::kHugePage, uintptr_t(0));
    }

    // The frame pool as a big design fills it: past 2 MiB of frames, what
    // was acquired, released and reused keeps its contents and generations.
    void the_frame_pool_keeps_frames_and_generations_across_its_growth()
    {
        Pool<CallFrame> frames;
        const uint32_t count = uint32_t(3 * HugePageAllocator<CallFrame>::kHugePage / Pool<CallFrame>::slotBytes());
        for (uint32_t i = 0; i < count; ++i) {
            const uint32_t index = frames.acquire();
            QCOMPARE(index, i);
            frames[index].key = i;
            if (i % 3 == 0) { // released and taken again: the generation moves on
                frames.release(index);
                QCOMPARE(frames.acquire(), index);
                frames[index].key = i;
            }
        }
        QVERIFY(frames.bytes() >= 3 * HugePageAllocator<CallFrame>::kHugePage);
        for (uint32_t i = 0; i < count; i += 997) {
            QCOMPARE(frames[i].key, i);
            QVERIFY(frames.isLive(i, i % 3 == 0 ? 1 : 0));
            QVERIFY(!frames.isLive(i, i % 3 == 0 ? 0 : 1));
        }
    }
};

QTEST_APPLESS_MAIN(HugePageAllocatorTest)
#include "HugePageAllocatorTest.moc"
