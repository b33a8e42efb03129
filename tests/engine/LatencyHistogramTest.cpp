// The histogram's header promises quantiles within 1/256 of the exact
// nearest-rank sample, exact count/min/max/mean, lossless merges and fixed
// memory; each test below checks one of those promises.
#include "stats/LatencyHistogram.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using scalelab::stats::LatencyHistogram;

namespace {

const double kQuantiles[] = {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 0.9999, 1.0};

// Sample of 200 000 latencies from a named distribution, fixed seed.
std::vector<int64_t> sample(const QByteArray& name)
{
    std::mt19937_64 random(20240917);
    std::vector<int64_t> values(200000);
    const auto fill = [&](auto draw) {
        for (auto& value : values)
            value = std::llround(draw());
    };
    if (name == "uniform 0..1 ms") {
        std::uniform_real_distribution<double> d(0, 1e6);
        fill([&] { return d(random); });
    } else if (name == "exponential, mean 2 ms") {
        std::exponential_distribution<double> d(1 / 2e6);
        fill([&] { return d(random); });
    } else if (name == "log-uniform 1 ns..1 h") {
        std::uniform_real_distribution<double> d(0, std::log(3.6e12));
        fill([&] { return std::exp(d(random)); });
    } else if (name == "lognormal, heavy tail") {
        std::lognormal_distribution<double> d(std::log(1e5), 2.0);
        fill([&] { return d(random); });
    } else if (name == "bimodal cache hit/miss") {
        std::normal_distribution<double> hit(50e3, 5e3), miss(20e6, 2e6);
        std::bernoulli_distribution isMiss(0.1);
        fill([&] { return std::max(0.0, isMiss(random) ? miss(random) : hit(random)); });
    } else if (name == "small integers (exact range)") {
        std::uniform_int_distribution<int> d(0, 300);
        fill([&] { return d(random); });
    } else if (name == "constant 12.345678 ms") {
        fill([] { return 12345678.0; });
    }
    return values;
}

// The value of nearest rank ceil(q n) among the sorted values, as the
// histogram defines its quantiles.
int64_t exactQuantile(const std::vector<int64_t>& sorted, double q)
{
    const auto n = static_cast<uint64_t>(sorted.size());
    const auto rank = std::clamp<uint64_t>(static_cast<uint64_t>(std::ceil(q * static_cast<double>(n))), 1, n);
    return sorted[rank - 1];
}

LatencyHistogram histogramOf(const std::vector<int64_t>& values)
{
    LatencyHistogram histogram;
    for (int64_t value : values)
        histogram.record(value);
    return histogram;
}

} // namespace

class LatencyHistogramTest : public QObject {
    Q_OBJECT

private slots:
    void quantiles_within_documented_error_data()
    {
        QTest::addColumn<QByteArray>("distribution");
        for (const char* name : {"uniform 0..1 ms", "exponential, mean 2 ms", "log-uniform 1 ns..1 h",
                                 "lognormal, heavy tail", "bimodal cache hit/miss", "small integers (exact range)",
                                 "constant 12.345678 ms"})
            QTest::newRow(name) << QByteArray(name);
    }

    void quantiles_within_documented_error()
    {
        QFETCH(QByteArray, distribution);
        static_assert(LatencyHistogram::kRelativeError <= 0.01, "the product promises 1% quantiles");
        std::vector<int64_t> values = sample(distribution);
        const LatencyHistogram histogram = histogramOf(values);
        std::sort(values.begin(), values.end());
        for (double q : kQuantiles) {
            const int64_t exact = exactQuantile(values, q);
            const int64_t estimate = histogram.quantile(q);
            const double error = exact == 0 ? std::abs(double(estimate)) : std::abs(double(estimate - exact)) / double(exact);
            QVERIFY2(error <= LatencyHistogram::kRelativeError,
                     qPrintable(QStringLiteral("q=%1: histogram says %2 ns, exact is %3 ns, relative error %4% > %5%")
                                    .arg(q).arg(estimate).arg(exact).arg(error * 100)
                                    .arg(LatencyHistogram::kRelativeError * 100)));
            if (exact < 256)
                QVERIFY2(estimate == exact, qPrintable(QStringLiteral("q=%1: values below 256 ns must be exact, got %2 "
                                                                      "for %3").arg(q).arg(estimate).arg(exact)));
        }
        QCOMPARE(histogram.quantile(0.0), values.front());
        QCOMPARE(histogram.quantile(1.0), values.back());
    }

    void count_min_max_mean_are_exact()
    {
        std::vector<int64_t> values = sample("log-uniform 1 ns..1 h");
        const LatencyHistogram histogram = histogramOf(values);
        long double sum = 0;
        for (int64_t value : values)
            sum += value;
        QCOMPARE(histogram.count(), uint64_t(values.size()));
        QCOMPARE(histogram.min(), *std::min_element(values.begin(), values.end()));
        QCOMPARE(histogram.max(), *std::max_element(values.begin(), values.end()));
        QVERIFY2(std::abs(histogram.mean() - double(sum / values.size())) <= 1e-12 * histogram.mean(),
                 qPrintable(QStringLiteral("mean %1 vs exact %2").arg(histogram.mean()).arg(double(sum / values.size()))));
    }

    void mean_stays_exact_past_double_precision()
    {
        // A million values of 2^42 + 1 sum past 2^62, where a double sum
        // rounds to multiples of 1024 and the mean drifts.
        const int64_t value = (int64_t{1} << 42) + 1;
        LatencyHistogram histogram;
        for (int i = 0; i < 1000000; ++i)
            histogram.record(value);
        QCOMPARE(histogram.mean(), double(value));
    }

    void merge_equals_recording_everything()
    {
        const std::vector<int64_t> first = sample("lognormal, heavy tail");
        const std::vector<int64_t> second = sample("bimodal cache hit/miss");
        LatencyHistogram merged = histogramOf(first);
        merged.merge(histogramOf(second));
        std::vector<int64_t> all = first;
        all.insert(all.end(), second.begin(), second.end());
        const LatencyHistogram together = histogramOf(all);

        QCOMPARE(merged.count(), together.count());
        QCOMPARE(merged.min(), together.min());
        QCOMPARE(merged.max(), together.max());
        QCOMPARE(merged.mean(), together.mean());
        for (size_t i = 0; i < together.bucketCount(); ++i)
            QVERIFY2(merged.countInBucket(i) == together.countInBucket(i),
                     qPrintable(QStringLiteral("bucket %1 differs after merge").arg(i)));
        for (double q : kQuantiles)
            QCOMPARE(merged.quantile(q), together.quantile(q));
    }

    void merge_into_empty_takes_other_min()
    {
        LatencyHistogram empty, other;
        other.record(500);
        other.record(700);
        empty.merge(other);
        QCOMPARE(empty.min(), int64_t(500)); // not the empty histogram's 0
        QCOMPARE(empty.max(), int64_t(700));
        QCOMPARE(empty.count(), uint64_t(2));
    }

    void merge_folds_wider_range_into_top_bucket()
    {
        LatencyHistogram narrow(1000000), wide;
        wide.record(10);
        wide.record(5000000000); // 5 s: beyond narrow's range
        narrow.merge(wide);
        QCOMPARE(narrow.count(), uint64_t(2));
        QCOMPARE(narrow.countInBucket(LatencyHistogram::bucketIndex(10)), uint64_t(1));
        QCOMPARE(narrow.countInBucket(narrow.bucketCount() - 1), uint64_t(1));
        QCOMPARE(narrow.max(), int64_t(5000000000));
        QCOMPARE(narrow.quantile(1.0), int64_t(5000000000));
    }

    void reset_forgets_everything()
    {
        LatencyHistogram histogram = histogramOf(sample("uniform 0..1 ms"));
        histogram.reset();
        QCOMPARE(histogram.count(), uint64_t(0));
        QCOMPARE(histogram.mean(), 0.0);
        QCOMPARE(histogram.quantile(0.5), int64_t(0));
        for (size_t i = 0; i < histogram.bucketCount(); ++i)
            QCOMPARE(histogram.countInBucket(i), uint64_t(0));
        histogram.record(4000);
        QCOMPARE(histogram.min(), int64_t(4000)); // no stale minimum of 0
        QCOMPARE(histogram.quantile(0.5), int64_t(4000));
    }

    void out_of_range_values_clamp_but_extremes_stay_exact()
    {
        LatencyHistogram histogram;
        histogram.record(-5);
        QCOMPARE(histogram.min(), int64_t(0));
        const int64_t huge = int64_t{1} << 50; // 13 days, past the 2^42 range
        histogram.record(huge);
        QCOMPARE(histogram.max(), huge);
        QCOMPARE(histogram.countInBucket(histogram.bucketCount() - 1), uint64_t(1));
        QCOMPARE(histogram.quantile(1.0), huge);
        QCOMPARE(histogram.mean(), double(huge) / 2);

        LatencyHistogram onlyHuge;
        onlyHuge.record(huge);
        QCOMPARE(onlyHuge.quantile(0.5), huge); // the top bucket's midpoint, clamped to [min, max]
    }

    void memory_is_fixed_at_construction()
    {
        LatencyHistogram histogram;
        const size_t buckets = histogram.bucketCount();
        QVERIFY2(buckets * sizeof(uint64_t) <= 40 * 1024,
                 qPrintable(QStringLiteral("default histogram has %1 buckets, over the 40 KiB the header promises")
                                .arg(buckets)));
        QVERIFY(LatencyHistogram::bucketHighest(buckets - 1) >= int64_t{1} << 42);
        std::mt19937_64 random(7);
        for (int i = 0; i < 1000000; ++i)
            histogram.record(static_cast<int64_t>(random() >> 1)); // anywhere in int64
        QCOMPARE(histogram.bucketCount(), buckets);
        QCOMPARE(histogram.count(), uint64_t(1000000));
    }

    void buckets_tile_the_range_without_gaps()
    {
        LatencyHistogram full(INT64_MAX);
        QCOMPARE(LatencyHistogram::bucketHighest(full.bucketCount() - 1), INT64_MAX);
        for (size_t i = 0; i < full.bucketCount(); ++i) {
            const int64_t lowest = LatencyHistogram::bucketLowest(i);
            const int64_t highest = LatencyHistogram::bucketHighest(i);
            QVERIFY2(LatencyHistogram::bucketIndex(lowest) == i && LatencyHistogram::bucketIndex(highest) == i,
                     qPrintable(QStringLiteral("bucket %1 [%2, %3] does not map back to itself").arg(i).arg(lowest)
                                    .arg(highest)));
            if (i > 0)
                QCOMPARE(lowest, LatencyHistogram::bucketHighest(i - 1) + 1);
            // The midpoint's worst distance to a value in the bucket, against
            // the bucket's smallest value: the documented error bound.
            const int64_t worstError = (highest - lowest + 1) / 2;
            QVERIFY2(double(worstError) <= LatencyHistogram::kRelativeError * double(std::max<int64_t>(lowest, 1)),
                     qPrintable(QStringLiteral("bucket %1 [%2, %3] is too wide for the error bound").arg(i).arg(lowest)
                                    .arg(highest)));
        }
    }
};

QTEST_APPLESS_MAIN(LatencyHistogramTest)
#include "LatencyHistogramTest.moc"
