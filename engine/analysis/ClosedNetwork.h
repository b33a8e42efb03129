#pragma once
// Mean value analysis of a closed network: N users who think (mean Z) and
// then send one request through a set of queueing stations and fixed
// delays. Exact MVA (Reiser and Lavenberg) for single-server stations;
// a station of m servers follows Seidmann's approximation (a single server
// m times faster plus a delay of the remaining (m - 1)/m of the work), and
// open traffic on a station inflates its closed demand by 1 / (1 - U_open),
// the usual treatment of a mixed network. Above 20,000 users the
// recursion gives way to Schweitzer's approximation (Q(N - 1) ~ Q(N)(N - 1)/N),
// whose error vanishes as N grows.
#include <vector>

namespace scalelab::analysis {

struct MvaStation {
    int copies = 1;             // identical stations sharing the visits evenly (instances behind a balancer)
    int servers = 1;            // servers per copy (workers)
    double demandS = 0;         // work per closed request over all copies, in seconds (visits x time per visit)
    double openUtilization = 0; // per server, from open traffic
};

struct MvaResult {
    double throughput = 0;          // closed requests per second, X
    double responseS = 0;           // per request, think time not included
    std::vector<double> waitS;      // per request, time queueing at each station beyond its demand
};

// `idleResponseS`: a request's response time with no queueing anywhere.
// The response is that plus the waits at the stations, so a station's time
// that is nested in another's (a worker held while it calls a database)
// is not counted twice; with no nesting it is the delays plus the demands.
// Throws std::invalid_argument for users < 0, thinkS < 0, idleResponseS < 0
// or a station with no servers or a saturating open load.
MvaResult mvaNetwork(const std::vector<MvaStation>& stations, int users, double thinkS, double idleResponseS);

} // namespace scalelab::analysis
