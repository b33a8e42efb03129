// The connection server (blocks/ConnectionServerBlock.h) against queueing
// theory: open connections follow Little's law (an M/G/infinity system
// holds Poisson(lambda D) of them, mean lambda D); with c slots it is an
// M/G/c/c loss system whose refused share is Erlang B(c, lambda D); a
// crashed instance's connections all reconnect. And the chat-connections
// example's what-to-try.
//
// Tolerances: batch means over windows much longer than a connection (the
// 99.9% interval of SimTestSupport), or 3.29 sigma of Poisson counts.
#include "SimTestSupport.h"
#include "analysis/NetworkModel.h"
#include "analysis/Queueing.h"
#include "analysis/StreamingModel.h"
#include "core/Outcome.h"
#include "io/ScenarioFile.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kConnectRps = 200, kDurationS = 20; // 4,000 connections offered

model::Architecture chatDesign(int instances, double memoryGb)
{
    model::Architecture design;
    design.blocks.push_back(patientClient("users", kConnectRps));
    model::Block server = model::makeBlock("connection_server", "chat");
    server.params["instances"] = instances;
    server.params["memory_gb"] = memoryGb;
    server.params["memory_per_connection_kb"] = 100; // 10,000 per GB
    server.params["connection_duration_s"] = kDurationS;
    server.params["reconnect_within_s"] = 5;
    design.blocks.push_back(server);
    design.links.push_back(wire("users", "chat"));
    return design;
}

double extra(const stats::Snapshot& snap, const char* id, const char* key)
{
    return block(snap, id).extras.at(key);
}

QString figure(const char* what, double measured, double expected)
{
    return QString("%1: measured %2, expected %3").arg(what).arg(measured, 0, 'g', 6).arg(expected, 0, 'g', 6);
}

bool poissonClose(double measured, double mean)
{
    return std::abs(measured - mean) <= 3.29 * std::sqrt(mean);
}

} // namespace

class ConnectionServerTest : public QObject {
    Q_OBJECT

private slots:
    void open_connections_follow_littles_law()
    {
        // 40,000 slots for 4,000 offered: nothing refused. Windows of 40 s
        // (two mean durations) as batches; warm-up 7.5 durations.
        const model::Architecture design = chatDesign(4, 1);
        const double offered = kConnectRps * kDurationS;
        const auto snap = simulate(design, 150, 800, 1, 40);
        const auto windows = measuredWindows(block(snap, "chat").series, 150);
        const auto open = windowInterval(windows, [](const stats::WindowSample& w) { return w.gauge; },
                                         [](const stats::WindowSample&) { return 1.0; });
        QVERIFY2(open.contains(offered), qPrintable(figure("mean open connections", open.mean, offered) +
                                                    QString(" +- %1").arg(open.halfWidth)));
        QCOMPARE(extra(snap, "chat", "refused"), 0.0);
        QCOMPARE(snap.errors.total(), uint64_t(0));
        // The planner: Little's law, nothing refused.
        const auto figures = analysis::connectionFigures(design.blocks[1], kConnectRps);
        QCOMPARE(figures.offered, offered);
        QVERIFY(figures.refusedShare < 1e-9);
    }

    void connects_beyond_capacity_are_refused_as_erlang_b_says()
    {
        // 2 instances x 1,500 = 3,000 slots for 4,000 offered.
        const model::Architecture design = chatDesign(2, 0.15);
        const double share = analysis::erlangB(kConnectRps * kDurationS, 3000);
        QVERIFY(share > 0.2); // the case is a real overload
        const auto snap = simulate(design, 150, 800, 2, 40);
        QCOMPARE(extra(snap, "chat", "connection_capacity"), 3000.0);
        const auto windows = measuredWindows(block(snap, "chat").series, 150);
        const auto refused = windowInterval(
            windows,
            [](const stats::WindowSample& w) {
                return w.errorsPerSecond[static_cast<size_t>(sim::Outcome::Rejected) - 1] / w.arrivalsPerSecond;
            },
            [](const stats::WindowSample& w) { return w.arrivalsPerSecond; });
        QVERIFY2(refused.contains(share), qPrintable(figure("refused share", refused.mean, share) +
                                                     QString(" +- %1").arg(refused.halfWidth)));
        QVERIFY(extra(snap, "chat", "open_connections") <= 3000);
        QCOMPARE(double(snap.errors[sim::Outcome::Rejected]), extra(snap, "chat", "refused"));
        QCOMPARE(analysis::connectionFigures(design.blocks[1], kConnectRps).refusedShare, share);
    }

    void a_crash_reconnects_every_connection_it_held()
    {
        const model::Architecture design = chatDesign(4, 1);
        sim::Simulator simulator(design, 3);
        simulator.runUntil(sim::fromSeconds(150));
        const double before = extra(simulator.snapshot(), "chat", "open_connections");
        simulator.resetStats();
        model::Fault crash;
        crash.action = "crash";
        crash.block = "chat";
        crash.value = 1;
        QCOMPARE(QString::fromStdString(simulator.inject(crash)), QString());
        const auto atCrash = simulator.snapshot();
        const double held = before - extra(atCrash, "chat", "open_connections");
        QCOMPARE(extra(atCrash, "chat", "dropped"), held);
        // Least connections kept the four balanced: a quarter each, give or
        // take less than independent placement would.
        QVERIFY2(poissonClose(held, before / 4), qPrintable(figure("held by the crashed instance", held, before / 4)));
        simulator.runFor(sim::fromSeconds(6)); // every reconnect comes within 5 s
        const auto after = simulator.snapshot();
        QCOMPARE(extra(after, "chat", "reconnects"), held);
        QCOMPARE(extra(after, "chat", "reconnects_refused"), 0.0); // 30,000 slots left
        QCOMPARE(extra(after, "chat", "connection_capacity"), 30'000.0);
    }

    void messages_load_the_workers()
    {
        // 4,000 connections x 0.5 msg/s x 4 ms = 8 busy workers of 4 x 4.
        model::Architecture design = chatDesign(4, 1);
        design.findBlock("chat")->params["message_rate"] = 0.5;
        design.findBlock("chat")->params["message_time_ms"] = 4;
        design.findBlock("chat")->params["workers"] = 4;
        const auto snap = simulate(design, 150, 800, 4, 40);
        const auto windows = measuredWindows(block(snap, "chat").series, 150);
        const auto busy = windowInterval(windows, [](const stats::WindowSample& w) { return w.utilization; },
                                         [](const stats::WindowSample&) { return 1.0; });
        const double expected = analysis::connectionFigures(design.blocks[1], kConnectRps).messageUtilization;
        QCOMPARE(expected, 0.5);
        QVERIFY2(busy.contains(expected), qPrintable(figure("utilisation", busy.mean, expected) +
                                                     QString(" +- %1").arg(busy.halfWidth)));
    }

    // chat-connections: 1,000 connects/s for 60 s each, 4 x 18,000 slots.
    void chat_example_claims()
    {
        const model::Architecture design =
            io::readScenario(SCALELAB_SOURCE_DIR "/resources/examples/chat-connections.scalelab");
        const double offered = 1000 * 60.0;
        sim::Simulator simulator(design, 1);
        simulator.runUntil(sim::fromSeconds(239));
        const auto settled = simulator.snapshot();
        // M/G/infinity from empty: Poisson with mean offered x (1 - e^{-t/D}).
        const double expected = offered * (1 - std::exp(-239.0 / 60));
        QVERIFY2(poissonClose(extra(settled, "chat", "open_connections"), expected),
                 qPrintable(figure("open connections (text: near 60,000)", extra(settled, "chat", "open_connections"), expected)));
        QCOMPARE(extra(settled, "chat", "refused"), 0.0);
        simulator.runUntil(sim::fromSeconds(250)); // the crash at 240 s, and its reconnects
        const auto storm = simulator.snapshot();
        const double dropped = extra(storm, "chat", "dropped");
        QCOMPARE(extra(storm, "chat", "reconnects"), dropped);
        QVERIFY2(std::abs(dropped - 15'000) < 0.05 * 15'000, qPrintable(figure("dropped (text: about 15,000)", dropped, 15'000)));

        // While it is down: 54,000 slots, refused share Erlang B = about 10%.
        const auto down = simulate(design, 250, 50, 1);
        const double share = analysis::erlangB(offered, 54'000);
        const double refused = extra(down, "chat", "refused");
        const double arrivals = double(block(down, "chat").arrivals);
        // Refused = arrivals - departures while full: both Poisson counts.
        const double sd = std::sqrt(1000 * 50 + 900 * 50.0);
        QVERIFY2(std::abs(refused - share * arrivals) <= 3.29 * sd,
                 qPrintable(figure("refused while down (text: about 10%)", refused / arrivals, share)));

        // Three instances and no crash: the same share once full (after ~2.5 min).
        model::Architecture three = design;
        three.faults.clear();
        three.findBlock("chat")->params["instances"] = 3;
        const auto full = simulate(three, 200, 100, 2);
        const double threeRefused = extra(full, "chat", "refused");
        const double threeArrivals = double(block(full, "chat").arrivals);
        QVERIFY2(std::abs(threeRefused - share * threeArrivals) <= 3.29 * std::sqrt(1000 * 100 + 900 * 100.0),
                 qPrintable(figure("refused with 3 instances", threeRefused / threeArrivals, share)));

        // 50 KB a connection: 3 x 36,000 = 108,000 slots, none refused.
        three.findBlock("chat")->params["memory_per_connection_kb"] = 50;
        const auto roomy = simulate(three, 0, 300, 2);
        QCOMPARE(extra(roomy, "chat", "connection_capacity"), 108'000.0);
        QCOMPARE(extra(roomy, "chat", "refused"), 0.0);
    }
};

QTEST_APPLESS_MAIN(ConnectionServerTest)
#include "ConnectionServerTest.moc"
