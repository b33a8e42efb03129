#include "MemoryBudget.h"

#include "Kernel.h"
#include "RunLimitExceeded.h"
#include "model/NumberText.h"
#include "sim/BlockRuntime.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <vector>

namespace scalelab::sim {

namespace {

std::string withCommas(uint64_t value) { return model::groupedNumber(value); }

} // namespace

std::string bytesText(size_t bytes)
{
    static constexpr const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(units)) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

size_t MemoryBudget::stateBytes(const Kernel& kernel)
{
    size_t bytes = kernel.frames().bytes() + kernel.requests().bytes() + kernel.eventBytes();
    for (uint32_t i = 0; i < kernel.blockCount(); ++i)
        bytes += kernel.block(i).heldBytes();
    return bytes;
}

void MemoryBudget::check(const Kernel& kernel, size_t growingBy) const
{
    const size_t used = stateBytes(kernel) + growingBy;
    if (used <= m_bytes)
        return;
    // Name the block that holds the most: that is where the design
    // overflows. Calls waiting on a downstream reply are not counted where
    // they wait (a client holds every request that way) but where the work
    // piles up: queued or being served. One scan of the frames, once.
    std::vector<size_t> calls(kernel.blockCount());
    const FramePool& frames = kernel.frames();
    for (uint32_t i = 0; i < frames.capacity(); ++i)
        if (frames.isLive(i) && frames[i].state != FrameState::Calling && frames[i].block < calls.size())
            ++calls[frames[i].block];
    const BlockRuntime* largest = nullptr;
    size_t largestBytes = 0, largestCalls = 0;
    for (uint32_t i = 0; i < kernel.blockCount(); ++i) {
        const BlockRuntime& block = kernel.block(i);
        const size_t bytes = calls[i] * FramePool::slotBytes() + block.heldBytes();
        if (bytes > largestBytes) {
            largestBytes = bytes;
            largestCalls = calls[i];
            largest = &block;
        }
    }
    char at[32];
    std::snprintf(at, sizeof at, "%.3f", toSeconds(kernel.now()));
    std::string message = "memory budget exceeded: " + withCommas(kernel.requests().live()) +
                          " requests in flight at t=" + at + " s (" + withCommas(kernel.frames().live()) +
                          " calls, " + withCommas(kernel.pendingEvents()) + " pending events)";
    if (largest) {
        message += "; the most at " + largest->id() + " (" + withCommas(largestCalls) + " calls queued or served";
        if (std::string held = largest->heldText(); !held.empty())
            message += ", " + held;
        message += ")";
    }
    message += ". The run's state " + std::string(growingBy ? "needed " : "reached ") + bytesText(used) +
               ", over its budget of " + bytesText(m_bytes) +
               ": lower the load, the queue capacities or the virtual users, add timeouts, or split the design "
               "into cells (scale.cells). See README, \"Limits\".";
    throw RunLimitExceeded(message);
}

} // namespace scalelab::sim
