#include "AutoWarmup.h"

#include "Simulator.h"
#include "stats/Mser5.h"

#include <algorithm>
#include <cmath>

namespace scalelab::sim {

WarmupChoice warmupFromSeries(const std::vector<stats::WindowSample>& series, double windowS)
{
    WarmupChoice choice;
    choice.window = fromSeconds(windowS);
    std::vector<double> latency, throughput;
    std::vector<double> latencyEnds; // end time of each latency observation
    for (const auto& sample : series) {
        throughput.push_back(sample.throughputPerSecond);
        if (sample.throughputPerSecond > 0) {
            latency.push_back(sample.meanMs);
            latencyEnds.push_back(sample.endSeconds);
        }
    }
    const stats::Mser5Result throughputCut = stats::mser5(throughput);
    const stats::Mser5Result latencyCut = stats::mser5(latency);
    // Deleting `truncated` observations means measuring from the start of
    // observation `truncated`, i.e. from the end of the one before it.
    choice.throughputCutS = double(throughputCut.truncated) * windowS;
    choice.latencyCutS = latencyCut.truncated > 0 ? latencyEnds[latencyCut.truncated - 1] : 0;
    choice.atLimit = throughputCut.atLimit || latencyCut.atLimit;
    choice.warmup = fromSeconds(std::max(choice.throughputCutS, choice.latencyCutS));
    return choice;
}

WarmupChoice chooseWarmup(const model::Architecture& design, SimTime horizon, uint64_t seed,
                          const std::function<bool(SimTime now)>& monitor, size_t memoryBudget)
{
    SimulatorOptions options;
    options.window = std::max<SimTime>(horizon / kPilotWindows, kMillisecond);
    options.windowCapacity = static_cast<size_t>(horizon / options.window) + 2;
    options.memoryBudget = memoryBudget;
    Simulator pilot(design, seed, options);
    if (monitor)
        pilot.setMonitor([&] { return monitor(pilot.now()); });
    if (!pilot.runUntil(horizon)) {
        WarmupChoice stopped;
        stopped.interrupted = true;
        return stopped;
    }
    return warmupFromSeries(pilot.snapshot(true).series, toSeconds(options.window));
}

} // namespace scalelab::sim
