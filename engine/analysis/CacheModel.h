#pragma once
// Hit ratio of an LRU cache under the independent reference model, by
// Che's approximation (Che, Tung and Wang 2002; accuracy analysed by
// Fricker, Robert and Roberts 2012: typically within a percent for Zipf
// popularity): keys are requested with fixed probabilities p_i; a key
// stays cached for a "characteristic time" T after its last request, with
// T the solution of sum_i (1 - exp(-p_i T)) = capacity; the hit ratio is
// sum_i p_i (1 - exp(-p_i T)). Time is in requests, so the rate cancels.
//
// Extended for what the simulator's capacity caches do: an entry also
// expires a fixed TTL after it was fetched (hits do not renew it). With
// Poisson requests at rate p per request, a key's hits per fetch are
// E[H] = (e^{pT} - 1)(1 - exp(-pL e^{-pT})) for LRU time T and TTL L (both
// in requests): a hit needs every gap since the fetch shorter than T (LRU)
// and the hit itself within L of the fetch (TTL), and the gaps' condition
// is taken independent of their sum (slightly pessimistic when both bind).
// The key's hit ratio is E[H] / (1 + E[H]). Expired entries are dropped
// lazily, when next asked for, so they keep their slot: who is in the cache
// is Che's answer whatever the TTL, and T is Che's. L -> infinity gives
// Che; T -> infinity gives the TTL cache's pL / (1 + pL).
#include <cstdint>
#include <vector>

namespace scalelab::analysis {

// `count` keys, each requested with probability `p`.
struct PopularityClass {
    double p = 0;
    double count = 0;
};

// Zipf popularity over n keys with exponent s (s = 0: uniform), summing to 1.
std::vector<double> zipfPopularity(uint64_t keys, double exponent);

// LRU hit ratio for `capacity` entries; 1 when everything fits. O(n log) by bisection on T.
double lruHitRatioChe(const std::vector<double>& popularity, double capacity);

// Zipf popularity as classes: one per rank for the first 1,000 ranks, then
// ranks in geometric groups 1% wide (each at its mean popularity), so a
// billion keys cost about 2,400 classes. The grouping error on the hit
// ratio is far below a percent (a group's popularities differ by about 1% x exponent).
std::vector<PopularityClass> zipfClasses(uint64_t keys, double exponent);

// Hit ratio of an LRU cache of `capacity` entries whose entries also expire
// `ttlRequests` requests after their fetch (0 = never). O(classes x 100).
double lruTtlHitRatio(const std::vector<PopularityClass>& popularity, double capacity, double ttlRequests);

} // namespace scalelab::analysis
