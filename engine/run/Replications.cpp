#include "Replications.h"

#include "Simulator.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

namespace scalelab::sim {

namespace {

// Small slices so that a cancel request is seen within a fraction of a second.
constexpr SimTime kCancelSlice = kSecond;

void runUntil(Simulator& simulator, SimTime until, const std::atomic<bool>* cancel)
{
    while (simulator.now() < until && !(cancel && cancel->load()))
        simulator.runUntil(std::min(until, simulator.now() + kCancelSlice));
}

} // namespace

std::vector<stats::Snapshot> runReplications(const model::Architecture& design, const ReplicationPlan& plan,
                                             const std::atomic<bool>* cancel,
                                             const std::function<void(int done)>& progress)
{
    const int count = std::max(plan.replications, 0);
    std::vector<stats::Snapshot> snapshots(static_cast<size_t>(count));
    std::atomic<int> next{0}, done{0};
    std::exception_ptr failure;
    std::mutex failureMutex;

    auto work = [&] {
        for (int i = next++; i < count; i = next++) {
            try {
                SimulatorOptions options;
                options.memoryBudget = plan.memoryBudget;
                Simulator simulator(design, plan.firstSeed + static_cast<uint64_t>(i), options);
                runUntil(simulator, plan.warmup, cancel);
                simulator.resetStats();
                runUntil(simulator, plan.warmup + plan.duration, cancel);
                snapshots[static_cast<size_t>(i)] = simulator.snapshot(plan.withSeries);
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                next = count; // no point running the rest
                return;
            }
            const int finished = ++done;
            if (progress)
                progress(finished);
        }
    };

    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = std::min<unsigned>(plan.threads ? plan.threads : hardware, static_cast<unsigned>(count));
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (auto& worker : workers)
        worker.join();
    if (failure)
        std::rethrow_exception(failure);
    return snapshots;
}

} // namespace scalelab::sim
