// Instance counts for a utilisation or a mean-latency target, checked for
// minimality (n meets the target, n - 1 does not) and against a linear scan.
#include "analysis/Queueing.h"
#include "analysis/RequiredInstances.h"

#include <QTest>

#include <stdexcept>

using namespace scalelab::analysis;

namespace {

double perInstanceResponse(double lambda, double meanService, double cv, int workers, int n)
{
    return mgcApprox(lambda / n, meanService, cv, workers).meanResponse;
}

} // namespace

class RequiredInstancesTest : public QObject {
    Q_OBJECT

private slots:
    void utilization_target_gives_smallest_count()
    {
        // 1,000 rps x 50 ms = 50 busy workers; 10 workers per instance at
        // <= 70% -> 50 / 7 = 7.14 -> 8 instances.
        QCOMPARE(instancesForUtilization(1000, 0.05, 10, 0.7), 8);
        QCOMPARE(instancesForUtilization(1000, 0.05, 10, 1.0), 5);
    }

    void utilization_boundary_is_not_pushed_up_by_rounding()
    {
        // 210 x 0.1 / (3 x 0.7) is exactly 10 on paper, 10.000000000000002 in doubles.
        QCOMPARE(instancesForUtilization(210, 0.1, 3, 0.7), 10);
    }

    void no_traffic_still_needs_one_instance()
    {
        QCOMPARE(instancesForUtilization(0, 0.1, 4, 0.5), 1);
        QCOMPARE(instancesForLatency(0, 0.1, 1, 4, 0.1), 1);
    }

    void latency_target_gives_smallest_count()
    {
        struct Case { double lambda, meanService, cv; int workers; double target; };
        for (Case k : {Case{1000, 0.05, 1, 8, 0.06}, Case{5000, 0.02, 0, 4, 0.021}, Case{200, 0.1, 2, 1, 0.15},
                       Case{80, 0.5, 0.5, 16, 0.55}}) {
            const int n = instancesForLatency(k.lambda, k.meanService, k.cv, k.workers, k.target);
            QVERIFY2(n >= 1, "a reachable target must give a count");
            const double atN = perInstanceResponse(k.lambda, k.meanService, k.cv, k.workers, n);
            QVERIFY2(atN <= k.target, qPrintable(QStringLiteral("n=%1 gives W=%2 > target %3").arg(n).arg(atN).arg(k.target)));
            if (n > 1) {
                const double atFewer = perInstanceResponse(k.lambda, k.meanService, k.cv, k.workers, n - 1);
                QVERIFY2(atFewer > k.target,
                         qPrintable(QStringLiteral("n-1=%1 already meets the target (W=%2)").arg(n - 1).arg(atFewer)));
            }
            // Independent of the binary search: the first n found by scanning.
            int scanned = 1;
            while (perInstanceResponse(k.lambda, k.meanService, k.cv, k.workers, scanned) > k.target)
                ++scanned;
            QCOMPARE(n, scanned);
        }
    }

    void latency_count_grows_with_variability()
    {
        const int smooth = instancesForLatency(1000, 0.05, 0, 8, 0.055);
        const int bursty = instancesForLatency(1000, 0.05, 3, 8, 0.055);
        QVERIFY2(bursty > smooth, qPrintable(QStringLiteral("cv 3 needs %1, cv 0 needs %2").arg(bursty).arg(smooth)));
    }

    void unreachable_latency_target_returns_minus_one()
    {
        QCOMPARE(instancesForLatency(100, 0.2, 1, 4, 0.1), -1);  // below the service time
        QCOMPARE(instancesForLatency(100, 0.2, 1, 4, 0.2), -1);  // equal to it: queueing only adds
        QCOMPARE(instancesForLatency(1e6, 0.2, 1, 4, 0.21, 10), -1); // would need far more than 10
    }

    void invalid_arguments_throw()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, instancesForUtilization(-1, 0.1, 4, 0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, instancesForUtilization(10, 0, 4, 0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, instancesForUtilization(10, 0.1, 0, 0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, instancesForUtilization(10, 0.1, 4, 1.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, instancesForLatency(10, 0.1, -1, 4, 0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, instancesForLatency(10, 0.1, 1, 4, 0.5, 0));
    }
};

QTEST_APPLESS_MAIN(RequiredInstancesTest)
#include "RequiredInstancesTest.moc"
