#pragma once
// The engine's front door: compiles an Architecture into block behaviours on
// a kernel, runs it in slices (runUntil), applies live design edits between
// slices (values, and blocks or links added or removed, without resetting
// time or statistics) and copies out Snapshots. Deterministic for a given (architecture,
// seed). Not thread-safe: one thread drives one Simulator. Its architecture()
// is the run's one copy of the design: an edit changes it and the running
// blocks together, so nothing outside needs a copy to rebuild from.
#include "FaultInjector.h"
#include "ShardSampling.h"
#include "sim/Kernel.h"
#include "model/Architecture.h"
#include "model/DesignEdit.h"
#include "stats/Snapshot.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace scalelab::model {
struct InstanceType;
}

namespace scalelab::sim {

struct SimulatorOptions {
    SimTime window = kSecond;    // statistics window
    size_t windowCapacity = 600; // closed windows kept per series (10 minutes at 1 s)
    // Bytes of load-dependent state the run may hold (sim/MemoryBudget.h).
    size_t memoryBudget = MemoryBudget::kDefaultBytes;
    // Above this many requests per second a design that shard sampling
    // applies to is sampled down to about it (run/ShardSampling.h).
    double samplingBudgetRps = kDefaultSamplingBudgetRps;
};

// Thrown when the design has validation errors; what() lists them.
class InvalidDesign : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Simulator {
public:
    Simulator(model::Architecture architecture, uint64_t seed, SimulatorOptions options = {});
    ~Simulator();

    // Runs up to `until`, applying scheduled faults and recoveries at their
    // times, and returns true; false when the monitor stopped it early (the
    // clock then stands at the last event run). Throws RunLimitExceeded when
    // the run outgrows its memory budget or `until` lies past kHorizon.
    bool runUntil(SimTime until);
    bool runFor(SimTime duration) { return runUntil(m_kernel.now() + duration); }
    // See Kernel::setMonitor: called every few thousand events; false stops the run.
    void setMonitor(Kernel::Monitor monitor) { m_kernel.setMonitor(std::move(monitor)); }
    SimTime now() const { return m_kernel.now(); }
    uint64_t events() const { return m_kernel.eventCount(); }
    uint64_t seed() const { return m_seed; }

    // Forgets what was measured so far; the system's state (queues, work in
    // flight) carries on. Used at the end of warm-up.
    void resetStats();
    stats::Snapshot snapshot(bool withSeries = false) const;

    // Live edit of the design; takes effect at once. Returns an empty string,
    // or why the edit was refused (unknown block, link or parameter, value
    // out of range, a design with errors), in which case nothing changed.
    // A new block starts measuring now; a removed block's calls in flight,
    // and calls waiting on a removed link, end as Outcome::Removed. Each
    // applied edit is written to the event log (kind Design). An edit that
    // would take the run past its memory budget returns the budget's
    // message, half applied, and halts the run (runUntil then throws).
    std::string apply(const model::DesignEdit& edit) { return apply(std::vector<model::DesignEdit>{edit}); }
    // Several edits, all or none: a structural batch is refused when the
    // design it leads to has validation errors (a block added and its links
    // are one valid step, each alone may not be).
    std::string apply(const std::vector<model::DesignEdit>& edits);
    // apply() of one numeric block parameter.
    std::string setParam(const std::string& blockId, const std::string& key, double value)
    {
        return apply({model::DesignEdit::SetBlockParam{blockId, key, value}});
    }
    // An operator action on a block, e.g. "flush" on a cache. Returns "" or why not.
    std::string command(const std::string& blockId, const std::string& name);
    // Injects a fault now (its at_s is ignored); "" or why it cannot apply.
    std::string inject(const model::Fault& fault) { return m_faults.inject(fault); }
    // Ends every fault on a block now.
    std::string recover(const std::string& blockId) { return m_faults.recover(blockId); }

    const model::Architecture& architecture() const { return m_architecture; }
    // Whether and how the run samples shards; its note says why not when
    // the design asked for it or is too large to run whole.
    const SamplingPlan& sampling() const { return m_sampling; }
    // Footprint of the pools and the event list, for memory checks.
    size_t poolCapacity() const;
    // The load-dependent state the memory budget counts, in bytes (sim/MemoryBudget.h).
    size_t stateBytes() const { return MemoryBudget::stateBytes(m_kernel); }

private:
    void compileLink(const model::Link& link);
    // The link's parameters into its runtime form (at compile time and on live edits).
    void readLinkParams(const model::Link& link, sim::RuntimeLink& compiled);
    // Reads the block's parameters into its runtime, prices included.
    void configure(uint32_t index, const model::Block& block);
    void configure(const std::string& blockId);
    // Carry an edit already made to m_architecture into the running blocks;
    // one overload per kind of edit, so a new kind does not compile unhandled.
    void refresh(const model::DesignEdit::SetBlockParam& edit);
    void refresh(const model::DesignEdit::SetBlockText& edit) { configure(edit.blockId); }
    void refresh(const model::DesignEdit::SetLinkParam& edit);
    // Structural edits change m_architecture themselves (the kernel needs
    // the design before and after).
    void change(const model::DesignEdit::AddBlock& edit);
    void change(const model::DesignEdit::RemoveBlock& edit);
    void change(const model::DesignEdit::AddLink& edit);
    void change(const model::DesignEdit::RemoveLink& edit);
    std::string applyOne(const model::DesignEdit& edit);
    // A change of instance type restarts the block's instances
    // (model/InstanceTypes.h): the block an edit retypes, and its type before.
    struct ResizeCheck {
        const model::Block* block = nullptr;
        const model::InstanceType* before = nullptr;
    };
    ResizeCheck resizeCheck(const model::DesignEdit& edit) const;
    void restartForResize(const model::Block& block);
    // The caller's links changed: tables built from them are rebuilt.
    void relinked(const std::string& callerId);
    // Draws the shard sample again after an edit; a run that starts or
    // stops sampling restarts its statistics (their units differ).
    void replanSampling();
    uint32_t slotOf(const std::string& blockId) const { return m_slots[*m_architecture.blockIndex(blockId)]; }

    model::Architecture m_architecture;
    uint64_t m_seed;
    SimulatorOptions m_options;
    Kernel m_kernel;
    // The kernel slot of each block, in m_architecture.blocks order: slots
    // never move (events and frames hold them), the design's order may.
    std::vector<uint32_t> m_slots;
    FaultInjector m_faults;
    SimTime m_statsSince = 0;
    SamplingPlan m_sampling;
};

} // namespace scalelab::sim
