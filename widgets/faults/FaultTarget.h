#pragma once
// One thing a fault can strike, as the Faults panel offers it: a block, a
// link (caller -> callee) or a region, with the label the panel shows. The
// list for an action comes from the catalogue's target kind and block kinds,
// so the panel never offers a target the engine would refuse.
#include "model/Architecture.h"
#include "model/FaultCatalog.h"

#include <QString>

#include <string>
#include <vector>

namespace scalelab::widgets {

struct FaultTarget {
    QString label;
    std::string block;  // Block: the block; Link: the calling block
    std::string to;     // Link: the called block
    std::string region; // Region: the region
    std::vector<std::string> blocks; // every block it involves, for recovery and selection

    bool sameAs(const FaultTarget& other) const
    {
        return block == other.block && to == other.to && region == other.region;
    }
    // `spec`'s fault on this target, with `value` and `durationS`.
    model::Fault fault(const model::FaultSpec& spec, double value, double durationS) const;

    // Every target of `spec` in `design`, in design order (regions by first appearance).
    static std::vector<FaultTarget> listFor(const model::FaultSpec& spec, const model::Architecture& design);
    // What to tell the user when listFor is empty ("no cache or cdn in this design").
    static QString noneReason(const model::FaultSpec& spec);
};

} // namespace scalelab::widgets
