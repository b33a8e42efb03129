#pragma once
// Scatter-gather inside one block: a call split into internal parts, one per
// instance it needs (a sharded database's cross-shard read, a search
// index's query over every shard, a write to every copy of a shard). The
// call answers when its last part has, with the first error any part met.
// Cost: one hash entry per call in flight, O(1) per part.
#include "InstancePool.h"
#include "core/Outcome.h"
#include "sim/Kernel.h"

#include <optional>
#include <unordered_map>
#include <vector>

namespace scalelab::blocks {

class GatherTable {
public:
    // Sends one internal part of `frame` to each of `instances` of `pool`
    // (a refused part fails at once; if that finishes the frame, no more go).
    void scatter(sim::Kernel& kernel, InstancePool& pool, uint32_t frame, const std::vector<int>& instances);
    // A part of `frame` ended: the gather's outcome once it was the last part,
    // nothing before (nor for a frame that is no gather).
    std::optional<sim::Outcome> partDone(uint32_t frame, sim::Outcome outcome);
    // The frame finished without its parts (a timeout): late parts are dropped.
    void forget(uint32_t frame) { m_gathers.erase(frame); }

private:
    struct Gather {
        int remaining = 0;
        sim::Outcome outcome = sim::Outcome::Ok; // the first error, if any
    };
    std::unordered_map<uint32_t, Gather> m_gathers; // parent frame -> progress
};

} // namespace scalelab::blocks
