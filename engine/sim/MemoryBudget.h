#pragma once
// The memory budget of a run: how much state a run may grow with its load
// before the engine ends it with a clear error instead of taking the
// machine's memory (a 1e7-message queue filling at 1e7 rps reached 3.35 GB
// in 60 s; ten million virtual users 4.4 GB).
//
// What it counts: what grows with load: call frames, requests and pending
// events (at their pools' allocated capacity), plus what blocks hold per
// message, post or key (BlockRuntime::heldBytes: queued messages, the
// fan-out backlog, cache entries, per-key rate limits, replication logs,
// calls waiting for a pooled connection). Fixed-size state (statistics
// windows, histograms, the capped event log) is not counted: it does not
// grow with load or with the length of the run.
//
// Guarantee: the big allocations (the frame and request pools and the event
// heaps, which grow by doubling) are checked before they grow, counting
// the old and the new buffer both (the copy needs them at once), so they
// never take the state past the budget: the growth is refused with
// RunLimitExceeded ("memory budget exceeded: ..."). What blocks hold grows
// in small steps and is added up every kCheckEvents events, at the start
// of every runUntil (after live edits) and when a run starts; it may pass
// the budget by what kCheckEvents events add (a few hundred KiB) before
// the run stops. The one exception is a cache's entry table, a vector that
// doubles: it can pass the budget by its own size once.
//
// After the stop the kernel refuses to run on (every runUntil throws the
// same message). A refusal may come in the middle of an event, so the run's
// last figures may be off by that one event; the CLI reports the error, not
// the figures.
//
// Cost: one AND and a predicted branch per event; every kCheckEvents
// events, one virtual call per block; a check per pool doubling.
#include <cstddef>
#include <cstdint>
#include <string>

namespace scalelab::sim {

class Kernel;

class MemoryBudget {
public:
    // 1 GiB: a laptop's fair share. Enough for about 4 million requests in
    // flight at once, which at 100,000 rps is a 40 s backlog.
    static constexpr size_t kDefaultBytes = size_t(1) << 30;
    // Power of two: the kernel tests `events & (kCheckEvents - 1)`.
    static constexpr uint64_t kCheckEvents = 4096;
    static_assert((kCheckEvents & (kCheckEvents - 1)) == 0);

    explicit MemoryBudget(size_t bytes = kDefaultBytes) : m_bytes(bytes) {}
    size_t bytes() const { return m_bytes; }

    // The kernel's state as the budget counts it, in bytes.
    static size_t stateBytes(const Kernel& kernel);
    // Throws RunLimitExceeded naming what filled the memory when `kernel`'s
    // state, plus `growingBy` bytes about to be allocated, is over budget.
    void check(const Kernel& kernel, size_t growingBy = 0) const;

private:
    size_t m_bytes;
};

// 1.2 GiB, 350 MiB, 12 KiB: a size for a message.
std::string bytesText(size_t bytes);

} // namespace scalelab::sim
