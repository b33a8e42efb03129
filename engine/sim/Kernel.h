#pragma once
// The discrete-event kernel: the clock, the future-event list, the pools of
// requests and call frames, and the plumbing of synchronous calls (call a
// link, reply to the caller, deadlines). Block behaviour lives in
// engine/blocks; a block never touches the event list directly, it asks
// the kernel to schedule, call, or finish.
//
// Cost per request in steady state: no allocation (pools), one push and pop
// of the future-event list per timed step (arrival, work done, network hop
// with latency): O(1) in a delay lane for constant delays (latencies,
// overheads, timeouts), a heap sift for the others (see EventQueue);
// zero-latency hops are delivered inline without an event.
#include "CallFrame.h"
#include "Event.h"
#include "EventQueue.h"
#include "IntrusiveList.h"
#include "KeyWeights.h"
#include "MemoryBudget.h"
#include "Pool.h"
#include "stats/BlockMetrics.h"
#include "stats/EventLogEntry.h"

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace scalelab::sim {

class BlockRuntime;
struct RuntimeLink;

using FramePool = Pool<CallFrame>;
using WaitQueue = IntrusiveList<FramePool, CallFrame, &CallFrame::queuePrev, &CallFrame::queueNext>;
using DeadlineList = IntrusiveList<FramePool, CallFrame, &CallFrame::timerPrev, &CallFrame::timerNext>;

class Kernel {
public:
    // `window` is the length of a statistics window; `windowCapacity` how
    // many closed windows each series keeps.
    Kernel(SimTime window, size_t windowCapacity);
    ~Kernel();
    Kernel(const Kernel&) = delete;
    Kernel& operator=(const Kernel&) = delete;

    SimTime now() const { return m_now; }
    uint64_t eventCount() const { return m_eventCount; }
    size_t pendingEvents() const { return m_events.size(); }

    // Runs every event up to and including time `until`, then sets the clock
    // to it, and returns true. Returns false, the clock at the last event
    // run, when the monitor asked to stop. Throws RunLimitExceeded when the
    // state outgrows the memory budget (MemoryBudget.h).
    bool runUntil(SimTime until);

    // Called between events every MemoryBudget::kCheckEvents events (a few
    // hundred times a second of wall time); returning false stops runUntil.
    // A CLI shows progress and honours Ctrl+C through it.
    using Monitor = std::function<bool()>;
    void setMonitor(Monitor monitor) { m_monitor = std::move(monitor); }
    void setMemoryBudget(MemoryBudget budget) { m_budget = budget; }
    const MemoryBudget& memoryBudget() const { return m_budget; }
    // Throws RunLimitExceeded when over budget: at the start, on entry to
    // runUntil (after live edits), every kCheckEvents events, and before a
    // pool or heap grows. Once thrown, the kernel is halted for good.
    void checkBudget(size_t growingBy = 0);
    // Memory the future-event list holds.
    size_t eventBytes() const { return m_events.bytes(); }

    void schedule(SimTime time, EventType type, uint32_t block, uint32_t frame = 0, uint32_t generation = 0,
                  Outcome outcome = Outcome::Ok);

    // Blocks by slot: in architecture order at the start; a block added
    // while running takes a new slot, a removed one leaves a tombstone in its
    // slot, so the indices that events and frames hold never move.
    void addBlock(std::unique_ptr<sim::BlockRuntime> block);
    sim::BlockRuntime& block(uint32_t index) { return *m_blocks[index]; }
    const sim::BlockRuntime& block(uint32_t index) const { return *m_blocks[index]; }
    size_t blockCount() const { return m_blocks.size(); }

    FramePool& frames() { return m_frames; }
    const FramePool& frames() const { return m_frames; }
    Pool<Request>& requests() { return m_requests; }
    const Pool<Request>& requests() const { return m_requests; }

    // A new client attempt frame (no caller) at `block` for `request`.
    uint32_t startAttempt(uint32_t block, uint32_t request);
    // Calls downstream link `linkIndex` of the frame's block on its behalf;
    // `instance` >= 0 asks the callee for that instance (load balancers).
    void call(uint32_t frame, uint16_t linkIndex, int instance = -1);
    // A sub-call of `parent` inside the same block (one shard's part of a
    // scatter-gather). The block admits it itself; its finish replies to
    // `parent` through the block's onReply.
    uint32_t spawnInternal(uint32_t parent);
    // A background call down link `linkIndex` of `block` that nobody waits
    // for; its outcome reaches the block's onDetachedReply when it ends
    // (the return trip's latency is not modelled: nothing waits on it).
    // `rows` > 1 makes it a batch: one call that carries that many rows
    // (a write-behind flush); its outcome reaches the block with the count.
    void callDetached(uint32_t block, uint16_t linkIndex, uint32_t key, RequestType type, uint16_t rows = 1);
    // Background work owned by `block` (a queue consumer handling a
    // message): a frame with no caller that makes downstream calls like any
    // other and, when finished, reports to the block's onJobDone(tag).
    // Jobs are not calls of the block: its metrics do not count them.
    uint32_t startJob(uint32_t block, uint32_t tag, uint32_t key, RequestType type);
    // Makes the frame's next downstream call, skipping links whose call
    // probability says no; finishes the frame with Ok after the last link.
    void continueCalls(uint32_t frame);
    // Ends a frame: its block releases what it holds, metrics are recorded,
    // the reply travels back to the caller and the frame returns to the pool.
    void finish(uint32_t frame, Outcome outcome);

    // Deadlines: `frame` times out at `deadline` unless finished before.
    void armDeadline(uint32_t frame, SimTime deadline);
    void disarmDeadline(uint32_t frame)
    {
        if (m_frames[frame].deadline != kNever) // most calls have none: no call for them
            removeDeadline(frame);
    }

    // --- Live structural edits. Rare: each scans the frame pool once. ---
    // Makes `link` link `ordinal` of block `caller`; calls in flight keep theirs.
    void insertLink(uint32_t caller, uint16_t ordinal, sim::RuntimeLink link);
    // Removes link `ordinal` of `caller`. A caller's frame waiting on a call
    // over it (or for one of its connections) ends as Outcome::Removed; the
    // call already sent goes on, orphaned, and its reply is dropped.
    void removeLink(uint32_t caller, uint16_t ordinal);
    // Replaces block `index` by a tombstone that refuses whatever still
    // reaches it; every call at the block (queued, served, on its way to it)
    // ends now as Outcome::Removed. Remove its links first.
    void removeBlock(uint32_t index);

    // A new link's RuntimeLink::id.
    uint32_t newLinkId() { return ++m_lastLinkId; }
    // The connection pools of `caller`'s links changed (size or timeout
    // edited, links added or removed): waiters get the connections a larger
    // pool has free, and each pool's timeout check is set afresh.
    void poolsChanged(uint32_t caller);

    // Bumped whenever any block's instance count changes, so load balancers
    // know to rebuild their backend lists.
    uint64_t instancesVersion() const { return m_instancesVersion; }
    void instancesChanged() { ++m_instancesVersion; }

    // A sampled run (run/ShardSampling.h): metrics count each call with its
    // key's weight, in KeyWeights::kUnit units. nullptr (the default): every
    // call counts 1. The weights must outlive the run or the next call here.
    void setKeyWeights(const KeyWeights* weights) { m_keyWeights = weights; }
    const KeyWeights* keyWeights() const { return m_keyWeights; }
    // What one counted request adds to a counter: kUnit when sampled, else 1.
    uint64_t countUnit() const { return m_keyWeights ? KeyWeights::kUnit : 1; }

    // Requests as all clients together see them, end to end, retries
    // included: closed windows folded in, plus the clients' open windows.
    stats::BlockMetrics total() const;
    void resetTotal() { m_total.reset(m_now); }
    SimTime window() const { return m_window; }
    // Schedules the window boundaries and lets every block start.
    void start();

    // The run's event log (faults and the design's reactions), oldest
    // first, the latest kLogCapacity entries.
    static constexpr size_t kLogCapacity = 2000;
    void log(stats::EventLogEntry::Kind kind, std::vector<uint32_t> blocks, std::string text);
    void log(uint32_t block, std::string text) { log(stats::EventLogEntry::Kind::Reaction, {block}, std::move(text)); }
    const std::deque<stats::EventLogEntry>& eventLog() const { return m_log; }

private:
    void dispatch(const Event& event);
    void deliver(uint32_t frame);
    // Makes the call over `link`, the caller's link `linkIndex`; with
    // `poolSlot` >= 0 the call holds a connection of that pool (already taken).
    void send(uint32_t parent, const sim::RuntimeLink& link, uint16_t linkIndex, int instance, int64_t poolSlot = -1);
    // A new frame for a call of `parent` to `block`, carrying the request's identity.
    uint32_t childOf(uint32_t parent, uint32_t block, uint16_t viaLink);
    // Delivers `frame` now or after the link's latency.
    void travel(uint32_t frame, const sim::RuntimeLink& link);
    // [[gnu::noinline]] marks the rarer paths: inlined into the hot
    // functions that call them, they would make every call of those save
    // registers for them.
    // Only for links with a pool: takes a connection of the caller
    // instance's pool and sends the call, or queues the caller for one.
    [[gnu::noinline]] void callPooled(uint32_t parent, uint16_t linkIndex, int instance);
    // Only for links with a pool: gives a connection back, starts waiters.
    [[gnu::noinline]] void releaseConnection(uint32_t callerBlock, uint16_t linkIndex, uint32_t slot);
    // Position of the caller's link with this id; -1 when it is gone.
    int linkPosition(uint32_t callerBlock, uint32_t linkId) const;
    // Hands free connections of one pool to its waiters, oldest first.
    void grantConnections(uint32_t callerBlock, uint16_t linkIndex, uint32_t slot);
    // Fails the pool's waiters whose acquire timeout has passed (pool_timeout)
    // and sets the next check.
    [[gnu::noinline]] void checkPool(uint32_t callerBlock, uint32_t linkId, uint32_t slot, SimTime firedAt);
    void armPoolCheck(uint32_t callerBlock, uint16_t linkIndex, uint32_t slot, SimTime at);
    void deliverReply(uint32_t frame, uint32_t generation, Outcome outcome);
    // The end of a background call or job, once its frame is released.
    [[gnu::noinline]] void finishDetached(sim::BlockRuntime& block, uint32_t callerBlock, uint16_t viaLink,
                                          SimTime spent, uint32_t request, uint32_t key, RequestType type,
                                          uint16_t rows, Outcome outcome);
    void removeDeadline(uint32_t frame);
    // A call's end in its block's metrics, weighted in a sampled run.
    void recordFinish(sim::BlockRuntime& block, SimTime spent, Outcome outcome, uint32_t key);
    // Ends each frame still live (same generation) as Outcome::Removed.
    void endAsRemoved(const std::vector<std::pair<uint32_t, uint32_t>>& frames);
    [[gnu::noinline]] void checkDeadlines(uint32_t block, SimTime firedAt);
    [[gnu::noinline]] void closeWindows();

    SimTime m_now = 0;
    uint64_t m_seq = 0;
    uint64_t m_eventCount = 0;
    uint64_t m_instancesVersion = 0;
    uint32_t m_lastLinkId = 0;
    EventQueue m_events;
    FramePool m_frames;
    Pool<Request> m_requests;
    std::vector<std::unique_ptr<sim::BlockRuntime>> m_blocks;
    SimTime m_window;
    stats::BlockMetrics m_total;
    std::deque<stats::EventLogEntry> m_log;
    MemoryBudget m_budget;
    Monitor m_monitor;
    const KeyWeights* m_keyWeights = nullptr;
    std::string m_halted;
};

} // namespace scalelab::sim
