// The event stream (blocks/StreamBlock.h) against arithmetic that follows
// from its definition: a group whose consumers cannot keep up lags by
// arrival rate minus what it reads, a group reads at most partitions x one
// consumer's rate however many consumers it has, retention bounds the lag
// and loses what expires. And the clickstream-kafka example's what-to-try.
//
// Tolerances: 3.29 sigma of the counts involved. Arrivals over T seconds
// are Poisson (sd sqrt(lambda T)); a saturated consumer's completions are a
// renewal process of exponential times, Poisson as well (sd sqrt(mu T)).
#include "SimTestSupport.h"
#include "analysis/NetworkModel.h"
#include "analysis/StreamingModel.h"
#include "io/ScenarioFile.h"

#include <QtTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kArrivals = 1000; // events per second

model::Architecture streamDesign(int partitions, const std::string& groups, double retentionS = 604'800)
{
    model::Architecture design;
    model::Block producer = patientClient("producer", kArrivals);
    producer.params["read_ratio"] = 0;
    design.blocks.push_back(producer);
    model::Block stream = model::makeBlock("stream", "log");
    stream.params["partitions"] = partitions;
    stream.params["append_ms"] = 1;
    stream.params["retention_s"] = retentionS;
    stream.texts["groups"] = groups;
    design.blocks.push_back(stream);
    design.links.push_back(wire("producer", "log"));
    return design;
}

double extra(const stats::Snapshot& snap, const std::string& key)
{
    return block(snap, "log").extras.at(key);
}

// Within 3.29 sigma of a count with Poisson variance `variance`.
bool close(double measured, double expected, double variance)
{
    return std::abs(measured - expected) <= 3.29 * std::sqrt(variance);
}

QString figure(const char* what, double measured, double expected)
{
    return QString("%1: measured %2, expected %3").arg(what).arg(measured, 0, 'g', 6).arg(expected, 0, 'g', 6);
}

} // namespace

class StreamTest : public QObject {
    Q_OBJECT

private slots:
    void slow_group_lag_grows_at_arrival_minus_capacity()
    {
        // 6 partitions; fast: 6 consumers at 2 ms (500/s each, 3,000/s in all);
        // slow: 6 at 8 ms (125/s each): it reads 750 of the 1,000 a second.
        const model::Architecture design = streamDesign(6, "fast:6:2, slow:6:8");
        const double slowRate = 6 * 1000.0 / 8;
        sim::Simulator simulator(design, 3);
        simulator.runUntil(sim::fromSeconds(10));
        const auto before = simulator.snapshot();
        const double seconds = 60;
        simulator.runUntil(sim::fromSeconds(10 + seconds));
        const auto after = simulator.snapshot();
        const double growth = (extra(after, "lag_slow") - extra(before, "lag_slow")) / seconds;
        // Arrivals and the slow group's reads are independent Poisson counts.
        const double variance = (kArrivals + slowRate) * seconds / (seconds * seconds);
        QVERIFY2(close(growth, kArrivals - slowRate, variance), qPrintable(figure("lag growth /s", growth, kArrivals - slowRate)));
        // The fast group keeps up: it read everything but a few in progress.
        // Each of its consumers is an M/M/1 queue at rho = 1/3 (166.7/s of
        // 500/s), holding k or more with probability rho^k: 50 across six
        // of them would be a 1-in-10^15 event, while a lagging group holds
        // thousands.
        const double fastRead = extra(after, "consumed_fast") - extra(before, "consumed_fast");
        const double appended = extra(after, "appended") - extra(before, "appended");
        QVERIFY2(extra(after, "lag_fast") < 50, qPrintable(figure("fast lag", extra(after, "lag_fast"), 0)));
        QVERIFY2(std::abs(fastRead - appended) < 50, qPrintable(figure("fast group reads", fastRead, appended)));

        // The planner says the same.
        const auto flows = analysis::streamGroupFlows(design.blocks[1], kArrivals);
        QCOMPARE(flows.size(), size_t(2));
        QCOMPARE(flows[1].lagGrowthPerS, kArrivals - slowRate);
        QCOMPARE(flows[0].lagGrowthPerS, 0.0);
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        QVERIFY(plan.find("log")->saturated);
    }

    void consumers_beyond_partitions_sit_idle()
    {
        // 12 consumers on 6 partitions: 6 idle, the group still reads 6 x 125/s.
        const model::Architecture design = streamDesign(6, "many:12:8");
        const double capacity = 6 * 1000.0 / 8;
        const double seconds = 60;
        const auto snap = simulate(design, 5, seconds, 5);
        QCOMPARE(extra(snap, "idle_consumers_many"), 6.0);
        QCOMPARE(extra(snap, "active_consumers_many"), 6.0);
        const double read = extra(snap, "consumed_many") / seconds;
        QVERIFY2(close(read, capacity, capacity * seconds / (seconds * seconds)), qPrintable(figure("reads /s", read, capacity)));
        QCOMPARE(analysis::streamGroupFlows(design.blocks[1], kArrivals)[0].capacityRps, capacity);

        // 12 partitions give every consumer one: 1,500/s, more than arrive.
        const auto wider = simulate(streamDesign(12, "many:12:8"), 5, seconds, 5);
        QCOMPARE(extra(wider, "idle_consumers_many"), 0.0);
        const double keptUp = extra(wider, "consumed_many") / seconds;
        const double appended = extra(wider, "appended") / seconds;
        QVERIFY2(std::abs(keptUp - appended) * seconds < 50, qPrintable(figure("reads /s", keptUp, appended)));
        QVERIFY2(extra(wider, "lag_many") < 100, qPrintable(figure("lag", extra(wider, "lag_many"), 0)));
    }

    void uneven_assignment_caps_at_the_busiest_consumer()
    {
        // 4 consumers on 6 partitions own 2, 2, 1, 1: the two with two
        // partitions get 1,000 x 2/6 = 333/s against 125/s each, the others
        // 167/s against 125/s: 4 x 125 = 500/s read, not more.
        const model::Architecture design = streamDesign(6, "four:4:8");
        const double seconds = 60;
        const auto snap = simulate(design, 5, seconds, 9);
        const auto flow = analysis::streamGroupFlows(design.blocks[1], kArrivals)[0];
        QCOMPARE(flow.throughputRps, 500.0);
        QCOMPARE(flow.capacityRps, 6 * 125.0 / 2);
        const double read = extra(snap, "consumed_four") / seconds;
        QVERIFY2(close(read, flow.throughputRps, flow.throughputRps * seconds / (seconds * seconds)),
                 qPrintable(figure("reads /s", read, flow.throughputRps)));
    }

    void retention_bounds_the_lag_and_loses_the_rest()
    {
        // The slow group is further behind than 5 s after 20 s (it falls back
        // by 0.25 s each second): from then on messages expire unread, and
        // its lag is at most what arrived in the last 5 s.
        const double retentionS = 5;
        const model::Architecture design = streamDesign(6, "fast:6:2, slow:6:8", retentionS);
        const auto snap = simulate(design, 30, 30, 11);
        const double expected = kArrivals * retentionS;
        QVERIFY2(extra(snap, "lag_slow") <= expected + 3.29 * std::sqrt(expected),
                 qPrintable(figure("slow lag", extra(snap, "lag_slow"), expected)));
        // Expired = what arrived minus what it read, less the change of its
        // lag (about the last 5 s of arrivals at either end): 250/s over 30 s.
        const double seconds = 30;
        const double expired = extra(snap, "expired_slow");
        const double countVariance = (kArrivals + 750) * seconds + 2 * expected;
        QVERIFY2(close(expired, (kArrivals - 750) * seconds, countVariance),
                 qPrintable(figure("expired", expired, (kArrivals - 750) * seconds)));
        QCOMPARE(extra(snap, "expired_fast"), 0.0);
        QVERIFY(!logged(simulate(design, 0, 30, 11), "expire").empty());
    }

    void groups_text_is_checked()
    {
        const auto* spec = model::Registry::instance().find("stream")->param("groups");
        QVERIFY(spec->checkText("a:1:5, b-2:0:0").empty());
        QVERIFY2(spec->checkText("a:1").find("NAME:CONSUMERS:MS") != std::string::npos, spec->checkText("a:1").c_str());
        QVERIFY(!spec->checkText("a:1:5, a:2:5").empty());
        QVERIFY(!spec->checkText("a:1.5:5").empty());
        QVERIFY(!spec->checkText("A B:1:5").empty());
    }

    // clickstream-kafka: 1,000 events/s, 6 partitions, warehouse 6 x 8 ms.
    void clickstream_example_claims()
    {
        const model::Architecture design =
            io::readScenario(SCALELAB_SOURCE_DIR "/resources/examples/clickstream-kafka.scalelab");
        const double seconds = 60;
        sim::Simulator simulator(design, 1);
        simulator.runUntil(sim::fromSeconds(10));
        const auto before = simulator.snapshot();
        simulator.runUntil(sim::fromSeconds(10 + seconds));
        const auto after = simulator.snapshot();
        const auto lagOf = [](const stats::Snapshot& s, const char* key) { return block(s, "clicks").extras.at(key); };
        const double growth = (lagOf(after, "lag_warehouse") - lagOf(before, "lag_warehouse")) / seconds;
        QVERIFY2(close(growth, 250, 1750 / seconds), qPrintable(figure("warehouse lag growth /s (text: about 250)", growth, 250)));
        QVERIFY2(lagOf(after, "lag_dashboards") < 50, qPrintable(figure("dashboards lag", lagOf(after, "lag_dashboards"), 0)));

        // 12 warehouse consumers: 6 idle, the same growth.
        model::Architecture more = design;
        more.findBlock("clicks")->texts["groups"] = "dashboards:6:2, warehouse:12:8";
        const auto idle = simulate(more, 5, seconds, 2);
        QCOMPARE(block(idle, "clicks").extras.at("idle_consumers_warehouse"), 6.0);
        const double read = block(idle, "clicks").extras.at("consumed_warehouse") / seconds;
        QVERIFY2(close(read, 750, 750 / seconds), qPrintable(figure("warehouse reads /s (text: 6 x 125)", read, 750)));

        // And 12 partitions: it keeps up.
        more.findBlock("clicks")->params["partitions"] = 12;
        const auto wide = simulate(more, 5, seconds, 2);
        QVERIFY2(block(wide, "clicks").extras.at("lag_warehouse") < 100,
                 qPrintable(figure("warehouse lag", block(wide, "clicks").extras.at("lag_warehouse"), 0)));

        // retention_s 10: expiry starts once it is 10 s behind, after about 40 s.
        model::Architecture shortRetention = design;
        shortRetention.findBlock("clicks")->params["retention_s"] = 10;
        const auto early = simulate(shortRetention, 0, 35, 3);
        QCOMPARE(block(early, "clicks").extras.at("expired_warehouse"), 0.0);
        const auto late = simulate(shortRetention, 0, 50, 3);
        QVERIFY(block(late, "clicks").extras.at("expired_warehouse") > 0);
    }
};

QTEST_APPLESS_MAIN(StreamTest)
#include "StreamTest.moc"
