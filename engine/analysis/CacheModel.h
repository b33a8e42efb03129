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
//
// Keys also churn in ways Che leaves out, and the simulator's caches have
// them (capacityCacheOutcome below):
//  - A write deletes its key (cache-aside, read-through): with writes at q
//    per request on that key, a gap only extends the entry's life if no
//    write falls in it, so per gap a = p/(p+q) (1 - e^{-(p+q)T}) replaces
//    1 - e^{-pT}, and E[H] = a/(1-a) (1 - e^{-(p+q) L (1-a)}). Exact without
//    a TTL, exact without evictions (E[H] = p (1 - e^{-qL}) / q), and Che's
//    formula above at q = 0.
//  - A value is cached only when its fetch returns, so every request for a
//    key in the meantime misses too (the stampede a hot key's expiry or
//    invalidation starts). Without single flight each of those misses
//    fetches, and the window closes at the *first* fetch to return: for a
//    fetch time delta + Exp(m) and misses arriving at rate r, its expected
//    length is delta + m J(rm) with J(a) = int_0^1 (1-w)^a e^{aw} dw
//    (~ sqrt(pi / 2a) for a large: a slow, variable database hands a hot
//    key back far sooner than its mean time). The fetches still out then
//    return over about one more fetch time and each stores the value again,
//    so a write in that tail hardly costs a miss. With single flight the
//    window is the one fetch's time and the others wait for it.
// The fetch time is taken as delta + Exp(m) with its mean and standard
// deviation (m = the standard deviation, at most the mean): exact for a
// deterministic or an exponential database, an approximation for sums of
// steps. Checked against the simulator in PlannerTest to a percent.
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

// Che's characteristic time of an LRU cache of `capacity` entries, in
// requests; +infinity when every key fits.
double lruCharacteristicTime(const std::vector<PopularityClass>& popularity, double capacity);

// What churns a capacity cache's keys besides eviction (see above). Rates
// are per lookup (the cache's cacheable reads) except where named.
struct KeyChurn {
    double ttlRequests = 0;             // TTL in lookups; 0 = entries never expire
    double deletesPerLookup = 0;        // writes that delete their key, with the reads' popularity
    double lookupsPerMs = 0;            // the cache's lookup rate (for the fetch window)
    double fetchMs = 0, fetchSdMs = 0;  // from a miss until its value is cached: mean, standard deviation
    bool singleFlight = false;          // one fetch per missing key, the other misses wait for it
};

// Shares of the lookups that hit, that miss and fetch, and that miss and
// wait for a fetch already on its way (single flight); they add up to 1.
struct CacheOutcome {
    double hit = 0, fetch = 0, wait = 0;
};

// Steady state of an LRU cache with characteristic time `lruRequests`
// (lruCharacteristicTime) under `churn`. O(classes x sqrt(misses per fetch time)),
// well under a millisecond for a few thousand classes.
CacheOutcome capacityCacheOutcome(const std::vector<PopularityClass>& popularity, double lruRequests,
                                  const KeyChurn& churn);

} // namespace scalelab::analysis
