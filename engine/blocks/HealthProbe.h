#pragma once
// Health checking as load balancers and DNS services do it: a target is
// taken out after `threshold` failed probes in a row and comes back with
// the first good one. Shared by the load balancer (per instance) and GeoDNS
// (per region).
#include "sim/BlockRuntime.h"

namespace scalelab::blocks {

struct HealthProbe {
    enum class Change { None, WentDown, CameBack };

    bool healthy = true;
    int failedChecks = 0;

    // Records one probe; says whether the target's health just changed.
    Change record(bool up, int threshold)
    {
        if (up) {
            failedChecks = 0;
            if (healthy)
                return Change::None;
            healthy = true;
            return Change::CameBack;
        }
        if (++failedChecks < threshold || !healthy)
            return Change::None;
        healthy = false;
        return Change::WentDown;
    }

    // A probe of `block` (one instance, or -1 for the block as a whole)
    // succeeds unless the instance is down or every call fails.
    static bool answers(const sim::BlockRuntime& block, int instance)
    {
        return block.errorRate() < 1 && block.instanceUp(instance);
    }
};

} // namespace scalelab::blocks
