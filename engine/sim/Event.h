#pragma once
// An event is 32 bytes of plain data. Its key is (time, seq): seq is a
// counter stamped at scheduling, so events at the same instant run in the
// order they were scheduled and a seed reproduces a run exactly.
#include "Outcome.h"
#include "SimTime.h"

#include <cstdint>

namespace scalelab::sim {

enum class EventType : uint8_t {
    ClientArrival, // block = client, generation = the client's arrival stream generation
    Deliver,       // a call reaches its target: frame/generation = the callee's frame
    WorkDone,      // a block's own work on a frame finished (service time, lookup, overhead)
    Response,      // a reply reaches the caller: frame/generation = the caller's frame, outcome
    TimerCheck,    // block's timer list may have expired entries
    Retry,         // frame = request index, generation = request generation
    WindowClose,   // statistics window boundary
};

struct Event {
    SimTime time;
    uint64_t seq;
    EventType type;
    Outcome outcome;
    uint32_t block;
    uint32_t frame;
    uint32_t generation;

    bool before(const Event& other) const
    {
        return time < other.time || (time == other.time && seq < other.seq);
    }
};

static_assert(sizeof(Event) == 32, "keep events small: they are copied on every heap operation");

} // namespace scalelab::sim
