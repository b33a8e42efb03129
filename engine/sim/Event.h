#pragma once
// An event is 32 bytes of plain data. Its key is (time, seq): seq is a
// counter stamped at scheduling, so events at the same instant run in the
// order they were scheduled and a seed reproduces a run exactly.
#include "core/Outcome.h"
#include "core/SimTime.h"

#include <cstdint>

namespace scalelab::sim {

enum class EventType : uint8_t {
    ClientArrival, // block = client, generation = the client's arrival stream generation
    Deliver,       // a call reaches its target: frame/generation = the callee's frame
    WorkDone,      // a block's own work on a frame finished (service time, lookup, overhead): block = the frame's block
    Response,      // a reply reaches the caller: frame/generation = the caller's frame, outcome
    TimerCheck,    // block's timer list may have expired entries
    Retry,         // frame = request index, generation = request generation
    WindowClose,   // statistics window boundary
    BlockTimer,    // a block's own timer (failover...): block, frame = the block's tag
    PoolCheck,     // a connection pool's oldest waiter may have timed out: block = caller, frame = link id, generation = pool slot
    ConnectionFree, // a pooled call's reply reached its caller: its connection is free (fields as PoolCheck)
};

struct Event {
    SimTime time;
    uint64_t seq;
    EventType type;
    Outcome outcome;
    uint32_t block;
    uint32_t frame;
    uint32_t generation;

    // One 128-bit comparison instead of two dependent branches: the heap
    // compares keys in its innermost loop. Simulated time is never negative.
    bool before(const Event& other) const { return key() < other.key(); }

    // (time, seq) as one integer: ordered as events run.
    __extension__ typedef unsigned __int128 Key;
    Key key() const { return (static_cast<Key>(static_cast<uint64_t>(time)) << 64) | seq; }
};

static_assert(sizeof(Event) == 32, "keep events small: they are copied on every heap operation");

} // namespace scalelab::sim
