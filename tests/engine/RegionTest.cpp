// Multi-region: GeoDNS sends clients to their nearest region, adds the
// inter-region latency when it sends them elsewhere, and fails a lost
// region over within detection time plus DNS TTL.
#include "SimTestSupport.h"
#include "model/Registry.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// Clients in us-east and eu-west; each region has a service behind GeoDNS.
// Checks every 10 s, 3 failures to declare a region down, TTL 60 s,
// us-east <-> eu-west 80 ms one way.
model::Architecture twoRegions(const char* policy = "nearest")
{
    model::Block us = patientClient("client-us", 200);
    us.region = "us-east";
    model::Block eu = patientClient("client-eu", 200);
    eu.region = "eu-west";
    model::Block geo = model::makeBlock("geo_dns", "geo");
    geo.params["policy"] = model::choiceValue("geo_dns", "policy", policy);
    geo.texts["inter_region_ms"] = "us-east/eu-west=80";
    model::Block apiUs = service("api-us", 2, 50, 5, 0);
    apiUs.region = "us-east";
    model::Block apiEu = service("api-eu", 2, 50, 5, 0);
    apiEu.region = "eu-west";
    model::Architecture design;
    design.blocks = {us, eu, geo, apiUs, apiEu};
    design.links = {wire("client-us", "geo"), wire("client-eu", "geo"), wire("geo", "api-us"), wire("geo", "api-eu")};
    return design;
}

} // namespace

class RegionTest : public QObject {
    Q_OBJECT

private slots:
    void clients_go_to_their_nearest_region()
    {
        const auto snap = simulate(twoRegions(), 2, 20);
        // Each region serves its own clients only, at local latency (5 ms work).
        const double usShare = double(block(snap, "api-us").arrivals) / double(snap.requests);
        QVERIFY2(std::abs(usShare - 0.5) < 0.05, qPrintable(QString::number(usShare)));
        QCOMPARE(block(snap, "geo").extras.at("cross_region_requests"), 0.0);
        QVERIFY(std::abs(block(snap, "client-eu").latency.meanMs - 5) < 0.1);
    }

    void active_passive_sends_everyone_to_the_first_region_at_a_price()
    {
        const auto snap = simulate(twoRegions("active_passive"), 2, 20);
        QCOMPARE(block(snap, "api-eu").arrivals, uint64_t{0});
        // European clients cross the Atlantic: 5 ms + 2 x 80 ms.
        QVERIFY2(std::abs(block(snap, "client-eu").latency.meanMs - 165) < 0.5,
                 qPrintable(QString::number(block(snap, "client-eu").latency.meanMs)));
    }

    void losing_a_region_fails_over_within_detection_plus_ttl()
    {
        model::Architecture design = twoRegions();
        model::Fault loss;
        loss.atS = 60;
        loss.action = "lose_region";
        loss.region = "eu-west";
        design.faults.push_back(loss);
        sim::SimulatorOptions options;
        options.windowCapacity = 400;
        sim::Simulator simulator(design, 3, options);
        simulator.runUntil(sim::fromSeconds(300));
        const auto snap = simulator.snapshot(true);

        // Probes at 10, 20, ... s: the failures at 70, 80 and 90 s declare it
        // down at 90 s (within the 30 s detection bound), and resolvers move
        // 60 s (the TTL) later.
        const auto down = logged(snap, "declared down");
        QCOMPARE(down.size(), size_t{1});
        QVERIFY(down[0].atS > 60 && down[0].atS <= 60 + 10 * 3);
        const auto moved = logged(snap, "now go to us-east");
        QCOMPARE(moved.size(), size_t{1});
        QCOMPARE(moved[0].atS, down[0].atS + 60);

        // European clients fail from the loss until the move, then succeed
        // again from the other region, at cross-region latency.
        const auto& eu = block(snap, "client-eu");
        for (const auto& window : eu.series) {
            const double failing = window.errorsTotalPerSecond();
            if (window.endSeconds <= 60 || window.endSeconds > moved[0].atS + 1)
                QVERIFY2(failing == 0, qPrintable(QString("errors at %1 s").arg(window.endSeconds)));
            else if (window.endSeconds > 61 && window.endSeconds <= moved[0].atS)
                QVERIFY2(failing > 150, qPrintable(QString("%1 errors/s at %2 s").arg(failing).arg(window.endSeconds)));
        }
        QVERIFY(eu.series.back().meanMs > 160);
        QCOMPARE(block(snap, "client-us").errors.total(), uint64_t{0});
    }
};

QTEST_APPLESS_MAIN(RegionTest)
#include "RegionTest.moc"
