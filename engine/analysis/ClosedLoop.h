#pragma once
// Closed-loop load: N users who each think (mean Z) and then wait for one
// request at a single queueing station. Exact mean value analysis (MVA,
// Reiser and Lavenberg) for an exponential FCFS station with one server
// and a delay (think) station of any distribution: the model the simulator's
// closed-loop clients are checked against, and the interactive response-time
// law X = N / (R + Z) that ties the two means together.
namespace scalelab::analysis {

struct ClosedLoopMetrics {
    double throughput = 0;   // requests per second, X
    double meanResponse = 0; // seconds, R = N / X - Z
    double utilization = 0;  // X * S
};

// O(users). Throws std::invalid_argument for users < 0, serviceS <= 0 or thinkS < 0.
ClosedLoopMetrics mvaSingleStation(int users, double serviceS, double thinkS);

} // namespace scalelab::analysis
