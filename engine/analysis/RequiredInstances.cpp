#include "RequiredInstances.h"

#include "Queueing.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <stdexcept>
#include <string>

namespace scalelab::analysis {

namespace {

void require(bool ok, const std::string& message)
{
    if (!ok)
        throw std::invalid_argument(message);
}

} // namespace

int instancesForUtilization(double lambda, double holdingTimeS, int workersPerInstance, double targetUtilization)
{
    require(lambda >= 0 && std::isfinite(lambda), "arrival rate must be a finite number >= 0");
    require(holdingTimeS > 0 && std::isfinite(holdingTimeS), "holding time must be a finite number > 0");
    require(workersPerInstance >= 1, "workers per instance must be >= 1");
    require(targetUtilization > 0 && targetUtilization <= 1, "target utilisation must be in (0, 1]");

    // The closed form ceil(load / (workers * target)) is monotone, so no
    // search is needed; the tolerance stops 210 x 0.1 / (3 x 0.7), which
    // computes to 10.000000000000002, from asking for an 11th instance.
    const double needed = lambda * holdingTimeS / (workersPerInstance * targetUtilization);
    const double nearest = std::round(needed);
    const double n = std::abs(needed - nearest) <= 1e-9 * std::max(1.0, needed) ? nearest : std::ceil(needed);
    if (n > INT_MAX)
        throw std::out_of_range("more than " + std::to_string(INT_MAX) + " instances needed");
    return std::max(1, static_cast<int>(n));
}

int instancesForLatency(double lambda, double meanService, double serviceCv, int workersPerInstance,
                        double targetMeanResponseS, int maxInstances)
{
    require(lambda >= 0 && std::isfinite(lambda), "arrival rate must be a finite number >= 0");
    require(meanService > 0 && std::isfinite(meanService), "mean service time must be a finite number > 0");
    require(serviceCv >= 0 && std::isfinite(serviceCv), "service time coefficient of variation must be >= 0");
    require(workersPerInstance >= 1, "workers per instance must be >= 1");
    require(maxInstances >= 1, "maximum instance count must be >= 1");
    require(!std::isnan(targetMeanResponseS), "target mean response time must be a number");

    if (lambda == 0)
        return targetMeanResponseS >= meanService ? 1 : -1;
    // With traffic every request has a positive chance of queueing, so the
    // mean service time itself is out of reach.
    if (targetMeanResponseS <= meanService)
        return -1;
    auto meets = [&](int n) {
        return mgcApprox(lambda / n, meanService, serviceCv, workersPerInstance).meanResponse
               <= targetMeanResponseS;
    };
    if (!meets(maxInstances))
        return -1;
    int lo = 1, hi = maxInstances; // invariant: hi meets the target
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (meets(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return hi;
}

} // namespace scalelab::analysis
