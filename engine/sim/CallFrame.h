#pragma once
// One call of one block on behalf of one request: the unit the engine
// schedules. A frame knows its caller (parent), so a reply finds its way
// back up the synchronous call chain; and it carries the request's type
// and key so that orphaned work (the caller already gave up) can go on.
#include "core/SimTime.h"

#include <cstdint>

namespace scalelab::sim {

constexpr uint32_t kNoFrame = UINT32_MAX;
// viaLink of a call a block makes to itself (a shard query of a scatter-gather).
constexpr uint16_t kInternalCall = UINT16_MAX;
// viaLink of a job frame: work a block runs on its own (a queue consumer
// processing a message); `request` holds the block's tag for it.
constexpr uint16_t kJobCall = UINT16_MAX - 1;
// viaLink of a call whose link was removed from the design while it was in
// flight: its caller no longer waits for it, and it ends with no wire back.
constexpr uint16_t kRemovedLink = UINT16_MAX - 2;

// Static: an asset (image, script, video segment) that CDNs cache; every
// other block serves it as a read.
enum class RequestType : uint8_t { Read, Write, Static };

enum class FrameState : uint8_t {
    Travelling, // on the wire towards its block
    Queued,     // waiting for a worker
    Working,    // holding a worker (or doing the block's own work)
    Calling,    // waiting for a downstream reply (a worker stays held)
};

struct CallFrame {
    uint32_t parent = kNoFrame;  // caller's frame; kNoFrame for a client attempt
    uint32_t parentGeneration = 0;
    uint32_t block = 0;          // index of the block handling this call
    uint32_t request = 0;        // client attempts only: index in the request pool
    uint32_t callerBlock = 0;    // calls only: the block that made the call
    uint32_t key = 0;
    uint32_t origin = 0;         // the client block the request came from (geography)
    int32_t instance = -1;       // instance chosen for this call; -1 = the block chooses
    uint16_t nextLink = 0;       // next downstream link to consider
    uint16_t viaLink = 0;        // the caller's link this call came over (latency back)
    RequestType type = RequestType::Read;
    FrameState state = FrameState::Travelling;
    bool holdsWorker = false;
    bool detached = false;       // background call or job: nobody waits for it
    uint8_t phase = 0;           // block-private step of a call that takes several (caches)
    // These three fill what was padding before `arrived`: the frame stays 80 bytes.
    bool holdsConnection = false; // a call that took a connection of its caller's link pool
    uint16_t rows = 1;           // rows a write carries: > 1 for a write-behind batch (one call, n rows)
    uint32_t poolSlot = 0;       // which of the caller's per-instance pools lent the connection
    SimTime arrived = 0;         // when it reached its block

    // Intrusive membership of an instance's wait queue.
    uint32_t queuePrev = kNoFrame, queueNext = kNoFrame;
    // Intrusive membership of a block's deadline list.
    uint32_t timerPrev = kNoFrame, timerNext = kNoFrame;
    SimTime deadline = kNever;
};

static_assert(sizeof(CallFrame) == 80, "frames are pooled by the million: keep them small");

// A client request across all its attempts (the first and each retry).
struct Request {
    SimTime firstSent = 0;
    uint32_t client = 0;
    uint32_t key = 0;
    RequestType type = RequestType::Read;
    uint8_t attempts = 0;
    uint32_t arrivalGeneration = 0; // the client's arrival stream that sent it (closed loops)
};

} // namespace scalelab::sim
