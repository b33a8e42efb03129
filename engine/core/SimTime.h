#pragma once
// Simulated time: signed 64-bit nanoseconds, enough for 292 years of run.
// Integer time keeps event order exact and runs reproducible across machines.
//
// Range guarantee. A run never goes past kHorizon (Simulator::runUntil
// refuses to), and every conversion from a double (seconds, milliseconds,
// a sampled delay, a delay times a slow-down factor) saturates at
// +-kFarFuture instead of overflowing, which in C++ is undefined behaviour
// (x86 turns it into INT64_MIN: a delay of 1e300 s would fire at once).
// kFarFuture is twice the horizon, so a saturated delay is "later than any
// run can reach", which is the honest answer for a delay that long, and
// `now + d1 + d2 + d3` with three saturated delays still fits in an int64.
// NaN, which only a bug or an inf - inf can produce, saturates to
// kFarFuture too: an undefined delay must not become an event storm.
#include <cmath>
#include <cstdint>

namespace scalelab::sim {

using SimTime = int64_t;

constexpr SimTime kNanosecond = 1;
constexpr SimTime kMicrosecond = 1'000;
constexpr SimTime kMillisecond = 1'000'000;
constexpr SimTime kSecond = 1'000'000'000;
constexpr SimTime kNever = INT64_MAX;

// The latest simulated time any run may reach: 1e9 s, about 31.7 years.
constexpr SimTime kHorizon = 1'000'000'000 * kSecond;
// Where converted times saturate; beyond every run (see above).
constexpr SimTime kFarFuture = 2 * kHorizon;
static_assert(kHorizon + 3 * kFarFuture < kNever, "now + three saturated delays must not overflow");

// The longest span, in seconds, that a duration given by the user may name:
// --duration, a fault's at_s or duration_s, a parameter in seconds. About
// 115 days; every such value converts to SimTime exactly.
constexpr double kLongestSpanSeconds = 1e7;

// Rounds to the nearest nanosecond, saturating (see above). Not llround:
// this sits on the hot path of every sampled delay, and a truncating cast
// with a half offset is a fraction of its cost; the two range tests are
// predicted branches.
inline SimTime roundToTime(double ns)
{
    constexpr double far = static_cast<double>(kFarFuture);
    if (!(ns < far)) // also NaN
        return kFarFuture;
    if (!(ns > -far))
        return -kFarFuture;
    return static_cast<SimTime>(ns < 0 ? ns - 0.5 : ns + 0.5);
}
inline SimTime fromMs(double ms) { return roundToTime(ms * static_cast<double>(kMillisecond)); }
inline SimTime fromSeconds(double s) { return roundToTime(s * static_cast<double>(kSecond)); }
inline double toMs(SimTime t) { return static_cast<double>(t) / static_cast<double>(kMillisecond); }
inline double toSeconds(SimTime t) { return static_cast<double>(t) / static_cast<double>(kSecond); }

} // namespace scalelab::sim
