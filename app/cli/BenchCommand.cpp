#include "BenchCommand.h"

#include "bench/BenchDesign.h"
#include "CliOutput.h"
#include "MemoryBench.h"
#include "RealTimeBench.h"
#include "bench/MinimalLoop.h"
#include "run/Simulator.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>

#include <chrono>
#include <cstdio>
#include <string>

#ifdef __linux__
#include <sched.h>
#endif

namespace scalelab::cli {

namespace {

struct Measurement {
    uint64_t completed = 0;
    uint64_t events = 0;
    double wallSeconds = 0;
    double meanLatencyMs = 0;
    double perWallSecond() const { return perSecond(completed); }
    double eventsPerWallSecond() const { return perSecond(events); }
    double perSecond(uint64_t count) const { return wallSeconds > 0 ? static_cast<double>(count) / wallSeconds : 0; }
};

Measurement measureEngine(const model::Architecture& design, const bench::MinimalLoopConfig& config)
{
    const auto start = std::chrono::steady_clock::now();
    sim::Simulator simulator(design, config.seed);
    simulator.runUntil(sim::fromSeconds(config.durationS));
    const stats::Snapshot snap = simulator.snapshot();
    Measurement m;
    m.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.completed = snap.completed;
    m.events = simulator.events();
    m.meanLatencyMs = snap.latency.meanMs;
    return m;
}

Measurement measureLoop(bench::MinimalLoopResult (*loop)(const bench::MinimalLoopConfig&),
                        const bench::MinimalLoopConfig& config)
{
    const bench::MinimalLoopResult result = loop(config);
    return {result.completed, result.events, result.wallSeconds, result.meanLatencyMs};
}

// Pins this thread to `cpu` (-1: the one it runs on now) so that both sides
// run on the same core: on a virtual machine the cores differ (one may share
// its physical core with a busy neighbour), and a thread that migrates
// between the runs would compare the engine on one with the loop on another.
// Returns the core, or -1 where pinning is not possible.
int pinToCpu(int cpu)
{
#ifdef __linux__
    if (cpu < 0)
        cpu = sched_getcpu();
    if (cpu < 0 || cpu >= CPU_SETSIZE)
        return -1;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0 ? cpu : -1;
#else
    (void)cpu;
    return -1;
#endif
}

} // namespace

int benchCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Measure the engine's speed against a minimal hand-written loop of the "
                                     "benchmark network (50,000 rps, round robin, 4 instances x 8 workers, "
                                     "exponential 0.5 ms service, 60 s simulated), and the engine alone on the same "
                                     "network with a user's defaults (timeouts, balancer overhead, link latencies).");
    parser.addOption({"json", "Print the result as JSON."});
    parser.addOption({"repeat", "Runs of each side; the fastest counts (default 3).", "n", "3"});
    parser.addOption({"memory", "Instead, measure peak memory (each in its own process): the bench design after 1 "
                                  "simulated minute and after 1 hour, 1,000 generated blocks, and a pool of 100,000 "
                                  "instances x 10 workers, against a baseline run."});
    parser.addOption({"cpu", "Run on this CPU (default: the one the command starts on).", "n"});
    parser.addOption({"realtime", "Instead, the real-time factor (simulated / wall seconds) of every bundled example "
                                  "over 30 simulated seconds, and of generated 1M rps designs that cells cannot split: "
                                  "skewed keys over 256 shards, sampled (10 s) and whole (2 s); unequal fleets and a "
                                  "celebrity fan-out, whole (5 s each)."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    bool ok = false;
    const int repeat = parser.value("repeat").toInt(&ok);
    if (!ok || repeat < 1 || repeat > 100)
        return usageError("--repeat must be a whole number from 1 to 100");

    int requestedCpu = -1;
    if (parser.isSet("cpu")) {
        requestedCpu = parser.value("cpu").toInt(&ok);
        if (!ok || requestedCpu < 0)
            return usageError("--cpu must be a CPU number, 0 or more");
    }

    const bench::MinimalLoopConfig config;
    if (parser.isSet("memory"))
        return memoryBench(config, parser.isSet("json"));
    if (parser.isSet("realtime")) {
        pinToCpu(requestedCpu);
        return realTimeBench(30, 1'000'000, parser.isSet("json"));
    }
    // Interleave the two sides so that a slow phase of the machine hits both;
    // the fastest run of each side is the least disturbed one.
    const int cpu = pinToCpu(requestedCpu);
    if (requestedCpu >= 0 && cpu != requestedCpu)
        return usageError("--cpu " + std::to_string(requestedCpu) + ": this machine cannot run on that CPU");
    const model::Architecture design = bench::benchDesign(config);
    const model::Architecture withDefaults = bench::benchDesignWithDefaults(config);
    Measurement engine, baseline, baselineWithStatistics, defaults;
    const auto keepFastest = [](Measurement& best, const Measurement& run, int i) {
        if (i == 0 || run.wallSeconds < best.wallSeconds)
            best = run;
    };
    for (int i = 0; i < repeat; ++i) {
        keepFastest(engine, measureEngine(design, config), i);
        keepFastest(baseline, measureLoop(bench::runMinimalLoop, config), i);
        keepFastest(baselineWithStatistics, measureLoop(bench::runMinimalLoopWithStatistics, config), i);
        keepFastest(defaults, measureEngine(withDefaults, config), i);
    }
    const double ratio = baseline.perWallSecond() > 0 ? engine.perWallSecond() / baseline.perWallSecond() : 0;
    if (parser.isSet("json")) {
        nlohmann::ordered_json json;
        json["design"] = {{"rate_rps", config.rateRps},       {"instances", config.instances},
                          {"workers", config.workersPerInstance}, {"service_time_ms", config.serviceTimeMs},
                          {"sim_seconds", config.durationS},  {"seed", config.seed}};
        const auto side = [](const Measurement& m) {
            return nlohmann::ordered_json{{"requests", m.completed},
                                          {"events", m.events},
                                          {"wall_seconds", m.wallSeconds},
                                          {"requests_per_wall_second", m.perWallSecond()},
                                          {"events_per_wall_second", m.eventsPerWallSecond()},
                                          {"mean_latency_ms", m.meanLatencyMs}};
        };
        json["engine"] = side(engine);
        json["baseline"] = side(baseline);
        json["baseline_with_statistics"] = side(baselineWithStatistics);
        json["engine_with_defaults"] = side(defaults);
        json["ratio"] = ratio;
        json["repeat"] = repeat;
        json["cpu"] = cpu;
        std::printf("%s\n", json.dump(2).c_str());
        return kExitOk;
    }
    std::printf("benchmark: %.0f rps, %d instances x %d workers, %.2f ms exponential service, %.0f s simulated, "
                "best of %d%s\n\n",
                config.rateRps, config.instances, config.workersPerInstance, config.serviceTimeMs, config.durationS,
                repeat, cpu >= 0 ? (", both on CPU " + std::to_string(cpu)).c_str() : "");
    std::printf("%-14s %10s %10s %8s %16s %16s %10s\n", "", "requests", "events", "wall s", "requests/wall-s",
                "events/wall-s", "mean ms");
    const auto row = [](const char* name, const Measurement& m) {
        std::printf("%-14s %10llu %10llu %8.3f %16.0f %16.0f %10.4f\n", name,
                    static_cast<unsigned long long>(m.completed), static_cast<unsigned long long>(m.events),
                    m.wallSeconds, m.perWallSecond(), m.eventsPerWallSecond(), m.meanLatencyMs);
    };
    row("engine", engine);
    row("minimal loop", baseline);
    std::printf("\nratio engine / minimal loop: %.2f\n\n", ratio);
    // The loop keeps no statistics; the engine keeps what the window shows.
    // With them the loop is the least any engine of this network costs.
    std::printf("The loop with the statistics the engine keeps (three blocks' counts and latency histograms,\n"
                "the service's busy and queue integrals):\n");
    row("loop + stats", baselineWithStatistics);
    std::printf("engine time beyond it: %.0f ns a request\n\n",
                engine.completed ? (engine.wallSeconds - baselineWithStatistics.wallSeconds) * 1e9 /
                                       static_cast<double>(engine.completed)
                                 : 0.0);
    std::printf("The same network with a user's defaults (1 s client timeout, 0.1 ms balancer overhead, 0.5 ms links),\n"
                "which the loop does not model:\n");
    row("engine", defaults);
    return kExitOk;
}

} // namespace scalelab::cli
