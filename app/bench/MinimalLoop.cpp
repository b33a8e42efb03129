#include "MinimalLoop.h"

#include "sim/Rng.h"
#include "sim/VectorState.h"

#include <chrono>
#include <deque>
#include <functional>
#include <queue>
#include <vector>

namespace scalelab::bench {

MinimalLoopResult runMinimalLoop(const MinimalLoopConfig& config)
{
    sim::clearVectorUpperState(); // as the engine does before each slice (sim/VectorState.h)
    const auto wallStart = std::chrono::steady_clock::now();
    sim::Rng arrivals(config.seed, "client");
    sim::Rng service(config.seed, "service");
    const double end = config.durationS;
    const double meanGap = 1.0 / config.rateRps;
    const double meanService = config.serviceTimeMs / 1000.0;

    struct Departure {
        double time;
        int instance;
        double arrivedAt;
        bool operator>(const Departure& other) const { return time > other.time; }
    };
    std::priority_queue<Departure, std::vector<Departure>, std::greater<>> departures;
    std::vector<int> busy(static_cast<size_t>(config.instances), 0);
    std::vector<std::deque<double>> waiting(static_cast<size_t>(config.instances));

    MinimalLoopResult result;
    double latencySum = 0;
    double nextArrival = arrivals.exponential(meanGap);
    int nextInstance = 0;
    uint64_t arrivalsHandled = 0;
    while (true) {
        const bool arrivalFirst = departures.empty() || nextArrival < departures.top().time;
        const double now = arrivalFirst ? nextArrival : departures.top().time;
        if (now > end)
            break;
        if (arrivalFirst) {
            ++arrivalsHandled;
            const int instance = nextInstance;
            nextInstance = (nextInstance + 1) % config.instances;
            if (busy[static_cast<size_t>(instance)] < config.workersPerInstance) {
                ++busy[static_cast<size_t>(instance)];
                departures.push({now + service.exponential(meanService), instance, now});
            } else {
                waiting[static_cast<size_t>(instance)].push_back(now);
            }
            nextArrival = now + arrivals.exponential(meanGap);
        } else {
            const Departure done = departures.top();
            departures.pop();
            ++result.completed;
            latencySum += now - done.arrivedAt;
            auto& queue = waiting[static_cast<size_t>(done.instance)];
            if (queue.empty()) {
                --busy[static_cast<size_t>(done.instance)];
            } else {
                departures.push({now + service.exponential(meanService), done.instance, queue.front()});
                queue.pop_front();
            }
        }
    }
    result.events = arrivalsHandled + result.completed;
    result.meanLatencyMs = result.completed ? latencySum / static_cast<double>(result.completed) * 1000.0 : 0;
    result.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    return result;
}

} // namespace scalelab::bench
