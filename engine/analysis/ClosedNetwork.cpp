#include "ClosedNetwork.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace scalelab::analysis {

namespace {

constexpr int kExactUsers = 20'000;

struct StationTerms {
    double queued = 0;  // demand per copy that queues (Seidmann: D / m)
    double delayed = 0; // demand per copy that does not ((m - 1) D / m)
};

std::vector<StationTerms> termsOf(const std::vector<MvaStation>& stations)
{
    std::vector<StationTerms> terms;
    for (const MvaStation& station : stations) {
        if (station.copies < 1 || station.servers < 1 || !(station.demandS >= 0) || !(station.openUtilization >= 0) ||
            station.openUtilization >= 1)
            throw std::invalid_argument("mvaNetwork needs stations with copies and servers >= 1, demand >= 0 and "
                                        "open utilisation in [0, 1)");
        const double perCopy = station.demandS / station.copies / (1 - station.openUtilization);
        const double m = station.servers;
        terms.push_back({perCopy / m, perCopy * (m - 1) / m});
    }
    return terms;
}

// One step of the recursion: residence times for queue lengths `queue`
// (per copy) seen on arrival, then throughput and the new queue lengths.
double step(const std::vector<StationTerms>& terms, const std::vector<MvaStation>& stations, double users,
            double thinkS, double idleResponseS, std::vector<double>& queue, std::vector<double>& residence)
{
    double response = idleResponseS;
    for (size_t k = 0; k < terms.size(); ++k) {
        residence[k] = stations[k].copies * (terms[k].queued * (1 + queue[k]) + terms[k].delayed);
        response += residence[k] - stations[k].demandS; // the wait; the demand is in the idle response
    }
    const double throughput = users / (thinkS + response);
    for (size_t k = 0; k < terms.size(); ++k)
        queue[k] = throughput * terms[k].queued * (1 + queue[k]); // customers in one copy's queueing part
    return throughput;
}

} // namespace

MvaResult mvaNetwork(const std::vector<MvaStation>& stations, int users, double thinkS, double idleResponseS)
{
    if (users < 0 || !(thinkS >= 0) || !(idleResponseS >= 0))
        throw std::invalid_argument("mvaNetwork needs users >= 0, think time >= 0 and an idle response >= 0");
    const std::vector<StationTerms> terms = termsOf(stations);
    std::vector<double> queue(stations.size(), 0.0), residence(stations.size(), 0.0);
    MvaResult result;
    if (users <= kExactUsers) {
        for (int n = 1; n <= users; ++n)
            result.throughput = step(terms, stations, n, thinkS, idleResponseS, queue, residence);
    } else {
        // Schweitzer: iterate Q(N) with the arrival seeing Q(N) (N - 1) / N, from an even spread.
        const double n = users, seen = (n - 1) / n;
        for (double& q : queue)
            q = n / static_cast<double>(stations.size() + 1);
        for (int iteration = 0; iteration < 10'000; ++iteration) {
            std::vector<double> arriving = queue;
            for (double& q : arriving)
                q *= seen;
            std::vector<double> next = arriving;
            result.throughput = step(terms, stations, n, thinkS, idleResponseS, next, residence);
            double change = 0;
            for (size_t k = 0; k < queue.size(); ++k)
                change = std::max(change, std::abs(next[k] - queue[k]));
            queue = next;
            if (change < 1e-9 * n)
                break;
        }
    }
    if (users == 0)
        return result;
    result.responseS = users / result.throughput - thinkS;
    for (size_t k = 0; k < stations.size(); ++k)
        result.waitS.push_back(residence[k] - stations[k].demandS);
    return result;
}

} // namespace scalelab::analysis
