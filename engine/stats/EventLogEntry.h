#pragma once
// One line of a run's event log: a fault that struck, a reaction of the
// design to it (a breaker opened, an autoscaler added instances, a replica
// was promoted), or a live edit of the design ("cache added",
// "db.read_time_ms = 20") that plots mark on their time axis. The cascade timeline lists these; clicking one highlights
// its blocks.
#include <string>
#include <vector>

namespace scalelab::stats {

struct EventLogEntry {
    enum class Kind { Fault, Recovery, Reaction, Design };

    double atS = 0; // simulated seconds
    Kind kind = Kind::Reaction;
    std::vector<std::string> blocks; // ids of the blocks involved
    std::string text;
};

} // namespace scalelab::stats
