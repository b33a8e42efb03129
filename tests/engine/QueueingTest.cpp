// Checks engine/analysis/Queueing against textbook figures and against
// direct formulas written out here independently (explicit sums, explicit
// state probabilities, numerical convolution), never against itself.
#include "analysis/Queueing.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

using namespace scalelab::analysis;

// Relative tolerance above magnitude 1, absolute below it.
#define EXPECT_NEAR(actual, expected, tol)                                                                      \
    do {                                                                                                        \
        const double a_ = (actual), e_ = (expected);                                                            \
        QVERIFY2(std::abs(a_ - e_) <= (tol) * std::max(1.0, std::abs(e_)),                                      \
                 qPrintable(QStringLiteral("%1 = %2, expected %3 (%4)")                                         \
                                .arg(QStringLiteral(#actual)).arg(a_, 0, 'g', 15).arg(e_, 0, 'g', 15)            \
                                .arg(QStringLiteral(#expected))));                                               \
    } while (0)

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double factorial(int n)
{
    double f = 1;
    for (int k = 2; k <= n; ++k)
        f *= k;
    return f;
}

// Erlang B as the truncated Poisson ratio (a^c / c!) / sum_{k<=c} a^k / k!.
double erlangBBySum(double a, int c)
{
    double sum = 0;
    for (int k = 0; k <= c; ++k)
        sum += std::pow(a, k) / factorial(k);
    return std::pow(a, c) / factorial(c) / sum;
}

// Erlang C by its explicit formula (Kleinrock vol. 1, eq. 3.40).
double erlangCBySum(double a, int c)
{
    const double top = std::pow(a, c) / factorial(c) * c / (c - a);
    double sum = 0;
    for (int k = 0; k < c; ++k)
        sum += std::pow(a, k) / factorial(k);
    return top / (sum + top);
}

// M/M/c/K state probabilities from p_n = p_0 a^n / n! (n <= c) and
// p_0 a^c / c! rho^(n-c) (n > c).
std::vector<double> mmckStates(double lambda, double mu, int c, int K)
{
    const double a = lambda / mu, rho = a / c;
    std::vector<double> p(K + 1);
    for (int n = 0; n <= K; ++n)
        p[n] = n <= c ? std::pow(a, n) / factorial(n) : std::pow(a, c) / factorial(c) * std::pow(rho, n - c);
    double sum = 0;
    for (double x : p)
        sum += x;
    for (double& x : p)
        x /= sum;
    return p;
}

// P(T <= t) for M/M/c by numerical convolution (Simpson's rule): with
// probability 1 - C, T = S; otherwise T = Wq + S with Wq ~ Exp(c mu - lambda).
double mmcResponseCdfByConvolution(double lambda, double mu, int c, double t)
{
    const double pWait = erlangCBySum(lambda / mu, c);
    const double theta = c * mu - lambda;
    auto f = [&](double s) { return theta * std::exp(-theta * s) * (1 - std::exp(-mu * (t - s))); };
    const int n = 4000;
    const double h = t / n;
    double integral = f(0) + f(t);
    for (int i = 1; i < n; ++i)
        integral += (i % 2 ? 4 : 2) * f(i * h);
    integral *= h / 3;
    return (1 - pWait) * (1 - std::exp(-mu * t)) + pWait * integral;
}

} // namespace

class QueueingTest : public QObject {
    Q_OBJECT

private slots:
    void mm1_matches_textbook()
    {
        // lambda = 2, mu = 3: rho = 2/3, L = rho / (1 - rho) = 2, W = 1 / (mu - lambda) = 1.
        const QueueMetrics m = mm1(2, 3);
        QVERIFY(m.stable);
        EXPECT_NEAR(m.utilization, 2.0 / 3, 1e-12);
        EXPECT_NEAR(m.probabilityOfWaiting, 2.0 / 3, 1e-12);
        EXPECT_NEAR(m.meanInSystem, 2.0, 1e-12);
        EXPECT_NEAR(m.meanInQueue, 4.0 / 3, 1e-12);
        EXPECT_NEAR(m.meanResponse, 1.0, 1e-12);
        EXPECT_NEAR(m.meanWait, 2.0 / 3, 1e-12);
        EXPECT_NEAR(m.throughput, 2.0, 1e-12);
        QCOMPARE(m.blockingProbability, 0.0);
    }

    void overloaded_queue_is_unstable_with_infinite_wait()
    {
        for (const QueueMetrics& m : {mm1(3, 3), mmc(10, 1, 4), mg1(2, 0.5, 0.3), mgcApprox(9, 1, 2, 8)}) {
            QVERIFY2(!m.stable, "an arrival rate at or above capacity must be reported unstable");
            QCOMPARE(m.meanWait, kInf);
            QCOMPARE(m.meanResponse, kInf);
            QCOMPARE(m.meanInSystem, kInf);
            QCOMPARE(m.utilization, 1.0);
        }
        EXPECT_NEAR(mmc(10, 1, 4).throughput, 4.0, 1e-12); // capped at what 4 servers complete
    }

    void erlang_b_matches_textbook_and_explicit_sum()
    {
        EXPECT_NEAR(erlangB(2, 3), 0.2105, 1e-4); // 4/19
        EXPECT_NEAR(erlangB(2, 3), 4.0 / 19, 1e-14);
        for (double a : {0.1, 1.0, 3.7, 12.0, 25.0})
            for (int c : {1, 2, 5, 10, 20, 30})
                EXPECT_NEAR(erlangB(a, c), erlangBBySum(a, c), 1e-12);
        QCOMPARE(erlangB(5, 0), 1.0); // no servers: everything is blocked
        QCOMPARE(erlangB(0, 3), 0.0);
    }

    void erlang_c_matches_explicit_sum()
    {
        for (int c : {1, 2, 3, 5, 8, 13, 20})
            for (double rho : {0.05, 0.3, 0.6, 0.9, 0.99})
                EXPECT_NEAR(erlangC(rho * c, c), erlangCBySum(rho * c, c), 1e-12);
        QCOMPARE(erlangC(5, 5), 1.0); // saturated: everyone waits
    }

    void mmc_matches_textbook()
    {
        // lambda = 2, mu = 1, c = 3: C = 4/9, Lq = 8/9, Wq = 4/9, W = 13/9.
        const QueueMetrics m = mmc(2, 1, 3);
        EXPECT_NEAR(m.probabilityOfWaiting, 4.0 / 9, 1e-12);
        EXPECT_NEAR(m.meanInQueue, 8.0 / 9, 1e-12);
        EXPECT_NEAR(m.meanWait, 4.0 / 9, 1e-12);
        EXPECT_NEAR(m.meanResponse, 13.0 / 9, 1e-12);
        EXPECT_NEAR(m.utilization, 2.0 / 3, 1e-12);
    }

    void mmc_with_one_server_equals_mm1()
    {
        for (double lambda : {0.0, 0.5, 4.0, 9.9}) {
            const QueueMetrics a = mmc(lambda, 10, 1), b = mm1(lambda, 10);
            EXPECT_NEAR(a.meanWait, b.meanWait, 1e-12);
            EXPECT_NEAR(a.meanResponse, b.meanResponse, 1e-12);
            EXPECT_NEAR(a.meanInSystem, b.meanInSystem, 1e-12);
            EXPECT_NEAR(a.probabilityOfWaiting, b.probabilityOfWaiting, 1e-12);
        }
    }

    void means_obey_littles_law()
    {
        const std::vector<QueueMetrics> all = {mm1(3, 5),          mmc(70, 1, 80),      mmck(12, 1, 10, 25),
                                               mmck(5, 2, 2, 7),   mg1(0.8, 1, 0.4),    mgcApprox(30, 0.1, 1.7, 4)};
        for (const QueueMetrics& m : all) {
            EXPECT_NEAR(m.meanInSystem, littleL(m.throughput, m.meanResponse), 1e-9);
            EXPECT_NEAR(m.meanInQueue, littleL(m.throughput, m.meanWait), 1e-9);
        }
    }

    void mmc_stays_finite_and_accurate_for_huge_c()
    {
        // 10,000 servers at rho 0.9: Erlang C is astronomically small but must
        // be a probability, not NaN or overflow.
        const QueueMetrics m = mmc(9000, 1, 10000);
        QVERIFY(m.stable);
        QVERIFY2(std::isfinite(m.probabilityOfWaiting) && m.probabilityOfWaiting >= 0
                     && m.probabilityOfWaiting < 1e-15,
                 qPrintable(QString::number(m.probabilityOfWaiting)));
        QVERIFY(std::isfinite(m.meanWait) && m.meanWait >= 0);
        // Halfin-Whitt: with beta = (1 - rho) sqrt(c), C -> 1 / (1 + beta Phi(beta) / phi(beta))
        // as c grows. Here beta = 1 at c = 10,000 and 100,000.
        const double beta = 1.0;
        const double Phi = 0.5 * std::erfc(-beta / std::sqrt(2.0));
        const double phi = std::exp(-beta * beta / 2) / std::sqrt(2 * std::numbers::pi);
        const double halfinWhitt = 1 / (1 + beta * Phi / phi);
        for (int c : {10'000, 100'000}) {
            const double rho = 1 - beta / std::sqrt(double(c));
            const double C = erlangC(rho * c, c);
            QVERIFY2(std::abs(C - halfinWhitt) < 0.01,
                     qPrintable(QStringLiteral("c=%1: C=%2, Halfin-Whitt %3").arg(c).arg(C).arg(halfinWhitt)));
        }
    }

    void mmck_matches_explicit_state_probabilities()
    {
        struct Case { double lambda, mu; int c, K; };
        for (Case k : {Case{3, 1, 2, 5}, Case{1, 1, 3, 3}, Case{0.5, 2, 1, 10}, Case{20, 3, 4, 12}, Case{4, 1, 4, 9}}) {
            const std::vector<double> p = mmckStates(k.lambda, k.mu, k.c, k.K);
            double L = 0, Lq = 0, waiting = 0;
            for (int n = 0; n <= k.K; ++n) {
                L += n * p[n];
                Lq += std::max(0, n - k.c) * p[n];
                if (n >= k.c && n < k.K)
                    waiting += p[n];
            }
            const double admitted = k.lambda * (1 - p[k.K]);
            const QueueMetrics m = mmck(k.lambda, k.mu, k.c, k.K);
            QVERIFY(m.stable);
            EXPECT_NEAR(m.blockingProbability, p[k.K], 1e-12);
            EXPECT_NEAR(m.meanInSystem, L, 1e-12);
            EXPECT_NEAR(m.meanInQueue, Lq, 1e-12);
            EXPECT_NEAR(m.throughput, admitted, 1e-12);
            EXPECT_NEAR(m.meanResponse, L / admitted, 1e-12);
            EXPECT_NEAR(m.utilization, admitted / (k.c * k.mu), 1e-12);
            EXPECT_NEAR(m.probabilityOfWaiting, waiting / (1 - p[k.K]), 1e-12);
        }
    }

    void mm1k_blocking_matches_textbook()
    {
        // p_K = (1 - rho) rho^K / (1 - rho^(K+1)).
        const double rho = 0.8;
        const int K = 6;
        EXPECT_NEAR(mmck(0.8, 1, 1, K).blockingProbability, (1 - rho) * std::pow(rho, K) / (1 - std::pow(rho, K + 1)),
                    1e-13);
        EXPECT_NEAR(mmck(1, 1, 1, K).blockingProbability, 1.0 / (K + 1), 1e-13); // rho = 1: uniform states
    }

    void mmck_without_queue_is_erlang_b()
    {
        for (int c : {1, 4, 50, 2000})
            EXPECT_NEAR(mmck(0.9 * c, 1, c, c).blockingProbability, erlangB(0.9 * c, c), 1e-12);
    }

    void mmck_with_large_capacity_approaches_mmc()
    {
        const QueueMetrics finite = mmck(7, 1, 8, 2000), infinite = mmc(7, 1, 8);
        QVERIFY(finite.blockingProbability < 1e-100);
        EXPECT_NEAR(finite.meanWait, infinite.meanWait, 1e-10);
        EXPECT_NEAR(finite.meanInSystem, infinite.meanInSystem, 1e-10);
        EXPECT_NEAR(finite.probabilityOfWaiting, infinite.probabilityOfWaiting, 1e-10);
    }

    void mmck_handles_a_million_places()
    {
        // Overloaded (rho = 1.5): the queue is nearly always full and
        // p_K -> 1 - 1/rho, so the servers run flat out.
        const QueueMetrics over = mmck(150, 1, 100, 1'000'000);
        QVERIFY(over.stable);
        EXPECT_NEAR(over.blockingProbability, 1.0 / 3, 1e-9);
        EXPECT_NEAR(over.throughput, 100, 1e-9);
        QVERIFY(over.meanInSystem > 999'000 && over.meanInSystem <= 1'000'000);
        // Under load, a million places is effectively infinite.
        const QueueMetrics under = mmck(99, 1, 100, 1'000'000);
        EXPECT_NEAR(under.meanWait, mmc(99, 1, 100).meanWait, 1e-9);
        // rho = 1 exactly: all queue lengths equally likely, L ~ K / 2.
        const QueueMetrics critical = mmck(1, 1, 1, 1'000'000);
        EXPECT_NEAR(critical.meanInSystem, 500'000, 1e-9);
        EXPECT_NEAR(critical.blockingProbability, 1.0 / 1'000'001, 1e-9);
        // Many servers and many places together.
        const QueueMetrics big = mmck(120'000, 1, 100'000, 1'000'000);
        QVERIFY(std::isfinite(big.meanInSystem) && big.blockingProbability > 0 && big.blockingProbability < 1);
        EXPECT_NEAR(big.throughput, 100'000, 1e-9);
    }

    void md1_matches_pollaczek_khinchine()
    {
        for (double rho : {0.1, 0.5, 0.9, 0.99}) {
            const double mu = 4, lambda = rho * mu;
            const QueueMetrics m = mg1(lambda, 1 / mu, 0);
            EXPECT_NEAR(m.meanWait, rho / (2 * mu * (1 - rho)), 1e-12);
            EXPECT_NEAR(m.meanResponse, rho / (2 * mu * (1 - rho)) + 1 / mu, 1e-12);
        }
    }

    void mg1_with_exponential_service_equals_mm1()
    {
        const QueueMetrics a = mg1(3, 0.25, 1), b = mm1(3, 4);
        EXPECT_NEAR(a.meanWait, b.meanWait, 1e-12);
        EXPECT_NEAR(a.meanInSystem, b.meanInSystem, 1e-12);
    }

    void allen_cunneen_is_exact_for_one_server()
    {
        for (double cv : {0.0, 0.5, 1.0, 2.5}) {
            const QueueMetrics a = mgcApprox(0.7, 1, cv, 1), b = mg1(0.7, 1, cv);
            EXPECT_NEAR(a.meanWait, b.meanWait, 1e-12);
            EXPECT_NEAR(a.meanInQueue, b.meanInQueue, 1e-12);
        }
    }

    void allen_cunneen_scales_the_markov_wait()
    {
        const QueueMetrics markov = mmc(3.2, 1, 4);
        EXPECT_NEAR(mgcApprox(3.2, 1, 0, 4).meanWait, markov.meanWait / 2, 1e-12); // deterministic halves it
        EXPECT_NEAR(mgcApprox(3.2, 1, 1, 4).meanWait, markov.meanWait, 1e-12);
        EXPECT_NEAR(mgcApprox(3.2, 1, 3, 4).meanWait, markov.meanWait * 5, 1e-12);
    }

    void mm1_response_quantile_inverts_exponential_cdf()
    {
        for (double q : {0.01, 0.5, 0.9, 0.999}) {
            const double t = mm1ResponseQuantile(2, 5, q);
            EXPECT_NEAR(1 - std::exp(-3 * t), q, 1e-12);
        }
        QCOMPARE(mm1ResponseQuantile(2, 5, 0), 0.0);
        QCOMPARE(mm1ResponseQuantile(2, 5, 1), kInf);
        QCOMPARE(mm1ResponseQuantile(5, 5, 0.5), kInf);
    }

    void mmc_wait_quantile_inverts_cdf()
    {
        const double lambda = 3, mu = 1;
        const int c = 4;
        const double C = erlangCBySum(lambda / mu, c);
        // Requests that do not wait: quantiles at or below 1 - C are zero.
        QCOMPARE(mmcWaitQuantile(lambda, mu, c, 0.5 * (1 - C)), 0.0);
        QCOMPARE(mmcWaitQuantile(lambda, mu, c, 1 - C), 0.0);
        for (double q : {1 - C + 1e-6, 0.8, 0.95, 0.9999}) {
            const double t = mmcWaitQuantile(lambda, mu, c, q);
            QVERIFY(t > 0);
            EXPECT_NEAR(1 - C * std::exp(-(c * mu - lambda) * t), q, 1e-12);
        }
    }

    void mmc_response_cdf_matches_numerical_convolution()
    {
        struct Case { double lambda, mu; int c; };
        // The second case has c mu - lambda == mu, where the textbook closed form divides by zero.
        for (Case k : {Case{2.5, 1, 4}, Case{2, 2, 2}, Case{0.5, 1, 1}, Case{35, 2, 20}, Case{1.9, 1, 2}})
            for (double t : {0.01, 0.3, 1.0, 2.5, 7.0})
                EXPECT_NEAR(mmcResponseCdf(k.lambda, k.mu, k.c, t),
                            mmcResponseCdfByConvolution(k.lambda, k.mu, k.c, t), 1e-10);
        QCOMPARE(mmcResponseCdf(3, 1, 4, 0), 0.0);
    }

    void mmc_response_quantile_inverts_cdf()
    {
        struct Case { double lambda, mu; int c; };
        // (3, 1, 4) has c mu - lambda == mu, where the textbook closed form divides by zero.
        for (Case k : {Case{2.5, 1, 4}, Case{3, 1, 4}, Case{35, 2, 20}})
            for (double q : {0.05, 0.5, 0.9, 0.99, 0.999}) {
                const double t = mmcResponseQuantile(k.lambda, k.mu, k.c, q);
                EXPECT_NEAR(mmcResponseCdfByConvolution(k.lambda, k.mu, k.c, t), q, 1e-9);
            }
        // One server: T is exponential, so it must agree with the M/M/1 closed form.
        for (double q : {0.05, 0.5, 0.9, 0.99, 0.999})
            EXPECT_NEAR(mmcResponseQuantile(2, 5, 1, q), mm1ResponseQuantile(2, 5, q), 1e-10);
        // A deep tail quantile keeps its precision. With theta == mu == 1,
        // P(T > t) = (1 - C) e^-t + C (1 + t) e^-t = (1 + C t) e^-t.
        const double tail = 1e-12;
        const double t = mmcResponseQuantile(3, 1, 4, 1 - tail);
        const double survival = (1 + erlangCBySum(3, 4) * t) * std::exp(-t);
        QVERIFY2(std::abs(survival / tail - 1) < 1e-3, // 1 - 1e-12 itself carries ~1e-4 relative rounding
                 qPrintable(QStringLiteral("P(T > %1) = %2, expected 1e-12").arg(t).arg(survival)));
        QCOMPARE(mmcResponseQuantile(3, 1, 4, 0), 0.0);
        QCOMPARE(mmcResponseQuantile(3, 1, 4, 1), kInf);
        QCOMPARE(mmcResponseQuantile(5, 1, 4, 0.5), kInf);
    }

    void invalid_arguments_throw()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mm1(-1, 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mm1(1, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mm1(std::nan(""), 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mmc(1, 2, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mmck(1, 2, 3, 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mg1(1, 0.5, -0.1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mm1ResponseQuantile(1, 2, 1.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, erlangB(-1, 3));
    }
};

QTEST_APPLESS_MAIN(QueueingTest)
#include "QueueingTest.moc"
