#pragma once
// One line of a run's event log: a fault that struck, or a reaction of the
// design to it (a breaker opened, an autoscaler added instances, a replica
// was promoted). The cascade timeline lists these; clicking one highlights
// its blocks.
#include <string>
#include <vector>

namespace scalelab::stats {

struct EventLogEntry {
    enum class Kind { Fault, Recovery, Reaction };

    double atS = 0; // simulated seconds
    Kind kind = Kind::Reaction;
    std::vector<std::string> blocks; // ids of the blocks involved
    std::string text;
};

} // namespace scalelab::stats
