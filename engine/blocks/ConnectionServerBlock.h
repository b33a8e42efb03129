#pragma once
// Long-lived connections (WebSocket, chat, push): a call that reaches this
// block is a user connecting. It takes an instance holding the fewest open
// connections among those up and not full; an instance holds at most
// floor(memory / memory per connection) connections, so when all are full
// the connect is refused with 503. Accepted, the call is answered after the
// handshake and the connection stays open for an exponential duration
// (mean `connection_duration_s`): by Little's law the open connections
// average connect rate x duration, and with a refusal when all c slots are
// taken the block is an M/G/c/c loss system (Erlang B, whatever the
// duration's distribution).
//
// Each open connection sends messages (Poisson, `message_rate`):
// an instance with n connections receives a Poisson stream of n x rate,
// whose next arrival is drawn again whenever n changes (memorylessness makes
// that exact). Its `workers` handle them in order of arrival; the rest wait.
//
// A crashed instance drops every connection it held; each of those users
// reconnects at a uniformly random moment within `reconnect_within_s`
// (counted as reconnects), onto the instances still up: the reconnect storm.
//
// Cost: O(instances) per connect (the least-loaded choice), O(1) per
// message, O(open connections) per crash.
#include "sim/BlockRuntime.h"
#include "stats/LatencyHistogram.h"

#include <deque>
#include <vector>

namespace scalelab::blocks {

class ConnectionServerBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { kernel.finish(frame, sim::Outcome::Ok); }
    void onTimer(sim::Kernel& kernel, uint32_t tag) override;

    int instanceCount() const override { return static_cast<int>(m_instances.size()); }
    bool hasWorkers() const override { return true; }
    int load(int instance) const override { return m_instances[static_cast<size_t>(instance)].connections; }
    double gauge() const override { return static_cast<double>(m_open); }
    int crash(sim::Kernel& kernel, int count) override;
    void restore(sim::Kernel& kernel) override;
    bool instanceUp(int instance) const override { return !m_instances[static_cast<size_t>(instance)].down; }
    bool scaleTo(sim::Kernel& kernel, int instances) override;
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override;
    std::string heldText() const override;
    void resetStats(sim::SimTime now) override;

private:
    struct Instance {
        int connections = 0;
        bool down = false;
        int busy = 0;                       // workers on a message
        std::deque<sim::SimTime> waiting;   // messages' arrival times
        sim::SimTime nextMessage = sim::kNever; // a message timer counts only if it fires at this time
    };
    struct Connection {
        int32_t instance = -1; // -1: the slot is free
        sim::SimTime endsAt = 0; // an end timer counts only if it fires at this time
    };
    // Timer tags: the top two bits say what fired, the rest whose.
    static constexpr uint32_t kKindMask = 0xC000'0000u, kEnd = 0, kMessage = 0x4000'0000u,
                              kMessageDone = 0x8000'0000u, kReconnect = 0xC000'0000u;

    // Opens a connection on the least-loaded instance; false when all are full or down.
    bool open(sim::Kernel& kernel);
    void close(sim::Kernel& kernel, uint32_t slot);
    // Drops every connection of `instance`; they reconnect within the jitter window.
    void dropAll(sim::Kernel& kernel, int instance);
    // Draws the instance's next message arrival afresh (its connection count changed).
    void rearmMessages(sim::Kernel& kernel, uint32_t instance);
    void startMessage(sim::Kernel& kernel, uint32_t instance, sim::SimTime arrived);
    void setInstances(sim::Kernel& kernel, int count);
    void setCapacity(sim::Kernel& kernel);
    int upCount() const;

    std::vector<Instance> m_instances;
    int m_perInstance = 0, m_workers = 1, m_configuredInstances = -1;
    double m_durationS = 0, m_messageRate = 0, m_messageMs = 0, m_reconnectWithinS = 0;
    sim::SimTime m_handshake = 0;
    std::vector<Connection> m_connections;
    std::vector<uint32_t> m_free;
    int64_t m_open = 0;

    stats::LatencyHistogram m_messageTime;
    uint64_t m_accepted = 0, m_refused = 0, m_dropped = 0, m_reconnects = 0, m_reconnectsRefused = 0,
             m_messages = 0;
    bool m_full = false; // refusing since every instance filled up (logged once, until 90% full again)
};

} // namespace scalelab::blocks
