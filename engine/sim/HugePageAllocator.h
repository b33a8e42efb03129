#pragma once
// An allocator for the engine's big arrays (the frame and request pools,
// the event heaps, the delay lanes) that asks Linux to back a large
// allocation with transparent huge pages.
//
// Why: a design at millions of requests a second keeps hundreds of MB of
// frames, and each event touches a frame at a random place in them. With
// 4 KiB pages nearly every such touch also misses the TLB and walks the
// page tables; one 2 MiB page covers 512 times as much. Debian's kernels
// enable huge pages only where a program asks (`madvise` mode), so the
// engine asks, for allocations of 2 MiB and more. Small ones (every design
// of a lesson or an example) take the ordinary path.
//
// Elsewhere than Linux, or when the kernel declines, the memory is the
// same ordinary memory: only the speed differs.
#include <cstddef>
#include <cstdlib>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace scalelab::sim {

template <typename T>
class HugePageAllocator {
public:
    using value_type = T;
    static constexpr size_t kHugePage = size_t(2) << 20;
    // Small allocations come from plain operator new, which aligns only this far.
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    {
    }

    T* allocate(size_t count)
    {
        const size_t bytes = count * sizeof(T);
        if (bytes < kHugePage)
            return static_cast<T*>(::operator new(bytes));
        // Whole huge pages, aligned to one: what the kernel can map as such.
        const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void* memory = std::aligned_alloc(kHugePage, rounded);
        if (!memory)
            throw std::bad_alloc();
#ifdef __linux__
        madvise(memory, rounded, MADV_HUGEPAGE); // a hint: failing it changes nothing but speed
#endif
        return static_cast<T*>(memory);
    }

    void deallocate(T* memory, size_t count) noexcept
    {
        if (count * sizeof(T) < kHugePage)
            ::operator delete(memory);
        else
            std::free(memory);
    }

    template <typename U>
    bool operator==(const HugePageAllocator<U>&) const noexcept
    {
        return true;
    }
};

} // namespace scalelab::sim
