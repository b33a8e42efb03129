#pragma once
// A failure to inject: scheduled in a scenario file ("faults") or applied
// live from the Faults panel. What each action means, what it applies to
// and what its value is lives in FaultCatalog, the one list the file
// format, the simulator and the panel read.
#include <string>

namespace scalelab::model {

struct Fault {
    double atS = 0;         // simulated second it strikes (scheduled faults)
    std::string action;     // FaultCatalog name: crash, slow, error_rate...
    std::string block;      // target block; for cut_link, the calling block
    std::string to;         // cut_link: the called block
    std::string region;     // lose_region: the region
    double value = 0;       // instances, factor or probability, per the action
    double durationS = 0;   // recovers after this long; 0 = stays until recovered

    bool operator==(const Fault&) const = default;
};

} // namespace scalelab::model
