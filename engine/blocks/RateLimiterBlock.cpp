#include "RateLimiterBlock.h"

#include "model/Choices.h"

#include <algorithm>

namespace scalelab::blocks {

void RateLimiterBlock::configure(sim::Kernel&, const model::Block& block)
{
    m_slidingWindow = block.choice<model::LimiterAlgorithm>("algorithm") == model::LimiterAlgorithm::SlidingWindow;
    m_perKey = block.choice<model::LimitScope>("scope") == model::LimitScope::PerKey;
    m_rate = block.param("rate_rps");
    m_burst = block.param("burst");
    m_window = sim::fromSeconds(block.param("window_s"));
    m_detection = block.param("attack_detection");
    m_falsePositives = block.param("false_positive_rate");
}

bool RateLimiterBlock::admit(Limit& limit, sim::SimTime now)
{
    if (!m_slidingWindow) {
        // The seeds' token bucket: a new bucket starts full.
        if (limit.fresh) {
            limit.tokens = m_burst;
            limit.fresh = false;
        } else {
            limit.tokens = std::min(m_burst, limit.tokens + sim::toSeconds(now - limit.refilledAt) * m_rate);
        }
        limit.refilledAt = now;
        if (limit.tokens < 1)
            return false;
        limit.tokens -= 1;
        return true;
    }
    const int64_t windowIndex = now / m_window;
    if (limit.fresh || windowIndex > limit.windowIndex + 1) {
        limit.previous = limit.current = 0;
    } else if (windowIndex == limit.windowIndex + 1) {
        limit.previous = limit.current;
        limit.current = 0;
    }
    limit.fresh = false;
    limit.windowIndex = windowIndex;
    const double elapsed = static_cast<double>(now - windowIndex * m_window) / static_cast<double>(m_window);
    const double estimate = limit.previous * (1 - elapsed) + limit.current;
    if (estimate + 1 > m_rate * sim::toSeconds(m_window))
        return false;
    limit.current += 1;
    return true;
}

void RateLimiterBlock::onArrive(sim::Kernel& kernel, uint32_t frame)
{
    const sim::CallFrame& call = kernel.frames()[frame];
    const bool attack = kernel.block(call.origin).sendsAttacks();
    // The WAF's signatures first: recognised floods, and the real users it mistakes for them.
    if ((m_detection > 0 || m_falsePositives > 0) && rng().bernoulli(attack ? m_detection : m_falsePositives)) {
        refuse(kernel, frame, attack);
        return;
    }
    Limit& limit = m_perKey ? m_perKeyLimits[uint64_t(call.origin) << 32 | call.key] : m_global;
    if (!admit(limit, kernel.now())) {
        refuse(kernel, frame, attack);
        return;
    }
    if (m_limiting && kernel.now() - m_lastRefusal > sim::kSecond) {
        m_limiting = false;
        kernel.log(index(), id() + ": under the limit again");
    }
    ++m_admitted;
    ++(attack ? m_passedAttack : m_passedLegit);
    kernel.continueCalls(frame);
}

void RateLimiterBlock::refuse(sim::Kernel& kernel, uint32_t frame, bool attack)
{
    ++m_limited;
    ++(attack ? m_blockedAttack : m_blockedLegit);
    if (!m_limiting) { // one log entry per episode of refusals
        m_limiting = true;
        kernel.log(index(), id() + ": over the limit, answering 429");
    }
    m_lastRefusal = kernel.now();
    kernel.finish(frame, sim::Outcome::RateLimited); // 429
}

std::map<std::string, double> RateLimiterBlock::extraMetrics() const
{
    const uint64_t total = m_admitted + m_limited;
    return {{"admitted", double(m_admitted)},
            {"limited", double(m_limited)},
            {"limited_ratio", total ? double(m_limited) / double(total) : 0.0},
            {"blocked_attack", double(m_blockedAttack)},
            {"passed_attack", double(m_passedAttack)},
            {"blocked_legit", double(m_blockedLegit)},
            {"passed_legit", double(m_passedLegit)}};
}

void RateLimiterBlock::resetStats(sim::SimTime now)
{
    sim::BlockRuntime::resetStats(now);
    m_admitted = m_limited = m_blockedAttack = m_passedAttack = m_blockedLegit = m_passedLegit = 0;
}

} // namespace scalelab::blocks
