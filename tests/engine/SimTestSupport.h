#pragma once
// Shared helpers of the engine tests: small designs built in code, runs
// with warm-up removed, and confidence intervals by batch means over the
// statistics windows (each window one batch).
#include "model/Architecture.h"
#include "model/Registry.h"
#include "run/Simulator.h"
#include "stats/ConfidenceInterval.h"

#include <QString>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scalelab::testing {

// Confidence used for every "simulation matches theory" assertion: with a
// fixed seed a test is deterministic, and 99.9% keeps a correct engine
// well inside the band while a biased one (a wrong formula, a lost request)
// falls out of it once the run is long enough.
constexpr double kConfidence = 0.999;

inline model::Link wire(const std::string& from, const std::string& to, double latencyMs = 0)
{
    model::Link l = model::makeLink(from, to);
    l.params["latency_ms"] = latencyMs;
    return l;
}

// The stored value of the choice `name` of parameter `key` of block kind `kind`.
using model::choiceValue;

// A client with no timeout and no retries: the textbook's infinite patience.
inline model::Block patientClient(const std::string& id, double rateRps)
{
    model::Block client = model::makeBlock("client", id);
    client.params["rate_rps"] = rateRps;
    client.params["read_ratio"] = 1;
    client.params["timeout_ms"] = 0;
    client.params["retries"] = 0;
    return client;
}

inline model::Block service(const std::string& id, int instances, int workers, double serviceMs, double cv,
                            int queueCapacity = 10'000'000)
{
    model::Block block = model::makeBlock("service", id);
    block.params["instances"] = instances;
    block.params["workers"] = workers;
    block.params["service_time_ms"] = serviceMs;
    block.params["service_cv"] = cv;
    block.params["queue_capacity"] = queueCapacity;
    return block;
}

// Runs `warmupS` then `measureS` with windows of `windowS` seconds, and
// returns the snapshot of the measured period.
inline stats::Snapshot simulate(const model::Architecture& design, double warmupS, double measureS,
                                uint64_t seed = 1, double windowS = 10,
                                const std::function<void(sim::Simulator&)>& afterWarmup = {})
{
    sim::SimulatorOptions options;
    options.window = sim::fromSeconds(windowS);
    options.windowCapacity = static_cast<size_t>((warmupS + measureS) / windowS) + 2;
    sim::Simulator simulator(design, seed, options);
    simulator.runUntil(sim::fromSeconds(warmupS));
    if (afterWarmup)
        afterWarmup(simulator);
    simulator.resetStats();
    simulator.runUntil(sim::fromSeconds(warmupS + measureS));
    return simulator.snapshot(true);
}

// Windows that lie entirely in the measured period.
inline std::vector<stats::WindowSample> measuredWindows(const std::vector<stats::WindowSample>& series,
                                                        double measuredFromS)
{
    std::vector<stats::WindowSample> result;
    for (const auto& sample : series)
        if (sample.endSeconds > measuredFromS + 1e-9)
            result.push_back(sample);
    return result;
}

// Interval for a per-window figure, weighted by `weight` of each window.
inline stats::ConfidenceInterval windowInterval(const std::vector<stats::WindowSample>& windows,
                                                const std::function<double(const stats::WindowSample&)>& value,
                                                const std::function<double(const stats::WindowSample&)>& weight)
{
    std::vector<double> values, weights;
    for (const auto& sample : windows) {
        values.push_back(value(sample));
        weights.push_back(weight(sample));
    }
    return stats::batchMeansInterval(values, weights, kConfidence);
}

// The snapshot of block `id`; throws when there is none.
inline const stats::BlockSnapshot& block(const stats::Snapshot& snap, const std::string& id)
{
    for (const auto& b : snap.blocks)
        if (b.id == id)
            return b;
    throw std::out_of_range("no block " + id + " in the snapshot");
}

// Event log entries whose text contains `words`, in order.
inline std::vector<stats::EventLogEntry> logged(const stats::Snapshot& snap, const std::string& words)
{
    std::vector<stats::EventLogEntry> found;
    for (const auto& entry : snap.eventLog)
        if (entry.text.find(words) != std::string::npos)
            found.push_back(entry);
    return found;
}

// "what: measured M, expected E +/- T", for a figure checked against a band.
inline QString measuredAgainst(const char* what, double measured, double expected, double tolerance)
{
    return QString("%1: measured %2, expected %3 +/- %4")
        .arg(what)
        .arg(measured, 0, 'g', 6)
        .arg(expected, 0, 'g', 6)
        .arg(tolerance, 0, 'g', 3);
}

inline QString describe(const char* what, double theory, const stats::ConfidenceInterval& ci)
{
    return QString("%1: theory %2, simulated %3 +/- %4 (%5% CI over %6 batches)")
        .arg(what)
        .arg(theory, 0, 'g', 6)
        .arg(ci.mean, 0, 'g', 6)
        .arg(ci.halfWidth, 0, 'g', 3)
        .arg(kConfidence * 100)
        .arg(ci.samples);
}

} // namespace scalelab::testing
