#pragma once
// N threads that spin until destroyed: a busy machine, for benchmarks that
// must hold their bars when the user's other programs take the cores too.
#include <atomic>
#include <thread>
#include <vector>

namespace scalelab::bench {

class BusyThreads {
public:
    explicit BusyThreads(int count)
    {
        for (int i = 0; i < count; ++i)
            m_threads.emplace_back([this] {
                // Arithmetic the compiler cannot drop, checked against the flag
                // every few thousand steps: a core at 100%, as a compiler would use it.
                volatile double sink = 1;
                while (!m_stop.load(std::memory_order_relaxed))
                    for (int step = 0; step < 4096; ++step)
                        sink = sink * 1.0000001 + 1e-9;
            });
    }
    ~BusyThreads()
    {
        m_stop = true;
        for (auto& thread : m_threads)
            thread.join();
    }
    BusyThreads(const BusyThreads&) = delete;
    BusyThreads& operator=(const BusyThreads&) = delete;

private:
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

} // namespace scalelab::bench
