// Multi-AZ: a service spread over availability zones loses only the
// instances in a zone that goes dark (lose_zone), and a balancer's health
// checks route around them; a service in one zone loses everything.
//
// 600 rps of 20 ms work on 3 instances of 8 workers: 50% busy, so two
// instances carry it (N+1). Error counts are Poisson: 3.29 sigma bands.
#include "ClaimChecks.h"
#include "core/Outcome.h"
#include "model/FaultCatalog.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kRate = 600;

model::Architecture design(int zones, int zone, double atS = 20, double durationS = 60)
{
    model::Architecture a;
    model::Block users = patientClient("users", kRate);
    users.region = "us-east";
    model::Block lb = model::makeBlock("load_balancer", "lb");
    lb.params["retry_next_upstream"] = 0; // the dead instances' refusals reach the users, to be counted
    lb.region = "us-east";
    model::Block app = service("app", 3, 8, 20, 1);
    app.params["zones"] = zones;
    app.region = "us-east";
    a.blocks = {users, lb, app};
    a.links = {wire("users", "lb"), wire("lb", "app")};
    model::Fault fault;
    fault.atS = atS;
    fault.action = "lose_zone";
    fault.region = "us-east";
    fault.value = zone;
    fault.durationS = durationS;
    a.faults.push_back(fault);
    return a;
}

} // namespace

class ZoneFailureTest : public QObject {
    Q_OBJECT

private slots:
    void spread_over_three_zones_a_zone_costs_a_third_until_health_checks_notice()
    {
        const auto snap = simulate(design(3, 1), 0, 100);
        QVERIFY(!logged(snap, "lose zone 1 of us-east").empty());
        const auto marked = logged(snap, "unhealthy after 3 failed health checks");
        QCOMPARE(int(marked.size()), 1); // one instance of three was in zone 1
        const double detected = marked.front().atS - 20;
        QVERIFY2(detected >= 10 && detected <= 15, qPrintable(QString("detected after %1 s").arg(detected)));
        // A third of the requests fail until then, none after.
        const double expected = kRate / 3 * detected;
        const double errors = double(snap.errors.total());
        QVERIFY2(poissonCount(errors, expected), qPrintable(QString("%1 errors, expected %2").arg(errors).arg(expected)));
        // Back at 80 s; the balancer's next check sees it.
        const double back = loggedAt(snap, "passes its health check again");
        QVERIFY2(back >= 80 && back <= 85, qPrintable(QString("back at %1 s").arg(back)));
    }

    void in_one_zone_everything_fails_for_the_outage()
    {
        // Every request fails from 20 s until the balancer's first check
        // after the zone is back (80 s) passes.
        const auto snap = simulate(design(1, 1), 0, 100);
        const double back = loggedAt(snap, "passes its health check again");
        QVERIFY2(back >= 80 && back <= 85, qPrintable(QString("back at %1 s").arg(back)));
        const double errors = double(snap.errors.total());
        const double expected = kRate * (back - 20);
        QVERIFY2(poissonCount(errors, expected), qPrintable(QString("%1 errors, expected %2").arg(errors).arg(expected)));
        QCOMPARE(int(logged(snap, "unhealthy after").size()), 3);
    }

    void zone_membership_follows_the_instance_order()
    {
        // 3 instances over 2 zones: zone 1 holds #1 and #3, zone 2 holds #2;
        // a zone the block is not spread into holds none.
        QCOMPARE(int(logged(simulate(design(2, 1), 0, 60), "unhealthy after").size()), 2);
        QCOMPARE(int(logged(simulate(design(2, 2), 0, 60), "unhealthy after").size()), 1);
        const auto untouched = simulate(design(2, 3), 0, 60);
        QCOMPARE(untouched.errors.total(), uint64_t(0));
    }

    void a_zone_is_a_whole_number_within_the_catalogue()
    {
        model::Architecture a = design(3, 1);
        a.faults.front().value = 1.5;
        QVERIFY(model::faultRefusal(a.faults.front(), a).find("whole number") != std::string::npos);
        a.faults.front().value = 7;
        QVERIFY(!model::faultRefusal(a.faults.front(), a).empty());
    }
};

QTEST_APPLESS_MAIN(ZoneFailureTest)
#include "ZoneFailureTest.moc"
