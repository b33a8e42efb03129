#pragma once
// Applies faults to a running kernel: the scenario's scheduled ones at their
// time, live ones at once, and each one's recovery after its duration. The
// simulator cuts its run slices at these moments, so a fault strikes at
// exactly its simulated second whatever the slice length. Every fault and
// recovery is written to the kernel's event log.
#include "sim/Kernel.h"
#include "model/Architecture.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scalelab::sim {

class FaultInjector {
public:
    // `slots` gives the kernel slot of each block of `architecture`, by
    // index (they part when blocks are added or removed while running).
    FaultInjector(Kernel& kernel, const model::Architecture& architecture, const std::vector<uint32_t>& slots);

    // When the next scheduled fault or recovery is due (kNever if none).
    SimTime nextDue() const { return m_due.empty() ? kNever : m_due.begin()->first; }
    // Applies everything due at or before the kernel's clock.
    void applyDue();
    // Applies `fault` now; its recovery, if it has a duration, is scheduled.
    // Returns "" or why it cannot apply.
    std::string inject(const model::Fault& fault);
    // Schedules `fault` (its at_s ignored) to strike at `at` and recover
    // after its duration. Entries due at one time apply in the order they
    // were scheduled, so one restart of a rolling chain ends before the next
    // begins at the same moment (restore() brings back every instance down).
    void schedule(SimTime at, const model::Fault& fault);
    // Ends every fault on `blockId` at once (crashed instances restart,
    // slowness and errors stop, its cut links heal).
    std::string recover(const std::string& blockId);

private:
    struct Due {
        model::Fault fault;
        bool recovery = false;
    };

    std::string apply(const model::Fault& fault);
    void revert(const model::Fault& fault);
    std::vector<uint32_t> targets(const model::Fault& fault) const;
    // The `zones` parameter of the block in runtime slot `slotIndex`; 0 when it has none.
    int zonesOf(uint32_t slotIndex) const;
    void loseZone(const std::vector<uint32_t>& blocks, int zone);
    sim::RuntimeLink* link(const std::string& from, const std::string& to);

    Kernel& m_kernel;
    std::optional<uint32_t> slot(const std::string& blockId) const;

    const model::Architecture& m_architecture;
    const std::vector<uint32_t>& m_slots;
    std::multimap<SimTime, Due> m_due; // time -> fault, in schedule order among equal times
};

} // namespace scalelab::sim
