#include "FaultInjector.h"

#include "sim/BlockRuntime.h"
#include "model/FaultCatalog.h"

namespace scalelab::sim {

using Kind = stats::EventLogEntry::Kind;

FaultInjector::FaultInjector(Kernel& kernel, const model::Architecture& architecture,
                             const std::vector<uint32_t>& slots)
    : m_kernel(kernel)
    , m_architecture(architecture)
    , m_slots(slots)
{
    for (const auto& fault : architecture.faults)
        m_due.emplace(fromSeconds(fault.atS), Due{fault, false});
}

void FaultInjector::applyDue()
{
    while (!m_due.empty() && m_due.begin()->first <= m_kernel.now()) {
        const Due due = m_due.begin()->second;
        m_due.erase(m_due.begin());
        if (due.recovery) {
            revert(due.fault);
            m_kernel.log(Kind::Recovery, targets(due.fault), "recovered: " + model::describeFault(due.fault));
        } else if (std::string refusal = inject(due.fault); !refusal.empty()) {
            m_kernel.log(Kind::Fault, {}, "fault skipped (" + model::describeFault(due.fault) + "): " + refusal);
        }
    }
}

std::optional<uint32_t> FaultInjector::slot(const std::string& blockId) const
{
    const auto index = m_architecture.blockIndex(blockId);
    return index ? std::optional<uint32_t>(m_slots[*index]) : std::nullopt;
}

std::vector<uint32_t> FaultInjector::targets(const model::Fault& fault) const
{
    std::vector<uint32_t> indices;
    if (!fault.region.empty()) {
        for (size_t i = 0; i < m_architecture.blocks.size(); ++i)
            if (m_architecture.blocks[i].region == fault.region)
                indices.push_back(m_slots[i]);
        return indices;
    }
    if (auto from = slot(fault.block))
        indices.push_back(*from);
    if (auto to = slot(fault.to); to && !fault.to.empty())
        indices.push_back(*to);
    return indices;
}

sim::RuntimeLink* FaultInjector::link(const std::string& from, const std::string& to)
{
    const auto fromSlot = slot(from);
    const auto ordinal = m_architecture.linkOrdinal(from, to);
    if (!fromSlot || !ordinal)
        return nullptr;
    return &m_kernel.block(*fromSlot).links()[*ordinal];
}

std::string FaultInjector::inject(const model::Fault& fault)
{
    if (std::string refusal = model::faultRefusal(fault, m_architecture); !refusal.empty())
        return refusal;
    if (std::string refusal = apply(fault); !refusal.empty())
        return refusal;
    m_kernel.log(Kind::Fault, targets(fault), model::describeFault(fault));
    if (fault.durationS > 0)
        m_due.emplace(m_kernel.now() + fromSeconds(fault.durationS), Due{fault, true});
    return {};
}

void FaultInjector::schedule(SimTime at, const model::Fault& fault)
{
    model::Fault strike = fault;
    strike.durationS = 0; // its recovery is the entry below, not one inject() adds
    m_due.emplace(at, Due{strike, false});
    if (fault.durationS > 0)
        m_due.emplace(at + fromSeconds(fault.durationS), Due{fault, true});
}

std::string FaultInjector::apply(const model::Fault& fault)
{
    const std::vector<uint32_t> blocks = targets(fault);
    if (fault.action == "cut_link") {
        link(fault.block, fault.to)->cut = true;
        return {};
    }
    if (fault.action == "lose_region") {
        for (uint32_t index : blocks)
            m_kernel.block(index).setErrorRate(1);
        return {};
    }
    if (fault.action == "lose_zone") {
        loseZone(blocks, static_cast<int>(fault.value));
        return {};
    }
    sim::BlockRuntime& block = m_kernel.block(blocks.front());
    if (fault.action == "crash") {
        if (block.crash(m_kernel, static_cast<int>(fault.value)) <= 0)
            return "every instance of " + fault.block + " is already down";
    } else if (fault.action == "crash_cache") {
        if (block.crash(m_kernel, 1) <= 0)
            return fault.block + " is already down";
        if (fault.durationS <= 0)
            block.restore(m_kernel); // a process that dies and restarts at once: it comes back empty
    } else if (fault.action == "slow") {
        block.setSlowFactor(fault.value);
    } else if (fault.action == "error_rate") {
        block.setErrorRate(fault.value);
    } else {
        return block.command(m_kernel, fault.action); // flush, kill_primary, lose_projection
    }
    return {};
}

void FaultInjector::revert(const model::Fault& fault)
{
    const std::vector<uint32_t> blocks = targets(fault);
    if (blocks.empty())
        return; // its block was removed from the running design meanwhile
    if (fault.action == "cut_link") {
        if (sim::RuntimeLink* cut = link(fault.block, fault.to))
            cut->cut = false;
    } else if (fault.action == "lose_region" || fault.action == "error_rate") {
        for (uint32_t index : blocks)
            m_kernel.block(index).setErrorRate(0);
    } else if (fault.action == "lose_zone") {
        for (uint32_t index : blocks)
            if (zonesOf(index) > 0)
                m_kernel.block(index).restore(m_kernel);
    } else if (fault.action == "crash" || fault.action == "crash_cache") {
        m_kernel.block(blocks.front()).restore(m_kernel);
    } else if (fault.action == "slow") {
        m_kernel.block(blocks.front()).setSlowFactor(1);
    }
    // flush, kill_primary and lose_projection heal by themselves (refill, failover, replay).
}

int FaultInjector::zonesOf(uint32_t slotIndex) const
{
    for (size_t i = 0; i < m_architecture.blocks.size(); ++i)
        if (m_slots[i] == slotIndex) {
            const auto& params = m_architecture.blocks[i].params;
            const auto zones = params.find("zones");
            return zones == params.end() ? 0 : static_cast<int>(zones->second);
        }
    return 0;
}

void FaultInjector::loseZone(const std::vector<uint32_t>& blocks, int zone)
{
    // Instance i sits in zone i mod zones + 1, so zone k holds the i < n with
    // i = k - 1 (mod zones). Instances are identical: which ones die does not
    // matter, only how many (crash takes the last ones).
    for (uint32_t index : blocks) {
        const int zones = zonesOf(index);
        if (zones <= 0 || zone > zones)
            continue; // not a zonal block, or not spread into that zone
        sim::BlockRuntime& block = m_kernel.block(index);
        const int instances = block.instanceCount();
        const int inZone = instances >= zone ? (instances - zone) / zones + 1 : 0;
        if (inZone > 0)
            block.crash(m_kernel, inZone);
    }
}

std::string FaultInjector::recover(const std::string& blockId)
{
    const auto index = slot(blockId);
    if (!index)
        return "no block with id \"" + blockId + "\"";
    sim::BlockRuntime& block = m_kernel.block(*index);
    block.restore(m_kernel);
    block.setErrorRate(0);
    block.setSlowFactor(1);
    for (auto& link : block.links())
        link.cut = false;
    // Scheduled recoveries of this block have nothing left to do.
    for (auto it = m_due.begin(); it != m_due.end();)
        it = it->second.recovery && it->second.fault.block == blockId ? m_due.erase(it) : std::next(it);
    m_kernel.log(Kind::Recovery, {*index}, "recovered: " + blockId + " back to normal");
    return {};
}

} // namespace scalelab::sim
