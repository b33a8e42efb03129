#pragma once
// A rate limiter in front of a dependency: a token bucket (tokens refill at
// `rate` up to `burst`; each request takes one) or a sliding window (at most
// rate x window requests in any window, estimated from the previous and the
// current fixed window as Cloudflare does). Refused requests get 429. With
// scope per_key every key (user, API key) has its own limit.
#include "sim/BlockRuntime.h"

#include <unordered_map>

namespace scalelab::blocks {

class RateLimiterBlock final : public sim::BlockRuntime {
public:
    using sim::BlockRuntime::BlockRuntime;

    void configure(sim::Kernel& kernel, const model::Block& block) override;
    void onArrive(sim::Kernel& kernel, uint32_t frame) override;
    double gauge() const override { return m_global.tokens; }
    std::map<std::string, double> extraMetrics() const override;
    size_t heldBytes() const override
    {
        return sim::BlockRuntime::heldBytes() + m_perKeyLimits.size() * (sizeof(Limit) + kHashNodeBytes);
    }
    std::string heldText() const override { return std::to_string(m_perKeyLimits.size()) + " per-key limits"; }
    void resetStats(sim::SimTime now) override;

private:
    struct Limit {
        double tokens = 0;
        sim::SimTime refilledAt = 0;
        bool fresh = true;
        // Sliding window: counts of the current and the previous fixed window.
        int64_t windowIndex = 0;
        double current = 0, previous = 0;
    };

    bool admit(Limit& limit, sim::SimTime now);

    bool m_slidingWindow = false, m_perKey = false;
    double m_rate = 100, m_burst = 100;
    sim::SimTime m_window = sim::kSecond;
    Limit m_global;
    std::unordered_map<uint32_t, Limit> m_perKeyLimits;
    uint64_t m_admitted = 0, m_limited = 0;
    bool m_limiting = false; // refused something within the last second
    sim::SimTime m_lastRefusal = 0;
};

} // namespace scalelab::blocks
