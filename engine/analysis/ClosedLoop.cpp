#include "ClosedLoop.h"

#include <stdexcept>

namespace scalelab::analysis {

ClosedLoopMetrics mvaSingleStation(int users, double serviceS, double thinkS)
{
    if (users < 0 || !(serviceS > 0) || !(thinkS >= 0))
        throw std::invalid_argument("mvaSingleStation needs users >= 0, service time > 0 and think time >= 0");
    ClosedLoopMetrics metrics;
    double queue = 0; // mean number at the station with one user fewer
    for (int n = 1; n <= users; ++n) {
        // An arriving user sees the queue of a system with n - 1 users (arrival theorem).
        metrics.meanResponse = serviceS * (1 + queue);
        metrics.throughput = n / (metrics.meanResponse + thinkS);
        queue = metrics.throughput * metrics.meanResponse;
    }
    metrics.utilization = metrics.throughput * serviceS;
    return metrics;
}

} // namespace scalelab::analysis
