#pragma once
// A rate limiter in front of a dependency: a token bucket (tokens refill at
// `rate` up to `burst`; each request takes one) or a sliding window (at most
// rate x window requests in any window, estimated from the previous and the
// current fixed window as Cloudflare does). Refused requests get 429. With
// scope per_key every key (user, API key) of every client has its own limit.
//
// As a WAF at the edge: before any limit, a request of a client marked
// attack (a DDoS flood) is blocked with probability attack_detection, and a
// legitimate one with probability false_positive_rate (both answered as
// rate_limited). Attack and legitimate requests are counted apart, blocked
// and passed, so a run shows how much of the flood got through and how
// many real users paid for the protection.
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
    // Refuses the frame with 429 (and logs the first of an episode).
    void refuse(sim::Kernel& kernel, uint32_t frame, bool attack);

    bool m_slidingWindow = false, m_perKey = false;
    double m_rate = 100, m_burst = 100;
    sim::SimTime m_window = sim::kSecond;
    Limit m_global;
    std::unordered_map<uint64_t, Limit> m_perKeyLimits; // by client block << 32 | key
    double m_detection = 0, m_falsePositives = 0;
    uint64_t m_admitted = 0, m_limited = 0;
    uint64_t m_blockedAttack = 0, m_passedAttack = 0, m_blockedLegit = 0, m_passedLegit = 0;
    bool m_limiting = false; // refused something within the last second
    sim::SimTime m_lastRefusal = 0;
};

} // namespace scalelab::blocks
