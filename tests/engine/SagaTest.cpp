// A saga across three services whose calls fail independently with p_i
// (injected error rates). A saga fails when any step does:
// 1 - prod(1 - p_i); it needs compensation when a step after the first
// fails: (1 - p_1) - prod(1 - p_i); failing at step k costs k - 1
// compensating calls, each of which fails with its service's p. Counts of
// independent sagas: binomial (or their per-saga variance) within 3.29
// standard deviations.
#include "SimTestSupport.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kZ = 3.29;
constexpr double kP[3] = {0.1, 0.2, 0.3};
const char* const kSteps[3] = {"orders", "payments", "shipping"};

model::Architecture checkout(double rps)
{
    model::Architecture design;
    design.blocks.push_back(patientClient("users", rps));
    model::Block saga = model::makeBlock("saga", "checkout");
    saga.params["workers"] = 64;
    design.blocks.push_back(saga);
    design.links.push_back(wire("users", "checkout"));
    for (int i = 0; i < 3; ++i) {
        design.blocks.push_back(service(kSteps[i], 1, 64, 2, 1));
        design.links.push_back(wire("checkout", kSteps[i]));
        model::Fault fault;
        fault.action = "error_rate";
        fault.block = kSteps[i];
        fault.value = kP[i];
        design.faults.push_back(fault);
    }
    return design;
}

} // namespace

class SagaTest : public QObject {
    Q_OBJECT

private slots:
    void failures_and_compensations_follow_the_step_error_rates()
    {
        const stats::Snapshot snap = simulate(checkout(1000), 2, 20, 21);
        const auto& extras = block(snap, "checkout").extras;
        const double sagas = extras.at("sagas");
        QVERIFY(sagas > 15'000);
        const double allSucceed = (1 - kP[0]) * (1 - kP[1]) * (1 - kP[2]);
        const auto binomialBand = [&](double p) { return kZ * std::sqrt(p * (1 - p) / sagas); };

        const double failure = 1 - allSucceed;
        QVERIFY2(std::abs(extras.at("saga_failure_rate") - failure) < binomialBand(failure),
                 qPrintable(measuredAgainst("saga failure rate", extras.at("saga_failure_rate"), failure, binomialBand(failure))));
        const double compensated = (1 - kP[0]) - allSucceed;
        QVERIFY2(std::abs(extras.at("compensated_rate") - compensated) < binomialBand(compensated),
                 qPrintable(measuredAgainst("compensated rate", extras.at("compensated_rate"), compensated, binomialBand(compensated))));

        // Failing at step 2 undoes one step, at step 3 two.
        const double atTwo = (1 - kP[0]) * kP[1], atThree = (1 - kP[0]) * (1 - kP[1]) * kP[2];
        const double perSaga = atTwo + 2 * atThree;
        const double variance = atTwo + 4 * atThree - perSaga * perSaga;
        const double perSagaBand = kZ * std::sqrt(variance / sagas);
        const double measured = extras.at("compensations") / sagas;
        QVERIFY2(std::abs(measured - perSaga) < perSagaBand,
                 qPrintable(measuredAgainst("compensations per saga", measured, perSaga, perSagaBand)));
        // An undo of step j fails with p_j: about 0.083 per saga, counted.
        const double undoFails = atTwo * kP[0] + atThree * (kP[0] + kP[1]);
        const double undoBand = kZ * std::sqrt(undoFails / sagas); // a rare count: Poisson
        QVERIFY2(std::abs(extras.at("compensation_failures") / sagas - undoFails) < undoBand,
                 qPrintable(measuredAgainst("compensation failures per saga", extras.at("compensation_failures") / sagas,
                                     undoFails, undoBand)));
        // Each failed saga fails its request.
        QVERIFY2(std::abs(double(snap.errors.total()) - extras.at("saga_failures")) <= 64,
                 qPrintable(measuredAgainst("client errors", double(snap.errors.total()), extras.at("saga_failures"), 64)));
    }

    void without_failures_every_step_runs_once_and_nothing_is_undone()
    {
        model::Architecture design = checkout(500);
        design.faults.clear();
        const stats::Snapshot snap = simulate(design, 2, 10, 22);
        const auto& extras = block(snap, "checkout").extras;
        QCOMPARE(extras.at("saga_failures"), 0.0);
        QCOMPARE(extras.at("compensations"), 0.0);
        for (const char* step : kSteps)
            QVERIFY2(std::abs(double(block(snap, step).arrivals) - extras.at("sagas")) <= 64,
                     qPrintable(QString("%1 called %2 times for %3 sagas").arg(step).arg(block(snap, step).arrivals)
                                    .arg(extras.at("sagas"))));
    }
};

QTEST_APPLESS_MAIN(SagaTest)
#include "SagaTest.moc"
