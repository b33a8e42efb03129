#pragma once
// Confidence intervals for steady-state means by the method of batch means:
// the run (warm-up removed) is cut into batches long enough to be nearly
// independent, and the batch values are treated as an i.i.d. normal sample,
// so the mean gets a Student-t interval with n - 1 degrees of freedom.
//
// Guarantees
//   - studentTQuantile and normalQuantile are accurate to 1e-11 or better
//     (relative) for p in [1e-300, 1 - 1e-16]; p <= 0 gives -inf, p >= 1 +inf.
//   - Fewer than 2 batches give an infinite half-width (no spread can be
//     estimated); no batches give a NaN mean. A confidence outside (0, 1)
//     gives a NaN half-width.
// Cost: the intervals are O(n); a t quantile takes a handful of Newton steps,
// each an incomplete beta function: a few microseconds, so per figure, not
// per event.
// All functions are pure and thread-safe (no std::lgamma, which writes a global).
#include <cstddef>
#include <vector>

namespace scalelab::stats {

struct ConfidenceInterval {
    double mean = 0;
    double halfWidth = 0;
    size_t samples = 0; // batches that went into the interval

    double lower() const { return mean - halfWidth; }
    double upper() const { return mean + halfWidth; }
    bool contains(double x) const { return lower() <= x && x <= upper(); }
};

// halfWidth = t_{(1+confidence)/2, n-1} * s / sqrt(n), s the sample standard
// deviation of the batch values.
ConfidenceInterval batchMeansInterval(const std::vector<double>& batchValues, double confidence = 0.95);

// Batches of unequal size, e.g. per-window mean latencies weighted by the
// window's request count: the mean is sum(w x) / sum(w) (the mean over all
// requests) and its variance the ratio estimator's
//   n / (n - 1) * sum(w^2 (x - mean)^2) / sum(w)^2,
// which reduces to s^2 / n for equal weights; t keeps n - 1 degrees of
// freedom. Batches with weight <= 0 (a window without requests has no mean
// latency) are skipped and not counted. Sizes must match; extra entries of
// the longer vector are ignored.
ConfidenceInterval batchMeansInterval(const std::vector<double>& values, const std::vector<double>& weights,
                                      double confidence = 0.95);

// Quantile of Student's t distribution: P(T <= t) = p. degreesOfFreedom < 1
// gives NaN. Solved by safeguarded Newton steps on the exact CDF (regularized
// incomplete beta), from the Cornish-Fisher expansion, which is used alone
// beyond 10^5 degrees of freedom, where it is exact to double precision.
double studentTQuantile(double p, int degreesOfFreedom);

// Quantile of the standard normal distribution (Acklam's rational
// approximation, relative error 1.15e-9, polished by one Halley step on erfc).
double normalQuantile(double p);

} // namespace scalelab::stats
