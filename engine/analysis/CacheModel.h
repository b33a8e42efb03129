#pragma once
// Hit ratio of an LRU cache under the independent reference model, by
// Che's approximation (Che, Tung and Wang 2002; accuracy analysed by
// Fricker, Robert and Roberts 2012: typically within a percent for Zipf
// popularity): keys are requested with fixed probabilities p_i; a key
// stays cached for a "characteristic time" T after its last request, with
// T the solution of sum_i (1 - exp(-p_i T)) = capacity; the hit ratio is
// sum_i p_i (1 - exp(-p_i T)). Time is in requests, so the rate cancels.
#include <cstdint>
#include <vector>

namespace scalelab::analysis {

// Zipf popularity over n keys with exponent s (s = 0: uniform), summing to 1.
std::vector<double> zipfPopularity(uint64_t keys, double exponent);

// LRU hit ratio for `capacity` entries; 1 when everything fits. O(n log) by bisection on T.
double lruHitRatioChe(const std::vector<double>& popularity, double capacity);

} // namespace scalelab::analysis
