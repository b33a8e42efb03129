// Student-t and normal quantiles against printed tables and 17-digit
// references (mpmath, 40 digits), and batch-means intervals that must cover
// the true mean as often as they claim.
#include "stats/ConfidenceInterval.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace scalelab::stats;

namespace {

// Fraction of `experiments` intervals over `batches` N(10, 2^2) batch values
// that contain the true mean 10.
double coverage(int experiments, int batches, double confidence, uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> batchValue(10.0, 2.0);
    int covered = 0;
    std::vector<double> values(batches);
    for (int e = 0; e < experiments; ++e) {
        for (double& value : values)
            value = batchValue(random);
        covered += batchMeansInterval(values, confidence).contains(10.0) ? 1 : 0;
    }
    return double(covered) / experiments;
}

QString band(double observed, double expected, double halfWidth)
{
    return QStringLiteral("coverage %1 outside the 99.9% binomial band %2 +- %3").arg(observed).arg(expected)
        .arg(halfWidth);
}

} // namespace

class ConfidenceIntervalTest : public QObject {
    Q_OBJECT

private slots:
    void t_quantiles_match_tables_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<int>("dof");
        QTest::addColumn<double>("table");     // 3 decimals, as printed
        QTest::addColumn<double>("reference"); // 17 digits, from mpmath
        QTest::newRow("t(0.975, 1)") << 0.975 << 1 << 12.706 << 12.706204736174693;
        QTest::newRow("t(0.975, 2)") << 0.975 << 2 << 4.303 << 4.3026527297494618;
        QTest::newRow("t(0.975, 3)") << 0.975 << 3 << 3.182 << 3.1824463052837084;
        QTest::newRow("t(0.975, 4)") << 0.975 << 4 << 2.776 << 2.7764451051977935;
        QTest::newRow("t(0.95, 5)") << 0.95 << 5 << 2.015 << 2.0150483733330235;
        QTest::newRow("t(0.975, 9)") << 0.975 << 9 << 2.262 << 2.262157162798205;
        QTest::newRow("t(0.975, 19)") << 0.975 << 19 << 2.093 << 2.0930240544083093;
        QTest::newRow("t(0.975, 30)") << 0.975 << 30 << 2.042 << 2.0422724563012379;
        QTest::newRow("t(0.99, 3)") << 0.99 << 3 << 4.541 << 4.5407028585681321;
        QTest::newRow("t(0.995, 19)") << 0.995 << 19 << 2.861 << 2.8609346064649788;
        QTest::newRow("t(0.9995, 9)") << 0.9995 << 9 << 4.781 << 4.7809125859312179;
        QTest::newRow("t(0.999, 50)") << 0.999 << 50 << 3.261 << 3.2614090557983179;
        QTest::newRow("t(0.6, 7)") << 0.6 << 7 << 0.263 << 0.26316686135202275;
        QTest::newRow("t(0.9, 1000)") << 0.9 << 1000 << 1.282 << 1.2823987214609246;
        QTest::newRow("t(0.975, 100000)") << 0.975 << 100000 << 1.960 << 1.9599877075346093;
        QTest::newRow("t(0.999999, 3)") << 0.999999 << 3 << 103.299 << 103.29946777942897;
    }

    void t_quantiles_match_tables()
    {
        QFETCH(double, p);
        QFETCH(int, dof);
        QFETCH(double, table);
        QFETCH(double, reference);
        const double t = studentTQuantile(p, dof);
        QVERIFY2(std::abs(t - table) <= 1e-3,
                 qPrintable(QStringLiteral("t(%1, %2) = %3, table says %4").arg(p).arg(dof).arg(t, 0, 'g', 17).arg(table)));
        QVERIFY2(std::abs(t - reference) <= 1e-10 * reference,
                 qPrintable(QStringLiteral("t(%1, %2) = %3, reference %4").arg(p).arg(dof).arg(t, 0, 'g', 17)
                                .arg(reference, 0, 'g', 17)));
        QVERIFY2(std::abs(studentTQuantile(1 - p, dof) + t) <= 1e-10 * reference, "t must be symmetric about 0");
    }

    void t_tends_to_normal_for_large_dof()
    {
        QVERIFY(std::abs(studentTQuantile(0.975, 1000000) - 1.960) < 1e-3);
        // Still 1.2e-9 above the normal quantile, as z + z(z^2 + 1) / (4 nu) says.
        QVERIFY(std::abs(studentTQuantile(0.975, 2000000000) - 1.9599639857261895) < 1e-14);
    }

    void t_is_increasing_in_p_and_decreasing_in_dof()
    {
        for (int dof : {1, 2, 3, 5, 10, 40, 200, 5000}) {
            double previous = -std::numeric_limits<double>::infinity();
            for (double p = 0.0005; p < 1; p += 0.001) {
                const double t = studentTQuantile(p, dof);
                QVERIFY2(t > previous, qPrintable(QStringLiteral("t(%1, %2) = %3 not above t at the previous p, %4")
                                                      .arg(p).arg(dof).arg(t).arg(previous)));
                previous = t;
            }
            QVERIFY(studentTQuantile(0.975, dof) > studentTQuantile(0.975, dof + 1));
        }
    }

    void quantile_edges()
    {
        QCOMPARE(studentTQuantile(0.5, 7), 0.0);
        QVERIFY(std::isinf(studentTQuantile(1.0, 7)) && studentTQuantile(1.0, 7) > 0);
        QVERIFY(std::isinf(studentTQuantile(0.0, 7)) && studentTQuantile(0.0, 7) < 0);
        QVERIFY(std::isnan(studentTQuantile(0.9, 0)));
        QVERIFY(std::isinf(normalQuantile(1.0)) && std::isinf(normalQuantile(0.0)));
    }

    void normal_quantiles_match_references()
    {
        const struct {
            double p, z;
        } cases[] = {{0.5, 0.0},
                     {0.9, 1.2815515655446005},
                     {0.975, 1.9599639845400542},
                     {0.995, 2.5758293035489008},
                     {0.9995, 3.2905267314918948},
                     {0.001, -3.0902323061678135},
                     {0.02425, -1.9729610513118849}, // Acklam's region boundary
                     {1e-10, -6.3613409024040562}};
        for (const auto& c : cases)
            QVERIFY2(std::abs(normalQuantile(c.p) - c.z) <= 1e-12 * std::max(1.0, std::abs(c.z)),
                     qPrintable(QStringLiteral("normalQuantile(%1) = %2, reference %3").arg(c.p)
                                    .arg(normalQuantile(c.p), 0, 'g', 17).arg(c.z, 0, 'g', 17)));
    }

    void interval_from_batches_by_hand()
    {
        // mean 3, s = sqrt(2.5), half-width t(0.975, 4) * s / sqrt(5).
        const ConfidenceInterval ci = batchMeansInterval({1, 2, 3, 4, 5});
        QCOMPARE(ci.samples, size_t(5));
        QCOMPARE(ci.mean, 3.0);
        QVERIFY(std::abs(ci.halfWidth - 2.7764451051977935 * std::sqrt(2.5 / 5)) < 1e-12);
        QVERIFY(std::abs(ci.lower() - (3 - ci.halfWidth)) < 1e-15 && std::abs(ci.upper() - (3 + ci.halfWidth)) < 1e-15);
        QVERIFY(ci.contains(3.0) && ci.contains(ci.upper()) && !ci.contains(5.0) && !ci.contains(1.0));
        QVERIFY(batchMeansInterval({1, 2, 3, 4, 5}, 0.99).halfWidth > ci.halfWidth);
        QCOMPARE(batchMeansInterval({4, 4, 4}).halfWidth, 0.0);
    }

    void too_few_batches_give_no_finite_interval()
    {
        const ConfidenceInterval one = batchMeansInterval({7.5});
        QCOMPARE(one.mean, 7.5);
        QVERIFY(std::isinf(one.halfWidth));
        QVERIFY(one.contains(1e300));
        const ConfidenceInterval none = batchMeansInterval({});
        QCOMPARE(none.samples, size_t(0));
        QVERIFY(std::isnan(none.mean));
        QVERIFY(std::isnan(batchMeansInterval({1, 2, 3}, 1.5).halfWidth));
    }

    void interval_covers_true_mean_95_percent_of_the_time()
    {
        const int experiments = 2000;
        const double halfBand = 3.29 * std::sqrt(0.95 * 0.05 / experiments);
        const double observed = coverage(experiments, 20, 0.95, 0x5ca1e1ab);
        QVERIFY2(std::abs(observed - 0.95) <= halfBand, qPrintable(band(observed, 0.95, halfBand)));
    }

    void few_batches_still_cover_because_t_is_wider_than_normal()
    {
        // With 5 batches a normal-quantile interval would cover only ~88%:
        // this fails if the t quantile is wrong or replaced by 1.96.
        const int experiments = 2000;
        const double halfBand = 3.29 * std::sqrt(0.95 * 0.05 / experiments);
        const double observed = coverage(experiments, 5, 0.95, 20240917);
        QVERIFY2(std::abs(observed - 0.95) <= halfBand, qPrintable(band(observed, 0.95, halfBand)));
    }

    void weighted_interval_with_equal_weights_is_the_plain_one()
    {
        const std::vector<double> values = {3.1, 2.7, 4.4, 3.9, 2.2, 3.3};
        const ConfidenceInterval plain = batchMeansInterval(values);
        const ConfidenceInterval weighted = batchMeansInterval(values, std::vector<double>(values.size(), 250.0), 0.95);
        QVERIFY(std::abs(weighted.mean - plain.mean) < 1e-12);
        QVERIFY(std::abs(weighted.halfWidth - plain.halfWidth) < 1e-12);
        QCOMPARE(weighted.samples, plain.samples);
    }

    void weighted_interval_by_hand()
    {
        // Windows of 1 and 3 requests with mean latencies 10 and 20, and an
        // empty window (weight 0, mean undefined) that must be skipped.
        const ConfidenceInterval ci =
            batchMeansInterval({10, 20, std::numeric_limits<double>::quiet_NaN()}, {1, 3, 0}, 0.95);
        QCOMPARE(ci.samples, size_t(2));
        QCOMPARE(ci.mean, 17.5); // the mean over all 4 requests
        // variance = 2/1 * (1 * 7.5^2 + 9 * 2.5^2) / 4^2 = 14.0625, sd 3.75
        QVERIFY(std::abs(ci.halfWidth - 12.706204736174693 * 3.75) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(ConfidenceIntervalTest)
#include "ConfidenceIntervalTest.moc"
