#pragma once
// The back-of-envelope sizing rule from the seed material ("Capacity
// Planning"):
//   servers = peak RPS x latency (s) / concurrent connections per server
// then +buffer headroom, then x redundancy.
//
// Assumptions and validity: Little's law gives the mean number of requests in
// flight (peak x latency) in steady state; dividing by what one server holds
// at once assumes load spreads evenly and that latency does not grow as the
// servers fill up. That holds only well below saturation, which is what the
// buffer is for; use Queueing.h / RequiredInstances.h when queueing delay
// matters. Redundancy multiplies whole deployments (zones, replicas), so it
// is applied after rounding.
#include <string>
#include <vector>

namespace scalelab::analysis {

// One line of the worked calculation, for display next to the result.
struct CapacityStep {
    std::string label;   // e.g. "Base servers"
    std::string formula; // e.g. "20,000 ÷ 10,000 = 2 servers" (UTF-8)
    double value;        // the figure the step ends with (server counts rounded up)
};

struct CapacityPlan {
    double baseServers; // exact ratio, not rounded
    int baseRounded;    // ceil(baseServers)
    int withBuffer;     // ceil(baseServers x (1 + buffer))
    int withRedundancy; // withBuffer x redundancy
    std::vector<CapacityStep> steps;
};

// peakRps, latencyMs, concurrencyPerServer must be > 0, buffer >= 0 (a
// fraction: 0.5 = +50%), redundancy >= 1; otherwise std::invalid_argument.
// std::out_of_range if a count does not fit in an int.
// The buffer applies to the exact ratio, not the rounded base, so rounding
// is not paid twice (1.2 servers + 50% = 1.8 -> 2, not 2 x 1.5 = 3).
// Roundings forgive floating-point noise of ~1e-9 relative, so 50 x 1.1
// (55.00000000000001 in doubles) is 55 servers, not 56.
CapacityPlan capacityPlan(double peakRps, double latencyMs, double concurrencyPerServer, double buffer = 0.5,
                          int redundancy = 2);

// Human formatting for worked steps: "100,000", "11,574.07", "0.2", "0.0035".
std::string formatNumber(double x);

} // namespace scalelab::analysis
