#include "GatherTable.h"

namespace scalelab::blocks {

void GatherTable::scatter(sim::Kernel& kernel, InstancePool& pool, uint32_t frame, const std::vector<int>& instances)
{
    m_gathers[frame] = Gather{static_cast<int>(instances.size()), sim::Outcome::Ok};
    kernel.frames()[frame].state = sim::FrameState::Calling;
    const uint32_t generation = kernel.frames().generation(frame);
    for (const int instance : instances) {
        // A rejected part may finish the whole gather inline: stop then.
        if (!kernel.frames().isLive(frame, generation))
            return;
        const uint32_t part = kernel.spawnInternal(frame);
        if (pool.admit(kernel, part, instance) == InstancePool::Admission::Rejected)
            kernel.finish(part, sim::Outcome::Rejected);
    }
}

std::optional<sim::Outcome> GatherTable::partDone(uint32_t frame, sim::Outcome outcome)
{
    auto it = m_gathers.find(frame);
    if (it == m_gathers.end())
        return std::nullopt;
    if (outcome != sim::Outcome::Ok && it->second.outcome == sim::Outcome::Ok)
        it->second.outcome = outcome;
    if (--it->second.remaining > 0)
        return std::nullopt;
    const sim::Outcome result = it->second.outcome;
    m_gathers.erase(it);
    return result;
}

} // namespace scalelab::blocks
