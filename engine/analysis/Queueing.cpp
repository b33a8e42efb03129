#include "Queueing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace scalelab::analysis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Both refuse NaN and infinities, which would poison every later figure.
void requireNonNegative(double value, const char* what)
{
    if (!(value >= 0) || !std::isfinite(value))
        throw std::invalid_argument(std::string(what) + " must be a finite number >= 0, got " + std::to_string(value));
}

void requirePositive(double value, const char* what)
{
    if (!(value > 0) || !std::isfinite(value))
        throw std::invalid_argument(std::string(what) + " must be a finite number > 0, got " + std::to_string(value));
}

void requireServers(int c)
{
    if (c < 1)
        throw std::invalid_argument("server count must be >= 1, got " + std::to_string(c));
}

void requireProbability(double q)
{
    if (!(q >= 0 && q <= 1))
        throw std::invalid_argument("quantile must be in [0, 1], got " + std::to_string(q));
}

QueueMetrics unstable(double mu, int c)
{
    return {1.0, 1.0, 0.0, kInf, kInf, kInf, kInf, c * mu, false};
}

// Builds the metrics of an infinite-capacity queue from its mean wait.
QueueMetrics fromMeanWait(double lambda, double meanService, int c, double pWait, double wq)
{
    const double w = wq + meanService;
    return {lambda * meanService / c, pWait, 0.0, wq, w, lambda * wq, lambda * w, lambda, true};
}

// P(Exp(x) + Exp(y) > t) for independent exponentials; see the header for
// why it is written with expm1.
double hypoexponentialSurvival(double x, double y, double t)
{
    if (x > y)
        std::swap(x, y);
    const double z = (y - x) * t;
    const double phi = z > 0 ? -std::expm1(-z) / z : 1.0;
    return std::exp(-x * t) * (1.0 + x * t * phi);
}

// P(T > t) for the M/M/c response time T = Wq + S: with probability 1 - C
// the request starts at once (T = S), otherwise Wq ~ Exp(theta).
double responseSurvival(double pWait, double theta, double mu, double t)
{
    return (1.0 - pWait) * std::exp(-mu * t) + pWait * hypoexponentialSurvival(theta, mu, t);
}

} // namespace

QueueMetrics mm1(double lambda, double mu)
{
    requireNonNegative(lambda, "arrival rate");
    requirePositive(mu, "service rate");
    if (lambda >= mu)
        return unstable(mu, 1);
    const double rho = lambda / mu;
    return fromMeanWait(lambda, 1.0 / mu, 1, rho, rho / (mu - lambda));
}

double erlangB(double offeredLoad, int c)
{
    requireNonNegative(offeredLoad, "offered load");
    if (c < 0)
        throw std::invalid_argument("server count must be >= 0, got " + std::to_string(c));
    double b = 1.0;
    for (int k = 1; k <= c; ++k)
        b = offeredLoad * b / (k + offeredLoad * b);
    return b;
}

double erlangC(double offeredLoad, int c)
{
    requireServers(c);
    const double rho = offeredLoad / c;
    if (rho >= 1)
        return 1.0;
    const double b = erlangB(offeredLoad, c);
    return b / (1.0 - rho * (1.0 - b));
}

QueueMetrics mmc(double lambda, double mu, int c)
{
    requireNonNegative(lambda, "arrival rate");
    requirePositive(mu, "service rate");
    requireServers(c);
    if (lambda >= c * mu)
        return unstable(mu, c);
    const double pWait = erlangC(lambda / mu, c);
    return fromMeanWait(lambda, 1.0 / mu, c, pWait, pWait / (c * mu - lambda));
}

QueueMetrics mmck(double lambda, double mu, int c, int K)
{
    requireNonNegative(lambda, "arrival rate");
    requirePositive(mu, "service rate");
    requireServers(c);
    if (K < c)
        throw std::invalid_argument("system capacity K (" + std::to_string(K) + ") must be >= server count c ("
                                    + std::to_string(c) + ")");
    const double a = lambda / mu;
    const double rho = a / c;
    // p_n / p_{n-1} = a / n up to c, then rho: the weights rise to a single
    // mode and fall after it. Start there with weight 1 and walk both ways,
    // so every weight is <= 1 and the sum is >= 1.
    auto ratio = [&](int n) { return n <= c ? a / n : rho; };
    int mode = rho >= 1 ? K : static_cast<int>(std::floor(a));
    mode = std::clamp(mode, 0, K);

    double sum = 0, sumN = 0, sumQueued = 0, sumWaitStates = 0, weightFull = 0;
    auto add = [&](int n, double w) {
        sum += w;
        sumN += n * w;
        if (n > c)
            sumQueued += (n - c) * w;
        if (n >= c && n < K)
            sumWaitStates += w;
        if (n == K)
            weightFull = w;
    };
    add(mode, 1.0);
    double w = 1.0;
    for (int n = mode; n > 0 && w > 0; --n) { // once a weight underflows, the rest are 0 too
        w /= ratio(n);
        add(n - 1, w);
    }
    w = 1.0;
    for (int n = mode + 1; n <= K && w > 0; ++n) {
        w *= ratio(n);
        add(n, w);
    }

    const double pFull = weightFull / sum;
    const double admitted = lambda * (1.0 - pFull);
    const double L = sumN / sum;
    const double Lq = sumQueued / sum;
    // With no traffic nobody waits; an imagined arrival would see service only.
    const double wq = admitted > 0 ? Lq / admitted : 0.0;
    const double pWait = pFull < 1 ? (sumWaitStates / sum) / (1.0 - pFull) : 1.0;
    return {admitted / (c * mu), pWait, pFull, wq, wq + 1.0 / mu, Lq, L, admitted, true};
}

QueueMetrics mg1(double lambda, double meanService, double serviceCv)
{
    requireNonNegative(lambda, "arrival rate");
    requirePositive(meanService, "mean service time");
    requireNonNegative(serviceCv, "service time coefficient of variation");
    const double rho = lambda * meanService;
    if (rho >= 1)
        return unstable(1.0 / meanService, 1);
    const double wq = rho * meanService * (1.0 + serviceCv * serviceCv) / (2.0 * (1.0 - rho));
    return fromMeanWait(lambda, meanService, 1, rho, wq);
}

QueueMetrics mgcApprox(double lambda, double meanService, double serviceCv, int c)
{
    return ggcApprox(lambda, meanService, 1.0, serviceCv, c);
}

QueueMetrics ggcApprox(double lambda, double meanService, double arrivalCv, double serviceCv, int c)
{
    requirePositive(meanService, "mean service time");
    requireNonNegative(arrivalCv, "inter-arrival time coefficient of variation");
    requireNonNegative(serviceCv, "service time coefficient of variation");
    const QueueMetrics markov = mmc(lambda, 1.0 / meanService, c);
    if (!markov.stable)
        return markov;
    const double ca2 = arrivalCv * arrivalCv, cs2 = serviceCv * serviceCv;
    double wq = markov.meanWait * (ca2 + cs2) / 2.0;
    if (ca2 < 1 && ca2 + cs2 > 0 && markov.utilization > 0)
        wq *= std::exp(-2 * (1 - markov.utilization) * (1 - ca2) * (1 - ca2) / (3 * markov.utilization * (ca2 + cs2)));
    return fromMeanWait(lambda, meanService, c, markov.probabilityOfWaiting, wq);
}

double mm1ResponseQuantile(double lambda, double mu, double q)
{
    requireNonNegative(lambda, "arrival rate");
    requirePositive(mu, "service rate");
    requireProbability(q);
    if (lambda >= mu)
        return kInf;
    return -std::log1p(-q) / (mu - lambda); // log1p keeps q near 0 accurate
}

PatienceMetrics mmcDeterministicPatience(double lambda, double mu, int c, double patience)
{
    requireNonNegative(lambda, "arrival rate");
    requirePositive(mu, "service rate");
    requireNonNegative(patience, "patience");
    requireServers(c);
    if (lambda == 0)
        return {0, 0, 0, 0};
    const double cmu = c * mu, tau = patience;
    // x = (lambda - c mu) tau is the exponent the waiting region grows by.
    // Everything below is relative to P_{c-1} and scaled by e^{-max(0, x)},
    // so that a long patience in overload neither overflows nor loses the
    // states below c; the integrals are written with expm1 so that x near 0
    // (lambda near c mu) does not cancel.
    const double x = (lambda - cmu) * tau;
    const double scale = std::exp(-std::max(0.0, x));
    // (e^z - 1) / z, and z^-2 times the integral of u e^{z u} over [0, 1]: both well conditioned.
    const auto phi = [](double z) { return z == 0 ? 1.0 : std::expm1(z) / z; };
    const auto moment = [](double z) {
        if (std::fabs(z) < 1e-3)
            return 0.5 + z / 3 + z * z / 8;
        return (std::expm1(z) * (z - 1) + z) / (z * z);
    };
    // e^{-z} moment(z), without the overflow of e^z for a large z > 0.
    const auto scaledMoment = [](double z) {
        if (std::fabs(z) < 1e-3)
            return 0.5 - z / 6 + z * z / 24;
        return (z + std::expm1(-z)) / (z * z);
    };
    // Scaled integrals of lambda v / P_{c-1}: over (0, tau] (waits, then served),
    // over (tau, inf) (gives up), and of x v over (0, tau].
    const double served = lambda * tau * (x > 0 ? phi(-x) : phi(x));
    const double leaves = lambda * std::exp(std::min(0.0, x)) / cmu;
    const double firstMoment = lambda * tau * tau * (x > 0 ? scaledMoment(x) : moment(x));
    const double below = scale / erlangB(lambda / mu, c - 1); // sum_{k<c} P_k / P_{c-1}, scaled
    const double norm = below + served + leaves;
    PatienceMetrics metrics;
    metrics.probabilityOfWaiting = (served + leaves) / norm;
    metrics.probabilityOfTimeout = leaves / norm;
    metrics.meanWaitServed = firstMoment / norm / (1 - metrics.probabilityOfTimeout);
    metrics.throughput = lambda * (1 - metrics.probabilityOfTimeout);
    return metrics;
}

double mmcWaitQuantile(double lambda, double mu, int c, double q)
{
    requireProbability(q);
    const QueueMetrics m = mmc(lambda, mu, c);
    if (!m.stable)
        return kInf;
    const double pWait = m.probabilityOfWaiting;
    if (q <= 1.0 - pWait)
        return 0.0;
    return std::log(pWait / (1.0 - q)) / (c * mu - lambda);
}

double mmcResponseCdf(double lambda, double mu, int c, double t)
{
    const QueueMetrics m = mmc(lambda, mu, c);
    if (!m.stable || !(t > 0))
        return 0.0;
    return 1.0 - responseSurvival(m.probabilityOfWaiting, c * mu - lambda, mu, t);
}

double mmcResponseQuantile(double lambda, double mu, int c, double q)
{
    requireProbability(q);
    const QueueMetrics m = mmc(lambda, mu, c);
    if (!m.stable || q == 1)
        return kInf;
    if (q == 0)
        return 0.0;
    // Solve survival(t) = 1 - q rather than cdf(t) = q: 1 - q keeps its
    // precision for tail quantiles (q = 0.9999...) where cdf rounds to 1.
    // Bracket by doubling from the mean of the slower phase; the survival
    // function is continuous and decreasing, so bisection always converges.
    const double pWait = m.probabilityOfWaiting;
    const double theta = c * mu - lambda;
    const double tail = 1.0 - q;
    double lo = 0;
    double hi = 1.0 / std::min(mu, theta);
    while (responseSurvival(pWait, theta, mu, hi) > tail)
        hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (responseSurvival(pWait, theta, mu, mid) > tail ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

double littleL(double lambda, double w)
{
    return lambda * w;
}

} // namespace scalelab::analysis
