#pragma once
// Simulated time: signed 64-bit nanoseconds, enough for 292 years of run.
// Integer time keeps event order exact and runs reproducible across machines.
#include <cmath>
#include <cstdint>

namespace scalelab::sim {

using SimTime = int64_t;

constexpr SimTime kNanosecond = 1;
constexpr SimTime kMicrosecond = 1'000;
constexpr SimTime kMillisecond = 1'000'000;
constexpr SimTime kSecond = 1'000'000'000;
constexpr SimTime kNever = INT64_MAX;

// Rounds to the nearest nanosecond. Not llround: this sits on the hot path
// of every sampled delay, and a truncating cast with a half offset is a
// fraction of its cost.
inline SimTime roundToTime(double ns) { return static_cast<SimTime>(ns < 0 ? ns - 0.5 : ns + 0.5); }
inline SimTime fromMs(double ms) { return roundToTime(ms * static_cast<double>(kMillisecond)); }
inline SimTime fromSeconds(double s) { return roundToTime(s * static_cast<double>(kSecond)); }
inline double toMs(SimTime t) { return static_cast<double>(t) / static_cast<double>(kMillisecond); }
inline double toSeconds(SimTime t) { return static_cast<double>(t) / static_cast<double>(kSecond); }

} // namespace scalelab::sim
