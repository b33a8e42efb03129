#pragma once
#include <cstdint>

namespace scalelab::sim {

// How a call ended. Errors propagate up the call chain unchanged, so the
// client sees the kind of the failure that started the cascade.
enum class Outcome : uint8_t {
    Ok,
    Timeout,     // a deadline passed (client or block timeout)
    Rejected,    // 503: queue full, too many connections, no healthy upstream
    RateLimited, // 429
    CircuitOpen, // refused by an open circuit breaker
    Failed,      // crashed instance or injected error
    Removed,     // the block or link it was on was removed from the design while running
    PoolTimeout, // no connection of the caller's pool came free within its acquire timeout
    Throttled,   // over a partition's request-rate limit (S3's 503 SlowDown, DynamoDB's ProvisionedThroughputExceeded)
};

constexpr int kOutcomeCount = 9;
constexpr int kErrorKindCount = kOutcomeCount - 1;

// Stable names used in JSON output and the UI.
inline const char* outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return "ok";
    case Outcome::Timeout: return "timeout";
    case Outcome::Rejected: return "rejected";
    case Outcome::RateLimited: return "rate_limited";
    case Outcome::CircuitOpen: return "circuit_open";
    case Outcome::Failed: return "failed";
    case Outcome::Removed: return "removed";
    case Outcome::PoolTimeout: return "pool_timeout";
    case Outcome::Throttled: return "throttled";
    }
    return "failed";
}

} // namespace scalelab::sim
