#include "RealTimeBench.h"

#include "CliOutput.h"
#include "bench/ScaleDesigns.h"
#include "io/ScenarioFile.h"
#include "run/Simulator.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace scalelab::cli {

namespace {

struct Timing {
    std::string name;
    double simSeconds = 0;
    double wallSeconds = 0;
    double cpuSeconds = 0; // this thread's: what one core gave it, whatever else the machine ran
    uint64_t requests = 0;
    std::string note;
    double factor() const { return wallSeconds > 0 ? simSeconds / wallSeconds : 0; }
    double cpuFactor() const { return cpuSeconds > 0 ? simSeconds / cpuSeconds : 0; }
};

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

Timing time(const std::string& name, const model::Architecture& design, double seconds)
{
    Timing timing;
    timing.name = name;
    timing.simSeconds = seconds;
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = threadCpuSeconds();
    sim::Simulator simulator(design, 1);
    simulator.runUntil(sim::fromSeconds(seconds));
    const stats::Snapshot snap = simulator.snapshot();
    timing.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    timing.cpuSeconds = threadCpuSeconds() - cpuStart;
    timing.requests = snap.requests;
    timing.note = snap.sampling;
    return timing;
}

// Wall time is what a user sees; CPU time is what one core delivers when
// the machine is shared (the two agree on a quiet machine).
void print(const Timing& timing)
{
    std::printf("%-40s %5.0f s sim %7.2f s wall %8.2fx real time   %7.2f s CPU %8.2fx\n", timing.name.c_str(),
                timing.simSeconds, timing.wallSeconds, timing.factor(), timing.cpuSeconds, timing.cpuFactor());
}

} // namespace

int realTimeBench(double exampleSeconds, double rateRps, bool json)
{
    std::vector<Timing> examples;
    const QStringList files = QDir(":/examples").entryList({"*.scalelab"}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        QFile source(":/examples/" + file);
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const model::Architecture design =
            io::parseScenario(source.readAll().toStdString(), file.toStdString());
        examples.push_back(time(file.toStdString(), design, exampleSeconds));
        if (!json)
            print(examples.back());
    }
    // Huge designs that cells cannot split, each at `rateRps`.
    model::Architecture skewed = bench::skewedShardDesign(rateRps, 256, 1.0);
    const Timing sampled = time("skewed shards, sampled", skewed, 10);
    skewed.sampling = model::ShardSampling::Off;
    const Timing whole = time("skewed shards, whole", skewed, 2);
    const Timing unequal = time("unequal fleets, whole", bench::unequalFleetsDesign(rateRps), 5);
    const Timing celebrity = time("celebrity fan-out on write, whole", bench::celebrityFanoutDesign(rateRps), 5);
    const auto generatedJson = [rateRps](const Timing& timing) {
        return nlohmann::ordered_json{{"run", timing.name},
                                      {"rate_rps", rateRps},
                                      {"sim_seconds", timing.simSeconds},
                                      {"wall_seconds", timing.wallSeconds},
                                      {"cpu_seconds", timing.cpuSeconds},
                                      {"real_time_factor", timing.factor()},
                                      {"cpu_real_time_factor", timing.cpuFactor()},
                                      {"sampling", timing.note}};
    };
    if (json) {
        nlohmann::ordered_json out;
        for (const Timing& timing : examples)
            out["examples"].push_back({{"file", timing.name},
                                       {"sim_seconds", timing.simSeconds},
                                       {"wall_seconds", timing.wallSeconds},
                                       {"cpu_seconds", timing.cpuSeconds},
                                       {"real_time_factor", timing.factor()},
                                       {"cpu_real_time_factor", timing.cpuFactor()}});
        for (const Timing* timing : {&sampled, &whole})
            out["skewed_shards"].push_back(generatedJson(*timing));
        out["unequal_fleets"] = generatedJson(unequal);
        out["celebrity_fanout"] = generatedJson(celebrity);
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    double slowest = examples.empty() ? 0 : examples.front().factor();
    double slowestCpu = examples.empty() ? 0 : examples.front().cpuFactor();
    for (const Timing& timing : examples)
        slowest = std::min(slowest, timing.factor()), slowestCpu = std::min(slowestCpu, timing.cpuFactor());
    std::printf("\n%zu examples, slowest %.1fx real time (%.1fx by CPU time)\n\n", examples.size(), slowest,
                slowestCpu);
    std::printf("generated designs at %.0f rps that cells cannot split:\n"
                "  skewed shards: Zipf 1.0 over 1M keys, 256 hash shards\n"
                "  unequal fleets: weighted round robin over old (2,000 rps) and new (8,000 rps) instances\n"
                "  celebrity fan-out: 1 post in 10,000 pushed to 50M followers\n",
                rateRps);
    for (const Timing* timing : {&sampled, &whole, &unequal, &celebrity})
        print(*timing);
    std::printf("%s\n", sampled.note.c_str());
    return kExitOk;
}

} // namespace scalelab::cli
