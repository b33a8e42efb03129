#include "ConfidenceInterval.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

namespace scalelab::stats {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// log(Lanczos sum) and its shift, g = 7, n = 9: Gamma(x) = sqrt(2 pi)
// (x + 6.5)^(x - 0.5) e^-(x + 6.5) A(x), relative error ~1e-15 for x >= 0.5.
double logLanczosSum(double x)
{
    static constexpr double kCoefficients[] = {
        0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
        771.32342877765313,   -176.61502916214059,   12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    double sum = kCoefficients[0];
    for (int i = 1; i < 9; ++i)
        sum += kCoefficients[i] / (x - 1 + i);
    return std::log(sum);
}

// log Gamma(a + 1/2) - log Gamma(a), written so that the large terms of the
// two log-gammas cancel analytically: subtracting two log-gammas near 10^6
// would leave only ~1e-10 of precision for large degrees of freedom.
double logGammaRatioHalf(double a)
{
    const double shift = a + 6.5;
    return a * std::log1p(0.5 / shift) + 0.5 * std::log(shift) - 0.5 + logLanczosSum(a + 0.5) - logLanczosSum(a);
}

// Continued fraction of the incomplete beta function (modified Lentz;
// Numerical Recipes' betacf). Converges in O(sqrt(max(a, b))) terms when
// x < (a + 1) / (a + b + 2).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double kTiny = 1e-300;
    constexpr double kEpsilon = 1e-16;
    const auto guard = [](double v) { return std::abs(v) < kTiny ? kTiny : v; };
    double c = 1;
    double d = 1 / guard(1 - (a + b) * x / (a + 1));
    double result = d;
    for (int m = 1; m <= 100000; ++m) {
        const double evenTerm = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
        d = 1 / guard(1 + evenTerm * d);
        c = guard(1 + evenTerm / c);
        result *= d * c;
        const double oddTerm = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
        d = 1 / guard(1 + oddTerm * d);
        c = guard(1 + oddTerm / c);
        const double step = d * c;
        result *= step;
        if (std::abs(step - 1) < kEpsilon)
            break;
    }
    return result;
}

// Student's t with nu degrees of freedom, as regularized incomplete betas of
// x = nu / (nu + t^2) and y = 1 - x, each from the branch that is accurate
// when its result is small: tail = P(T > t), center = P(|T| < t).
class StudentT {
public:
    explicit StudentT(double nu)
        : m_nu(nu), m_logBeta(0.5 * std::log(std::numbers::pi) - logGammaRatioHalf(nu / 2)),
          m_logDensityAtZero(logGammaRatioHalf(nu / 2) - 0.5 * std::log(nu * std::numbers::pi))
    {}

    double tail(double t) const { return 0.5 * regularizedBeta(t, false); }
    double center(double t) const { return regularizedBeta(t, true); }
    double density(double t) const { return std::exp(m_logDensityAtZero - (m_nu + 1) / 2 * std::log1p(t * t / m_nu)); }

private:
    // I_x(nu/2, 1/2), or with swapped = true I_y(1/2, nu/2).
    double regularizedBeta(double t, bool swapped) const
    {
        const double s = t * t / m_nu;
        if (std::isinf(s))
            return swapped ? 1.0 : 0.0;
        double x = 1 / (1 + s), y = s / (1 + s);
        double logX = -std::log1p(s), logY = std::log(s) - std::log1p(s);
        double a = m_nu / 2, b = 0.5;
        if (swapped) {
            std::swap(x, y);
            std::swap(logX, logY);
            std::swap(a, b);
        }
        if (x <= 0)
            return 0;
        if (y <= 0)
            return 1;
        const double front = std::exp(a * logX + b * logY - m_logBeta);
        if (x < (a + 1) / (a + b + 2))
            return front * betaContinuedFraction(a, b, x) / a;
        return 1 - front * betaContinuedFraction(b, a, y) / b;
    }

    double m_nu;
    double m_logBeta;
    double m_logDensityAtZero;
};

// Abramowitz & Stegun 26.7.5: t from the normal quantile z in powers of 1/nu.
double cornishFisher(double z, double nu)
{
    const double z2 = z * z;
    const double g1 = z * (z2 + 1) / 4;
    const double g2 = z * ((5 * z2 + 16) * z2 + 3) / 96;
    const double g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384;
    const double g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160;
    return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}

// The t > 0 with P(T > t) = q for q < 1/4, or P(|T| < t) = 1 - 2q otherwise
// (q itself is then too close to 1/2 to pin t down). Newton's method on
// log probability against u = log t: the tails are near power laws in t,
// which this makes near linear, so a few steps suffice even far out;
// steps leaving the bracket of u known to hold the root are bisected instead.
double studentTUpper(double q, double nu)
{
    const StudentT dist(nu);
    const bool useTail = q < 0.25;
    const double logTarget = std::log(useTail ? q : 1 - 2 * q);
    double lo = -kInf, hi = kInf;
    double u = std::log(std::max(cornishFisher(-normalQuantile(q), nu), 1e-300));
    for (int iteration = 0; iteration < 200; ++iteration) {
        const double t = std::exp(u);
        const double probability = useTail ? dist.tail(t) : dist.center(t);
        const double excess = std::log(probability) - logTarget;
        if (excess == 0)
            break;
        // Tail falls and center rises with t: which side of the root are we on?
        ((excess > 0) == useTail ? lo : hi) = u;
        const double slope = (useTail ? -1.0 : 2.0) * dist.density(t) * t / probability;
        const double step = excess / slope;
        // Newton converges quadratically: after a step this small the error
        // left is ~1e-22, far below one ulp of t. Tested before the bracket,
        // which u itself has just become one end of.
        if (std::abs(step) < 1e-11) {
            u -= step;
            break;
        }
        u -= step;
        if (!(u > lo && u < hi))
            u = std::isinf(lo) ? hi - 2 : std::isinf(hi) ? lo + 2 : (lo + hi) / 2;
    }
    return std::exp(u);
}

double tFor(double confidence, size_t samples)
{
    if (!(confidence > 0 && confidence < 1))
        return kNaN;
    const size_t dof = std::min<size_t>(samples - 1, std::numeric_limits<int>::max());
    return studentTQuantile((1 + confidence) / 2, static_cast<int>(dof));
}

} // namespace

double normalQuantile(double p)
{
    if (std::isnan(p))
        return kNaN;
    if (p <= 0)
        return -kInf;
    if (p >= 1)
        return kInf;
    // Work in the lower half, where 1 - p would lose digits: for p > 1/2,
    // 1 - p is exact (Sterbenz), so the upper tail keeps full precision.
    if (p > 0.5)
        return -normalQuantile(1 - p);
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01, -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    double x;
    if (p < 0.02425) {
        const double r = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) /
            ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
    } else {
        const double q = p - 0.5;
        const double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    // One Halley step on the exact CDF takes 1e-9 to full double precision.
    // Near the median, erf against p - 1/2 (exact there) keeps the relative
    // precision that erfc against p would lose.
    const double error = p >= 0.25 ? 0.5 * std::erf(x / std::numbers::sqrt2) - (p - 0.5)
                                   : 0.5 * std::erfc(-x / std::numbers::sqrt2) - p;
    const double u = error * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
    if (std::isfinite(u))
        x -= u / (1 + x * u / 2);
    return x;
}

double studentTQuantile(double p, int degreesOfFreedom)
{
    if (std::isnan(p) || degreesOfFreedom < 1)
        return kNaN;
    if (p <= 0)
        return -kInf;
    if (p >= 1)
        return kInf;
    if (p == 0.5)
        return 0;
    const double sign = p > 0.5 ? 1.0 : -1.0;
    const double q = p > 0.5 ? 1 - p : p; // exact, and the smaller tail
    const double nu = degreesOfFreedom;
    // Closed forms for 1 and 2 degrees of freedom (Cauchy and its neighbour);
    // for the Cauchy, 1/2 - q is exact near the median where pi * q is not.
    if (degreesOfFreedom == 1)
        return sign * (q < 0.25 ? 1 / std::tan(std::numbers::pi * q) : std::tan(std::numbers::pi * (0.5 - q)));
    if (degreesOfFreedom == 2)
        return sign * (1 - 2 * q) / std::sqrt(2 * q * (1 - q));
    if (degreesOfFreedom > 100000)
        return sign * cornishFisher(-normalQuantile(q), nu);
    return sign * studentTUpper(q, nu);
}

ConfidenceInterval batchMeansInterval(const std::vector<double>& batchValues, double confidence)
{
    return batchMeansInterval(batchValues, std::vector<double>(batchValues.size(), 1.0), confidence);
}

ConfidenceInterval batchMeansInterval(const std::vector<double>& values, const std::vector<double>& weights,
                                      double confidence)
{
    const size_t pairs = std::min(values.size(), weights.size());
    ConfidenceInterval interval;
    double weightSum = 0, weightedSum = 0;
    for (size_t i = 0; i < pairs; ++i) {
        if (weights[i] > 0) {
            ++interval.samples;
            weightSum += weights[i];
            weightedSum += weights[i] * values[i];
        }
    }
    const size_t n = interval.samples;
    interval.mean = n ? weightedSum / weightSum : kNaN;
    if (n < 2) {
        interval.halfWidth = kInf;
        return interval;
    }
    // Second pass about the mean: one-pass sums of squares cancel badly when
    // the spread is small against the mean, as for latencies.
    double squares = 0;
    for (size_t i = 0; i < pairs; ++i) {
        if (weights[i] > 0) {
            const double deviation = weights[i] * (values[i] - interval.mean);
            squares += deviation * deviation;
        }
    }
    const double variance = static_cast<double>(n) / static_cast<double>(n - 1) * squares / (weightSum * weightSum);
    interval.halfWidth = tFor(confidence, n) * std::sqrt(variance);
    return interval;
}

} // namespace scalelab::stats
