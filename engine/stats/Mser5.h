#pragma once
// Automatic warm-up removal by MSER-5, the Marginal Standard Error Rule on
// batches of five (White 1997, "An effective truncation heuristic for bias
// reduction in simulation output", Simulation 69(6); Franklin & White 2008,
// "Stationarity tests and MSER-5: exploring the intuition behind mean-squared-
// error reduction in detecting and correcting initialization bias", WSC).
//
// The rule: average the n observations x_1..x_n (e.g. per-window mean
// latency) in k = floor(n / 5) consecutive batches Z_1..Z_k of five (a
// leftover of fewer than five at the end is dropped). For each candidate
// number of deleted batches d, with Zbar(d) the mean of Z_{d+1}..Z_k,
//
//     MSER(d) = sum_{j=d+1..k} (Z_j - Zbar(d))^2 / (k - d)^2
//
// i.e. the squared standard error of the truncated mean (up to a constant).
// Deleting a biased start removes its large deviations from the numerator;
// deleting good data shrinks the denominator: the minimum balances the two.
// d* is the minimiser over d = 0..floor(k / 2) (the first half of the
// batches only: a minimum later than that says the run is too short or
// never settles, not where warm-up ends), the first one on ties. The
// truncation point is 5 d* observations.
//
// Guarantees: never cuts more than half of the batched data; fewer than two
// batches (n < 10) give no cut. Cost O(n) time (suffix sums), O(n / 5) memory.
// Pure and thread-safe.
#include <cstddef>
#include <vector>

namespace scalelab::stats {

struct Mser5Result {
    size_t truncated = 0; // observations to delete from the start: 5 d*
    size_t batches = 0;   // k
    double statistic = 0; // MSER(d*); 0 when there are fewer than two batches
    // True when d* sits on the last allowed point (half the batches): the
    // statistic was still falling, so the transient may outlast half the run
    // and the cut is a lower bound. Lengthen the run before trusting it.
    bool atLimit = false;
};

constexpr size_t kMserBatchSize = 5;

Mser5Result mser5(const std::vector<double>& observations);

} // namespace scalelab::stats
