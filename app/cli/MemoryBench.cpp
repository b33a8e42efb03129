#include "MemoryBench.h"

#include "CliOutput.h"
#include "bench/BenchDesign.h"
#include "bench/ScaleDesigns.h"
#include "run/Simulator.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace scalelab::cli {

namespace {

// Peak resident set of this process (VmHWM), in KiB; 0 where /proc is missing.
long peakResidentKib()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            long kib = 0;
            status >> kib;
            return kib;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

struct Peak {
    long kib = 0;
    uint64_t requests = 0; // completed in the measured run
};

// Simulates `design` to each of `untilS` in turn in a child process and
// returns the peak after each; empty when the child failed.
std::vector<Peak> peaksInChild(const std::function<model::Architecture()>& design, std::vector<double> untilS)
{
    int channel[2];
    if (::pipe(channel) != 0)
        return {};
    std::fflush(nullptr);
    const pid_t child = ::fork();
    if (child < 0)
        return {};
    if (child == 0) {
        ::close(channel[0]);
        sim::Simulator simulator(design(), 1);
        for (double seconds : untilS) {
            simulator.runUntil(sim::fromSeconds(seconds));
            const Peak peak{peakResidentKib(), simulator.snapshot().completed};
            if (::write(channel[1], &peak, sizeof peak) != sizeof peak)
                ::_exit(1);
        }
        ::_exit(0);
    }
    ::close(channel[1]);
    std::vector<Peak> peaks(untilS.size());
    size_t got = 0;
    for (auto& peak : peaks)
        got += ::read(channel[0], &peak, sizeof peak) == sizeof peak ? 1 : 0;
    ::close(channel[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (got != peaks.size() || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return {};
    return peaks;
}

struct Row {
    std::string key, label;
    Peak peak;
};

} // namespace

int memoryBench(const bench::MinimalLoopConfig& config, bool json)
{
    const auto benchDesign = [&] { return bench::benchDesign(config); };
    const auto baseline = peaksInChild(benchDesign, {1});
    const auto runLength = peaksInChild(benchDesign, {60, 3600});
    const auto blocks = peaksInChild([] { return bench::manyBlocksDesign(500); }, {5});
    const auto pool = peaksInChild([] { return bench::hugePoolDesign(100'000, 10, 100'000); }, {5});
    if (baseline.empty() || runLength.empty() || blocks.empty() || pool.empty())
        return failure("bench --memory: a measurement's child process failed");
    const std::vector<Row> rows{
        {"baseline", "bench design, 1 simulated second (baseline)", baseline[0]},
        {"run_1_minute", "bench design, 1 simulated minute", runLength[0]},
        {"run_1_hour", "bench design, 1 simulated hour", runLength[1]},
        {"design_1000_blocks", "1,000 blocks (500 clients -> services), 5 s", blocks[0]},
        {"pool_100000_instances", "1 pool of 100,000 instances x 10 workers, 100,000 rps, 5 s", pool[0]},
    };
    const double base = static_cast<double>(baseline[0].kib);
    if (json) {
        nlohmann::ordered_json out;
        for (const auto& row : rows)
            out[row.key] = {{"peak_rss_kib", row.peak.kib},
                            {"ratio_to_baseline", base > 0 ? row.peak.kib / base : 0},
                            {"requests", row.peak.requests}};
        out["hour_over_minute"] = runLength[0].kib > 0 ? double(runLength[1].kib) / double(runLength[0].kib) : 0;
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    std::printf("%-62s %12s %9s %14s\n", "peak resident memory, each in its own process", "KiB", "x base", "requests");
    for (const auto& row : rows)
        std::printf("%-62s %12ld %9.2f %14llu\n", row.label.c_str(), row.peak.kib,
                    base > 0 ? row.peak.kib / base : 0.0, static_cast<unsigned long long>(row.peak.requests));
    std::printf("\nhour / minute: %.3f (flat in run length when close to 1)\n",
                runLength[0].kib > 0 ? double(runLength[1].kib) / double(runLength[0].kib) : 0.0);
    return kExitOk;
}

} // namespace scalelab::cli
