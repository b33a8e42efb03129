#include "MinimalLoop.h"

#include "sim/Rng.h"
#include "sim/VectorState.h"
#include "stats/BlockMetrics.h"

#include <chrono>
#include <deque>
#include <functional>
#include <queue>
#include <vector>

namespace scalelab::bench {

namespace {

// The plain loop records nothing beyond its mean: these compile away.
struct NoStatistics {
    void arrived() {}
    void started(double) {}
    void queued(double) {}
    void dequeued(double) {}
    void stopped(double) {}
    void finished(double, double) {}
};

// What the engine records per request for this network: each of its three
// blocks (client, balancer, service) counts the arrival and puts the
// latency in its histogram, and the service integrates its busy workers
// and queue over time (utilisation, mean queue).
class EngineStatistics {
public:
    void arrived()
    {
        for (stats::BlockMetrics* block : {&m_client, &m_balancer, &m_service})
            block->arrived();
    }
    void started(double now) { m_service.busy().add(sim::fromSeconds(now), 1); }
    void stopped(double now) { m_service.busy().add(sim::fromSeconds(now), -1); }
    void queued(double now) { m_service.queued().add(sim::fromSeconds(now), 1); }
    void dequeued(double now) { m_service.queued().add(sim::fromSeconds(now), -1); }
    void finished(double now, double arrivedAt)
    {
        const sim::SimTime spent = sim::fromSeconds(now) - sim::fromSeconds(arrivedAt);
        for (stats::BlockMetrics* block : {&m_service, &m_balancer, &m_client})
            block->finished(spent, sim::Outcome::Ok);
    }

private:
    // The engine's windows hold the series the plots draw; one minute's worth here.
    stats::BlockMetrics m_client{60}, m_balancer{60}, m_service{60};
};

template <typename Statistics>
MinimalLoopResult runLoop(const MinimalLoopConfig& config, Statistics& statistics)
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
            statistics.arrived();
            const int instance = nextInstance;
            nextInstance = (nextInstance + 1) % config.instances;
            if (busy[static_cast<size_t>(instance)] < config.workersPerInstance) {
                ++busy[static_cast<size_t>(instance)];
                statistics.started(now);
                departures.push({now + service.exponential(meanService), instance, now});
            } else {
                statistics.queued(now);
                waiting[static_cast<size_t>(instance)].push_back(now);
            }
            nextArrival = now + arrivals.exponential(meanGap);
        } else {
            const Departure done = departures.top();
            departures.pop();
            ++result.completed;
            latencySum += now - done.arrivedAt;
            statistics.finished(now, done.arrivedAt);
            auto& queue = waiting[static_cast<size_t>(done.instance)];
            if (queue.empty()) {
                --busy[static_cast<size_t>(done.instance)];
                statistics.stopped(now);
            } else {
                statistics.dequeued(now);
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

} // namespace

MinimalLoopResult runMinimalLoop(const MinimalLoopConfig& config)
{
    NoStatistics none;
    return runLoop(config, none);
}

MinimalLoopResult runMinimalLoopWithStatistics(const MinimalLoopConfig& config)
{
    EngineStatistics engineStatistics;
    return runLoop(config, engineStatistics);
}

} // namespace scalelab::bench
