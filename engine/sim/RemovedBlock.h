#pragma once
// What stays in a kernel slot after its block was removed from a running
// design: events and frames name blocks by slot, so the slot cannot be
// reused or shifted. Whatever still reaches it (a call on its way, a reply,
// a timer) ends at once as Outcome::Removed or is ignored; it has no links,
// no instances and no cost.
#include "sim/BlockRuntime.h"

namespace scalelab::sim {

class RemovedBlock final : public BlockRuntime {
public:
    RemovedBlock(const std::string& id, const std::string& kind, uint32_t index)
        : BlockRuntime(model::Block{id, kind, {}, {}, {}, {}, 0, 0}, index, 0, 1)
    {
    }
    void configure(sim::Kernel&, const model::Block&) override {}
    void onArrive(sim::Kernel& kernel, uint32_t frame) override { kernel.finish(frame, Outcome::Removed); }
    void onWorkDone(sim::Kernel& kernel, uint32_t frame) override { kernel.finish(frame, Outcome::Removed); }
    void onReply(sim::Kernel& kernel, uint32_t frame, sim::Outcome) override { kernel.finish(frame, Outcome::Removed); }
    int instanceCount() const override { return 0; }
};

} // namespace scalelab::sim
