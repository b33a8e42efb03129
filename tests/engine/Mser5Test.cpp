// MSER-5 warm-up detection: no cut worth speaking of on stationary data, a
// cut past the transient when the start is biased, never more than half.
#include "stats/Mser5.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace scalelab::stats;

namespace {

constexpr double kLevel = 10;

// Steady level plus N(0, 1) noise plus a bias `initialBias` that decays with
// time constant `tau` observations.
std::vector<double> series(size_t n, double initialBias, double tau, uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<double> x(n);
    for (size_t t = 0; t < n; ++t)
        x[t] = kLevel + (tau > 0 ? initialBias * std::exp(-double(t) / tau) : 0.0) + noise(random);
    return x;
}

double meanFrom(const std::vector<double>& x, size_t from)
{
    double sum = 0;
    for (size_t i = from; i < x.size(); ++i)
        sum += x[i];
    return sum / double(x.size() - from);
}

} // namespace

class Mser5Test : public QObject {
    Q_OBJECT

private slots:
    void statistic_is_minimised_by_hand_computed_example()
    {
        // Batches 30, 10, 10, 10 (five equal values each): deleting the first
        // batch leaves zero spread, so d* = 1 and 5 observations go.
        std::vector<double> x;
        for (double z : {30.0, 10.0, 10.0, 10.0})
            x.insert(x.end(), 5, z);
        const Mser5Result result = mser5(x);
        QCOMPARE(result.batches, size_t(4));
        QCOMPARE(result.truncated, size_t(5));
        QCOMPARE(result.statistic, 0.0);
    }

    void too_short_a_series_is_not_cut()
    {
        QCOMPARE(mser5({}).truncated, size_t(0));
        QCOMPARE(mser5(std::vector<double>(9, 1.0)).truncated, size_t(0));
        QCOMPARE(mser5(std::vector<double>(9, 1.0)).batches, size_t(1));
    }

    void stationary_series_is_barely_cut()
    {
        // On stationary data MSER(d) ~ s^2 / (k - d) grows with d, and only
        // noise in s^2 moves the minimum off 0: over 200 series of 500 the
        // typical cut is a few batches and a large cut (a fifth of the run) is rare.
        constexpr int kSeries = 200;
        constexpr size_t kN = 500;
        std::vector<size_t> cuts;
        for (int s = 0; s < kSeries; ++s)
            cuts.push_back(mser5(series(kN, 0, 0, 1000 + s)).truncated);
        std::sort(cuts.begin(), cuts.end());
        const size_t median = cuts[kSeries / 2], ninetieth = cuts[kSeries * 9 / 10];
        QVERIFY2(median <= kN / 20, qPrintable(QString("median cut %1 of %2 on stationary data").arg(median).arg(kN)));
        QVERIFY2(ninetieth <= kN / 5,
                 qPrintable(QString("90th percentile cut %1 of %2 on stationary data").arg(ninetieth).arg(kN)));
    }

    void biased_start_is_cut_after_the_bias_falls_below_the_noise()
    {
        // Bias 20 decaying with time constant 50: it falls below the noise
        // (sd 1) after 50 ln 20 = 150 observations, and below a tenth of it
        // after 50 ln 200 = 265.
        constexpr size_t kN = 2000;
        constexpr double kBias = 20, kTau = 50;
        const double belowNoise = kTau * std::log(kBias);
        for (uint64_t seed = 1; seed <= 20; ++seed) {
            const auto x = series(kN, kBias, kTau, seed);
            const Mser5Result result = mser5(x);
            const double biasAtCut = kBias * std::exp(-double(result.truncated) / kTau);
            QVERIFY2(double(result.truncated) >= belowNoise,
                     qPrintable(QString("seed %1: cut at %2, but the bias is %3 there (noise sd 1)")
                                    .arg(seed).arg(result.truncated).arg(biasAtCut)));
            QVERIFY2(result.truncated <= kN / 2, qPrintable(QString("cut %1 of %2").arg(result.truncated).arg(kN)));
            QVERIFY(!result.atLimit);
            // The point of the cut: the truncated mean is nearer the steady level.
            QVERIFY2(std::abs(meanFrom(x, result.truncated) - kLevel) < std::abs(meanFrom(x, 0) - kLevel),
                     qPrintable(QString("seed %1: truncated mean %2, untruncated %3, level %4")
                                    .arg(seed).arg(meanFrom(x, result.truncated)).arg(meanFrom(x, 0)).arg(kLevel)));
        }
    }

    void never_cuts_more_than_half_and_flags_a_run_that_never_settles()
    {
        // A steady upward trend (an overloaded queue) has no steady state:
        // MSER keeps falling to the end, the cut stops at half and says so.
        std::vector<double> x(1003);
        for (size_t t = 0; t < x.size(); ++t)
            x[t] = double(t);
        const Mser5Result result = mser5(x);
        QCOMPARE(result.batches, size_t(200));
        QCOMPARE(result.truncated, size_t(500));
        QVERIFY(result.atLimit);
    }
};

QTEST_APPLESS_MAIN(Mser5Test)
#include "Mser5Test.moc"
