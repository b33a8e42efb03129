// The seed material's sizing rule: peak x latency / concurrency, +buffer,
// x redundancy, with the worked steps a learner reads.
#include "analysis/CapacityFormula.h"

#include <QTest>

#include <stdexcept>

using namespace scalelab::analysis;

class CapacityFormulaTest : public QObject {
    Q_OBJECT

private slots:
    void seed_example_gives_2_then_3_then_6()
    {
        // 100,000 rps x 200 ms / 10,000 per server (seeds, "Capacity Planning").
        const CapacityPlan plan = capacityPlan(100'000, 200, 10'000);
        QCOMPARE(plan.baseServers, 2.0);
        QCOMPARE(plan.baseRounded, 2);
        QCOMPARE(plan.withBuffer, 3);
        QCOMPARE(plan.withRedundancy, 6);
    }

    void seed_example_steps_read_as_worked_arithmetic()
    {
        const CapacityPlan plan = capacityPlan(100'000, 200, 10'000, 0.5, 2);
        QCOMPARE(plan.steps.size(), size_t(4));
        QCOMPARE(QString::fromStdString(plan.steps[0].formula),
                 QStringLiteral("100,000 × 0.2 s = 20,000 concurrent requests"));
        QCOMPARE(QString::fromStdString(plan.steps[1].formula), QStringLiteral("20,000 ÷ 10,000 = 2 servers"));
        QCOMPARE(QString::fromStdString(plan.steps[2].formula), QStringLiteral("2 × 1.5 = 3 servers (+50% buffer)"));
        QCOMPARE(QString::fromStdString(plan.steps[3].formula), QStringLiteral("3 × 2 = 6 servers (redundancy 2)"));
        QCOMPARE(plan.steps[0].value, 20'000.0);
        QCOMPARE(plan.steps[3].value, 6.0);
        for (const CapacityStep& step : plan.steps)
            QVERIFY2(!step.label.empty(), "every step needs a label");
    }

    void fractional_need_rounds_up_once()
    {
        // 12,000 concurrent / 10,000 = 1.2 -> 2 servers; buffer on the exact
        // need: 1.2 x 1.5 = 1.8 -> 2, then x 3 redundancy = 6.
        const CapacityPlan plan = capacityPlan(60'000, 200, 10'000, 0.5, 3);
        QCOMPARE(plan.baseServers, 1.2);
        QCOMPARE(plan.baseRounded, 2);
        QCOMPARE(plan.withBuffer, 2);
        QCOMPARE(plan.withRedundancy, 6);
        QCOMPARE(QString::fromStdString(plan.steps[1].formula), QStringLiteral("12,000 ÷ 10,000 = 1.2 → 2 servers"));
        QCOMPARE(QString::fromStdString(plan.steps[2].formula),
                 QStringLiteral("1.2 × 1.5 = 1.8 → 2 servers (+50% buffer)"));
    }

    void floating_point_noise_does_not_add_a_server()
    {
        // 5,000 x 0.1 s / 10 = 50 servers; 50 x 1.1 is 55.00000000000001 in
        // doubles, and it still means 55 servers.
        const CapacityPlan plan = capacityPlan(5000, 100, 10, 0.1, 1);
        QCOMPARE(plan.baseRounded, 50);
        QCOMPARE(plan.withBuffer, 55);
        QCOMPARE(plan.withRedundancy, 55);
        QCOMPARE(QString::fromStdString(plan.steps[2].formula), QStringLiteral("50 × 1.1 = 55 servers (+10% buffer)"));
    }

    void tiny_load_still_needs_one_server()
    {
        const CapacityPlan plan = capacityPlan(1, 1, 10'000, 0, 1);
        QCOMPARE(plan.baseRounded, 1);
        QCOMPARE(plan.withBuffer, 1);
    }

    void invalid_input_throws()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, capacityPlan(0, 200, 10'000));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, capacityPlan(-5, 200, 10'000));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, capacityPlan(100'000, 0, 10'000));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, capacityPlan(100'000, 200, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, capacityPlan(100'000, 200, 10'000, -0.1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, capacityPlan(100'000, 200, 10'000, 0.5, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, capacityPlan(std::nan(""), 200, 10'000));
        try {
            capacityPlan(100'000, -1, 10'000);
            QFAIL("negative latency was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY2(QString(error.what()).contains("latency"), error.what()); // names the bad input
        }
    }

    void result_too_large_throws_rather_than_overflowing()
    {
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, capacityPlan(1e15, 1000, 1));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, capacityPlan(2e9, 1000, 1, 0, 2));
    }
};

QTEST_APPLESS_MAIN(CapacityFormulaTest)
#include "CapacityFormulaTest.moc"
