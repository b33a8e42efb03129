#include "Kernel.h"

#include "sim/BlockRuntime.h"
#include "sim/RemovedBlock.h"
#include "sim/RunLimitExceeded.h"
#include "sim/VectorState.h"

#include <algorithm>

namespace scalelab::sim {

Kernel::Kernel(SimTime window, size_t windowCapacity)
    : m_window(window)
    , m_total(windowCapacity)
{
    // The kernel neither moves nor copies: `this` stays valid in the checks.
    const auto check = [this](size_t bytes) { checkBudget(bytes); };
    m_frames.setGrowthCheck(check);
    m_requests.setGrowthCheck(check);
    m_events.setGrowthCheck(check);
}

void Kernel::checkBudget(size_t growingBy)
{
    if (!m_halted.empty())
        throw RunLimitExceeded(m_halted);
    try {
        m_budget.check(*this, growingBy);
    } catch (const RunLimitExceeded& error) {
        m_halted = error.what();
        throw;
    }
}

Kernel::~Kernel() = default;

void Kernel::addBlock(std::unique_ptr<sim::BlockRuntime> block)
{
    m_blocks.push_back(std::move(block));
}

void Kernel::start()
{
    schedule(m_now + m_window, EventType::WindowClose, 0);
    for (auto& block : m_blocks)
        block->start(*this);
    checkBudget(); // a closed model's users all start at once
}

void Kernel::schedule(SimTime time, EventType type, uint32_t block, uint32_t frame, uint32_t generation,
                      Outcome outcome)
{
    m_events.push(Event{time, m_seq++, type, outcome, block, frame, generation}, time - m_now);
}

bool Kernel::runUntil(SimTime until)
{
    checkBudget(); // a live edit between slices may have added users or capacity
    clearVectorUpperState(); // whatever ran on this thread since the last slice
    while (!m_events.empty() && m_events.top().time <= until) {
        const Event event = m_events.takeTop();
        if (const Event* next = m_events.nextInLane())
            m_frames.prefetch(next->frame); // in a large design the frame is likely out of cache
        m_now = event.time;
        ++m_eventCount;
        dispatch(event);
        m_events.settle();
        if ((m_eventCount & (MemoryBudget::kCheckEvents - 1)) == 0) [[unlikely]] {
            checkBudget();
            if (m_monitor && !m_monitor())
                return false;
        }
    }
    if (until > m_now)
        m_now = until;
    return true;
}

void Kernel::dispatch(const Event& event)
{
    switch (event.type) {
    case EventType::ClientArrival:
        m_blocks[event.block]->onArrivalEvent(*this, event.generation);
        break;
    case EventType::Deliver:
        if (m_frames.isLive(event.frame, event.generation))
            deliver(event.frame);
        break;
    case EventType::WorkDone:
        if (m_frames.isLive(event.frame, event.generation))
            m_blocks[event.block]->onWorkDone(*this, event.frame);
        break;
    case EventType::Response:
        deliverReply(event.frame, event.generation, event.outcome);
        break;
    case EventType::TimerCheck:
        checkDeadlines(event.block, event.time);
        break;
    case EventType::Retry:
        m_blocks[event.block]->onRetry(*this, event.frame, event.generation);
        break;
    case EventType::BlockTimer:
        m_blocks[event.block]->onTimer(*this, event.frame);
        break;
    case EventType::PoolCheck:
        checkPool(event.block, event.frame, event.generation, event.time);
        break;
    case EventType::ConnectionFree:
        if (const int position = linkPosition(event.block, event.frame); position >= 0) // else removed with its pool
            releaseConnection(event.block, static_cast<uint16_t>(position), event.generation);
        break;
    case EventType::WindowClose:
        closeWindows();
        schedule(m_now + m_window, EventType::WindowClose, 0);
        break;
    }
}

uint32_t Kernel::startAttempt(uint32_t block, uint32_t request)
{
    const uint32_t index = m_frames.acquire();
    const Request& origin = m_requests[request];
    CallFrame& frame = m_frames[index];
    frame = CallFrame{};
    frame.block = block;
    frame.request = request;
    frame.key = origin.key;
    frame.type = origin.type;
    frame.origin = block;
    frame.state = FrameState::Working;
    frame.arrived = m_now;
    ++m_blocks[block]->inFlight();
    return index;
}

void Kernel::call(uint32_t parent, uint16_t linkIndex, int instance)
{
    sim::RuntimeLink& link = m_blocks[m_frames[parent].block]->link(linkIndex);
    if (link.cut) [[unlikely]] {
        // A partition: the call vanishes and the caller waits for a deadline.
        m_frames[parent].state = FrameState::Calling;
        return;
    }
    if (link.poolSize > 0) [[unlikely]] {
        callPooled(parent, linkIndex, instance);
        return;
    }
    send(parent, link, linkIndex, instance);
}

void Kernel::callPooled(uint32_t parent, uint16_t linkIndex, int instance)
{
    const uint32_t callerBlock = m_frames[parent].block;
    sim::BlockRuntime& caller = *m_blocks[callerBlock];
    // Each instance of a block with workers has its own pool; any other
    // caller (a cache, a balancer, a client) is one process with one.
    const int32_t callerInstance = m_frames[parent].instance;
    const uint32_t slot = caller.hasWorkers() && callerInstance > 0 ? static_cast<uint32_t>(callerInstance) : 0;
    sim::RuntimeLink& link = caller.link(linkIndex);
    sim::ConnectionPool& pool = link.pool(slot);
    if (pool.inUse < link.poolSize) {
        ++pool.inUse;
        caller.poolWaits().acquired(0);
        send(parent, link, linkIndex, instance, slot);
        return;
    }
    m_frames[parent].state = FrameState::Calling;
    pool.waiting.push_back({parent, m_frames.generation(parent), instance, m_now});
    caller.poolWaits().queued();
    if (link.poolTimeout > 0)
        armPoolCheck(callerBlock, linkIndex, slot, m_now + link.poolTimeout);
}

void Kernel::releaseConnection(uint32_t callerBlock, uint16_t linkIndex, uint32_t slot)
{
    sim::RuntimeLink& link = m_blocks[callerBlock]->link(linkIndex);
    --link.pool(slot).inUse;
    grantConnections(callerBlock, linkIndex, slot);
}

void Kernel::grantConnections(uint32_t callerBlock, uint16_t linkIndex, uint32_t slot)
{
    // The next callers still waiting get the free connections (one that
    // timed out or ended meanwhile has left). The link and pool are looked up
    // afresh on every turn: a call sent here may come back at once and call
    // again on this link.
    for (;;) {
        sim::BlockRuntime& caller = *m_blocks[callerBlock];
        sim::RuntimeLink& link = caller.link(linkIndex);
        sim::ConnectionPool& pool = link.pool(slot);
        if (pool.waiting.empty() || pool.inUse >= link.poolSize)
            return;
        const sim::ConnectionPool::Waiting next = pool.waiting.front();
        pool.waiting.pop_front();
        if (!m_frames.isLive(next.frame, next.generation))
            continue;
        ++pool.inUse;
        caller.poolWaits().acquired(m_now - next.since);
        send(next.frame, link, linkIndex, next.instance, slot);
    }
}

int Kernel::linkPosition(uint32_t callerBlock, uint32_t linkId) const
{
    const sim::BlockRuntime& caller = *m_blocks[callerBlock];
    for (size_t position = 0; position < caller.linkCount(); ++position)
        if (caller.link(static_cast<uint16_t>(position)).id == linkId)
            return static_cast<int>(position);
    return -1;
}

void Kernel::armPoolCheck(uint32_t callerBlock, uint16_t linkIndex, uint32_t slot, SimTime at)
{
    sim::RuntimeLink& link = m_blocks[callerBlock]->link(linkIndex);
    sim::ConnectionPool& pool = link.pool(slot);
    if (at >= pool.checkAt)
        return; // an earlier check is pending; it sets the next one
    pool.checkAt = at;
    schedule(at, EventType::PoolCheck, callerBlock, link.id, slot);
}

void Kernel::checkPool(uint32_t callerBlock, uint32_t linkId, uint32_t slot, SimTime firedAt)
{
    const int position = linkPosition(callerBlock, linkId);
    if (position < 0 || slot >= m_blocks[callerBlock]->link(static_cast<uint16_t>(position)).pools.size())
        return; // the link was removed, its waiters with it
    const auto linkIndex = static_cast<uint16_t>(position);
    if (sim::ConnectionPool& pool = m_blocks[callerBlock]->link(linkIndex).pools[slot]; pool.checkAt == firedAt)
        pool.checkAt = kNever;
    for (;;) {
        sim::BlockRuntime& caller = *m_blocks[callerBlock];
        sim::RuntimeLink& link = caller.link(linkIndex);
        sim::ConnectionPool& pool = link.pools[slot];
        if (link.poolTimeout <= 0 || pool.waiting.empty())
            return;
        const sim::ConnectionPool::Waiting oldest = pool.waiting.front();
        if (!m_frames.isLive(oldest.frame, oldest.generation)) {
            pool.waiting.pop_front();
            continue;
        }
        // Waiters share the timeout and queue in arrival order: the oldest expires first.
        const SimTime expires = oldest.since + link.poolTimeout;
        if (expires > m_now) {
            armPoolCheck(callerBlock, linkIndex, slot, expires);
            return;
        }
        pool.waiting.pop_front();
        caller.poolWaits().timedOut();
        // The call failed before it left: the caller handles it as any failed
        // call (a service may retry it, and its error climbs to the client).
        deliverReply(oldest.frame, oldest.generation, Outcome::PoolTimeout);
    }
}

void Kernel::poolsChanged(uint32_t callerBlock)
{
    sim::BlockRuntime& caller = *m_blocks[callerBlock];
    for (uint16_t linkIndex = 0; linkIndex < caller.linkCount(); ++linkIndex) {
        for (uint32_t slot = 0; slot < caller.link(linkIndex).pools.size(); ++slot) {
            caller.link(linkIndex).pools[slot].checkAt = kNever; // a stale check finds nothing due; a new one is set
            grantConnections(callerBlock, linkIndex, slot);
            sim::RuntimeLink& link = caller.link(linkIndex);
            if (link.poolTimeout > 0 && !link.pools[slot].waiting.empty())
                armPoolCheck(callerBlock, linkIndex, slot,
                             std::max(m_now, link.pools[slot].waiting.front().since + link.poolTimeout));
        }
    }
}

uint32_t Kernel::childOf(uint32_t parent, uint32_t block, uint16_t viaLink)
{
    const uint32_t child = m_frames.acquire(); // may grow the pool: take references after it
    const CallFrame& caller = m_frames[parent];
    CallFrame callee;
    callee.parent = parent;
    callee.parentGeneration = m_frames.generation(parent);
    callee.block = block;
    callee.callerBlock = caller.block;
    callee.key = caller.key;
    callee.type = caller.type;
    callee.origin = caller.origin;
    callee.rows = caller.rows; // a batch stays a batch through the blocks it passes
    callee.viaLink = viaLink;
    m_frames[child] = callee; // built aside and stored once, not cleared and then patched
    return child;
}

void Kernel::travel(uint32_t frame, const sim::RuntimeLink& link)
{
    if (link.latency == 0)
        deliver(frame);
    else
        schedule(m_now + link.latency, EventType::Deliver, link.target, frame, m_frames.generation(frame));
}

void Kernel::send(uint32_t parent, const sim::RuntimeLink& link, uint16_t linkIndex, int instance, int64_t poolSlot)
{
    const uint32_t child = childOf(parent, link.target, linkIndex);
    m_frames[parent].state = FrameState::Calling;
    CallFrame& call = m_frames[child];
    call.instance = instance;
    if (poolSlot >= 0) [[unlikely]] { // set before it travels: a zero-latency call may end inside travel()
        call.holdsConnection = true;
        call.poolSlot = static_cast<uint32_t>(poolSlot);
    }
    travel(child, link);
}

uint32_t Kernel::spawnInternal(uint32_t parent)
{
    const uint32_t block = m_frames[parent].block;
    const uint32_t child = childOf(parent, block, kInternalCall);
    m_frames[child].arrived = m_now;
    ++m_blocks[block]->inFlight();
    return child;
}

void Kernel::callDetached(uint32_t callerBlock, uint16_t linkIndex, uint32_t key, RequestType type, uint16_t rows)
{
    const uint32_t child = m_frames.acquire();
    const sim::RuntimeLink& link = m_blocks[callerBlock]->link(linkIndex);
    if (link.cut) {
        m_frames.release(child);
        m_blocks[callerBlock]->onDetachedReply(*this, key, type, rows, Outcome::Failed);
        return;
    }
    CallFrame& callee = m_frames[child];
    callee = CallFrame{};
    callee.detached = true;
    callee.block = link.target;
    callee.callerBlock = callerBlock;
    callee.key = key;
    callee.type = type;
    callee.rows = rows;
    callee.viaLink = linkIndex;
    travel(child, link);
}

uint32_t Kernel::startJob(uint32_t block, uint32_t tag, uint32_t key, RequestType type)
{
    const uint32_t index = m_frames.acquire();
    CallFrame& frame = m_frames[index];
    frame = CallFrame{};
    frame.detached = true;
    frame.block = block;
    frame.callerBlock = block;
    frame.viaLink = kJobCall;
    frame.request = tag;
    frame.key = key;
    frame.type = type;
    frame.origin = block;
    frame.state = FrameState::Working;
    frame.arrived = m_now;
    ++m_blocks[block]->inFlight();
    return index;
}

void Kernel::deliver(uint32_t index)
{
    CallFrame& frame = m_frames[index];
    frame.arrived = m_now;
    sim::BlockRuntime& block = *m_blocks[frame.block];
    ++block.inFlight();
    if (m_keyWeights) [[unlikely]]
        block.metrics().arrived(m_keyWeights->weight(frame.key));
    else
        block.metrics().arrived();
    if (block.errorRate() > 0 && block.rng().bernoulli(block.errorRate())) [[unlikely]] {
        finish(index, Outcome::Failed); // an injected fault: the call fails at once
        return;
    }
    if (block.timeout() > 0)
        armDeadline(index, m_now + block.timeout());
    block.onArrive(*this, index);
}

void Kernel::continueCalls(uint32_t index)
{
    CallFrame& frame = m_frames[index];
    sim::BlockRuntime& block = *m_blocks[frame.block];
    while (frame.nextLink < block.linkCount()) {
        const uint16_t linkIndex = frame.nextLink++;
        const double probability = block.link(linkIndex).probability;
        if (probability >= 1.0 || block.rng().bernoulli(probability)) {
            call(index, linkIndex);
            return;
        }
    }
    finish(index, Outcome::Ok);
}

void Kernel::finish(uint32_t index, Outcome outcome)
{
    disarmDeadline(index);
    CallFrame& frame = m_frames[index];
    sim::BlockRuntime& block = *m_blocks[frame.block];
    block.release(*this, index);
    --block.inFlight();
    // Copy out what the reply needs: the slot may be reused while it travels.
    const uint32_t parent = frame.parent;
    const uint32_t parentGeneration = frame.parentGeneration;
    const uint32_t callerBlock = frame.callerBlock;
    const uint16_t viaLink = frame.viaLink;
    const SimTime spent = m_now - frame.arrived;
    const uint32_t request = frame.request;
    const bool detached = frame.detached;
    const uint32_t key = frame.key;
    const RequestType type = frame.type;
    const uint16_t rows = frame.rows;
    const bool holdsConnection = frame.holdsConnection;
    const uint32_t poolSlot = frame.poolSlot;
    m_frames.release(index);
    if (detached) [[unlikely]] {
        finishDetached(block, callerBlock, viaLink, spent, request, key, type, rows, outcome);
        return;
    }
    if (parent == kNoFrame) {
        block.onAttemptDone(*this, request, outcome);
        return;
    }
    if (viaLink >= kRemovedLink) [[unlikely]] {
        // A block's own sub-call (not a call of the block, no wire), or a
        // call whose link was removed (no wire left; its caller gave up).
        if (viaLink == kRemovedLink)
            recordFinish(block, spent, outcome, key);
        deliverReply(parent, parentGeneration, outcome);
        return;
    }
    if (m_keyWeights) [[unlikely]]
        recordFinish(block, spent, outcome, key);
    else
        block.metrics().finished(spent, outcome);
    const SimTime latency = m_blocks[callerBlock]->link(viaLink).latency;
    if (holdsConnection) [[unlikely]] {
        // The connection is busy until the reply is back: free it then, just
        // before the reply itself (scheduled first, so it runs first).
        if (latency == 0)
            releaseConnection(callerBlock, viaLink, poolSlot);
        else
            schedule(m_now + latency, EventType::ConnectionFree, callerBlock, m_blocks[callerBlock]->link(viaLink).id,
                     poolSlot);
    }
    if (latency == 0)
        deliverReply(parent, parentGeneration, outcome);
    else
        schedule(m_now + latency, EventType::Response, callerBlock, parent, parentGeneration, outcome);
}

void Kernel::finishDetached(sim::BlockRuntime& block, uint32_t callerBlock, uint16_t viaLink, SimTime spent,
                            uint32_t request, uint32_t key, RequestType type, uint16_t rows, Outcome outcome)
{
    if (viaLink == kJobCall) {
        block.onJobDone(*this, request, outcome);
        return;
    }
    recordFinish(block, spent, outcome, key);
    m_blocks[callerBlock]->onDetachedReply(*this, key, type, rows, outcome);
}

void Kernel::recordFinish(sim::BlockRuntime& block, SimTime spent, Outcome outcome, uint32_t key)
{
    if (m_keyWeights)
        block.metrics().finished(spent, outcome, m_keyWeights->weight(key));
    else
        block.metrics().finished(spent, outcome);
}

void Kernel::deliverReply(uint32_t parent, uint32_t generation, Outcome outcome)
{
    // The caller may have given up (timeout) and been recycled: the reply of
    // orphaned work is dropped, as a real client drops a late response.
    if (!m_frames.isLive(parent, generation))
        return;
    m_blocks[m_frames[parent].block]->onReply(*this, parent, outcome);
}

void Kernel::armDeadline(uint32_t index, SimTime deadline)
{
    CallFrame& frame = m_frames[index];
    sim::BlockRuntime& block = *m_blocks[frame.block];
    DeadlineList& list = block.deadlines();
    frame.deadline = deadline;
    // Deadlines of one block share one timeout, so the new one almost always
    // goes last; walking back from the tail keeps the list sorted after a
    // live edit shortens the timeout.
    uint32_t position = list.back();
    while (position != kNoFrame && m_frames[position].deadline > deadline)
        position = m_frames[position].timerPrev;
    list.insertAfter(m_frames, position, index);
    if (deadline < block.deadlineCheckAt()) {
        block.deadlineCheckAt() = deadline;
        schedule(deadline, EventType::TimerCheck, frame.block);
    }
}

void Kernel::removeDeadline(uint32_t index)
{
    CallFrame& frame = m_frames[index];
    m_blocks[frame.block]->deadlines().remove(m_frames, index);
    frame.deadline = kNever;
}

void Kernel::checkDeadlines(uint32_t blockIndex, SimTime firedAt)
{
    sim::BlockRuntime& block = *m_blocks[blockIndex];
    if (firedAt == block.deadlineCheckAt())
        block.deadlineCheckAt() = kNever;
    DeadlineList& list = block.deadlines();
    while (!list.empty() && m_frames[list.front()].deadline <= m_now) {
        const uint32_t expired = list.front();
        disarmDeadline(expired);
        block.onTimeout(*this, expired);
    }
    // One pending check per block: the earliest remaining deadline.
    if (!list.empty()) {
        const SimTime next = m_frames[list.front()].deadline;
        if (next < block.deadlineCheckAt()) {
            block.deadlineCheckAt() = next;
            schedule(next, EventType::TimerCheck, blockIndex);
        }
    }
}

namespace {

// Whether `frame` is a call `caller` made over one of its links (not a
// client attempt, a job, a block's own sub-call or an orphan of a removed link).
bool isCallOf(const CallFrame& frame, uint32_t caller)
{
    return frame.callerBlock == caller && frame.viaLink < kRemovedLink && (frame.parent != kNoFrame || frame.detached);
}

} // namespace

void Kernel::insertLink(uint32_t caller, uint16_t ordinal, sim::RuntimeLink link)
{
    for (uint32_t i = 0; i < m_frames.capacity(); ++i) {
        if (!m_frames.isLive(i))
            continue;
        CallFrame& frame = m_frames[i];
        if (isCallOf(frame, caller) && frame.viaLink >= ordinal)
            ++frame.viaLink;
        // A frame past the new link's place does not go back for it; one
        // before it calls it in turn.
        if (frame.block == caller && frame.nextLink > ordinal)
            ++frame.nextLink;
    }
    auto& links = m_blocks[caller]->links();
    link.id = newLinkId();
    links.insert(links.begin() + ordinal, std::move(link));
    instancesChanged(); // balancers rebuild their backend lists
}

void Kernel::removeLink(uint32_t caller, uint16_t ordinal)
{
    auto& links = m_blocks[caller]->links();
    std::vector<std::pair<uint32_t, uint32_t>> waiting;
    for (const sim::ConnectionPool& pool : links[ordinal].pools)
        for (const sim::ConnectionPool::Waiting& queued : pool.waiting)
            waiting.emplace_back(queued.frame, queued.generation);
    for (uint32_t i = 0; i < m_frames.capacity(); ++i) {
        if (!m_frames.isLive(i))
            continue;
        CallFrame& frame = m_frames[i];
        if (isCallOf(frame, caller)) {
            if (frame.viaLink == ordinal) {
                frame.viaLink = kRemovedLink;
                if (!frame.detached)
                    waiting.emplace_back(frame.parent, frame.parentGeneration);
            } else if (frame.viaLink > ordinal) {
                --frame.viaLink;
            }
        }
        if (frame.block == caller && frame.nextLink > ordinal)
            --frame.nextLink;
    }
    links.erase(links.begin() + ordinal);
    instancesChanged();
    endAsRemoved(waiting);
}

void Kernel::removeBlock(uint32_t index)
{
    std::vector<std::pair<uint32_t, uint32_t>> inside;
    for (uint32_t i = 0; i < m_frames.capacity(); ++i) {
        if (!m_frames.isLive(i))
            continue;
        CallFrame& frame = m_frames[i];
        if (frame.block == index) {
            inside.emplace_back(i, m_frames.generation(i));
            frame.deadline = kNever; // the deadline list goes with the runtime
        }
        if (isCallOf(frame, index)) // its links should be gone already; if not, orphan the calls
            frame.viaLink = kRemovedLink;
    }
    const BlockRuntime& old = *m_blocks[index];
    m_blocks[index] = std::make_unique<RemovedBlock>(old.id(), old.kind(), index);
    instancesChanged();
    endAsRemoved(inside);
}

void Kernel::endAsRemoved(const std::vector<std::pair<uint32_t, uint32_t>>& frames)
{
    for (const auto& [frame, generation] : frames)
        if (m_frames.isLive(frame, generation))
            finish(frame, Outcome::Removed);
}

void Kernel::log(stats::EventLogEntry::Kind kind, std::vector<uint32_t> blocks, std::string text)
{
    stats::EventLogEntry entry;
    entry.atS = toSeconds(m_now);
    entry.kind = kind;
    for (uint32_t block : blocks)
        entry.blocks.push_back(m_blocks[block]->id());
    entry.text = std::move(text);
    if (m_log.size() == kLogCapacity)
        m_log.pop_front();
    m_log.push_back(std::move(entry));
}

stats::BlockMetrics Kernel::total() const
{
    stats::BlockMetrics total = m_total;
    for (const auto& block : m_blocks)
        if (block->isClient())
            total.absorbWindow(block->metrics());
    return total;
}

void Kernel::closeWindows()
{
    for (const auto& block : m_blocks)
        if (block->isClient())
            m_total.absorbWindow(block->metrics());
    double designCost = 0;
    for (auto& block : m_blocks) {
        stats::BlockMetrics& metrics = block->metrics();
        const double poolWaitMs = block->poolWaitStats() ? block->poolWaits().takeWindowMeanMs() : 0;
        metrics.closeWindow(m_now, block->instanceCount(), block->gauge(),
                            [&](double rate) { return block->costPerHour(rate / double(countUnit())); }, poolWaitMs);
        if (metrics.series().size() > 0 && metrics.series().back().endSeconds == toSeconds(m_now))
            designCost += metrics.series().back().costPerHour;
    }
    m_total.closeWindow(m_now, 0, 0, [&](double) { return designCost; });
}

} // namespace scalelab::sim
