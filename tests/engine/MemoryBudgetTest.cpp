// A run's memory is bounded: load-dependent state (requests in flight,
// queued messages, events) stops the run with a message naming where it
// piled up, before it takes the machine; designs that could never fit
// (ten million virtual users in one cell) or that a reduction would turn
// into noise (more cells than requests) are refused when validated; and a
// run can be stopped from outside between events and resumed.
#include "SimTestSupport.h"
#include "model/Choices.h"
#include "model/Validator.h"
#include "sim/MemoryBudget.h"
#include "sim/RunLimitExceeded.h"

#include <QtTest>

using namespace scalelab;
using scalelab::testing::patientClient;
using scalelab::testing::service;
using scalelab::testing::wire;

namespace {

constexpr size_t kSmallBudget = 16u << 20; // 16 MiB: reached in a fraction of a simulated second below

// The reproducer: one worker behind a ten-million queue at ten million requests per second.
model::Architecture floodedWorker()
{
    model::Architecture design;
    design.blocks = {patientClient("c", 10'000'000), service("worker", 1, 1, 10, 1, 10'000'000)};
    design.links = {wire("c", "worker")};
    return design;
}

sim::SimulatorOptions withBudget(size_t bytes)
{
    sim::SimulatorOptions options;
    options.memoryBudget = bytes;
    return options;
}

std::vector<model::Problem> errorsOf(const model::Architecture& design)
{
    std::vector<model::Problem> errors;
    for (const auto& problem : model::validate(design))
        if (problem.isError())
            errors.push_back(problem);
    return errors;
}

model::Architecture closedUsers(double users, int cells = 1)
{
    model::Architecture design;
    model::Block client = model::makeBlock("client", "users");
    client.params["arrival_model"] = static_cast<int>(model::ArrivalModel::Closed);
    client.params["virtual_users"] = users;
    client.params["think_time_ms"] = 0;
    design.blocks = {client, model::makeBlock("service", "app")};
    design.links = {model::makeLink("users", "app")};
    design.cells = cells;
    return design;
}

} // namespace

class MemoryBudgetTest : public QObject {
    Q_OBJECT

private slots:
    void flooded_queue_stops_at_the_budget_naming_the_block()
    {
        sim::Simulator simulator(floodedWorker(), 1, withBudget(kSmallBudget));
        try {
            simulator.runUntil(sim::fromSeconds(60));
            QFAIL("a queue filling at 10M rps ran 60 s inside 16 MiB");
        } catch (const sim::RunLimitExceeded& error) {
            const QString message = error.what();
            QVERIFY2(message.startsWith("memory budget exceeded: "), qPrintable(message));
            QVERIFY2(message.contains(" requests in flight at t="), qPrintable(message));
            QVERIFY2(message.contains("the most at worker"), qPrintable(message));
            QVERIFY2(message.contains("over its budget of 16.0 MiB"), qPrintable(message));
        }
        // Stopped before a pool's growth took the state past the budget
        // (MemoryBudget.h's guarantee), and not long before it had to.
        const size_t state = simulator.stateBytes();
        QVERIFY2(state <= kSmallBudget && state > kSmallBudget / 4,
                 qPrintable(QString("state %1 bytes at the stop, budget %2").arg(state).arg(kSmallBudget)));
        QVERIFY2(simulator.now() < sim::fromSeconds(1), "the flood was noticed late");
        // The simulator stays readable, and refuses to go on.
        QVERIFY(simulator.snapshot().requests > 0);
        QVERIFY_THROWS_EXCEPTION(sim::RunLimitExceeded, simulator.runUntil(sim::fromSeconds(60)));
    }

    void queued_messages_count_towards_the_budget()
    {
        // Messages in a message queue are block state, not calls: a queue
        // with no consumers fills up until the budget stops it.
        model::Architecture design;
        model::Block queue = model::makeBlock("queue", "jobs");
        queue.params["consumers"] = 0;
        queue.params["capacity"] = 100'000'000;
        design.blocks = {patientClient("c", 1'000'000), queue};
        design.links = {wire("c", "jobs")};
        sim::Simulator simulator(design, 1, withBudget(kSmallBudget));
        try {
            simulator.runUntil(sim::fromSeconds(60));
            QFAIL("a queue took 60 million messages inside 16 MiB");
        } catch (const sim::RunLimitExceeded& error) {
            QVERIFY2(QString(error.what()).contains("messages waiting"), error.what());
            QVERIFY2(QString(error.what()).contains("the most at jobs"), error.what());
        }
    }

    void budget_does_not_change_a_run_that_fits()
    {
        // The same seed gives the same run with the default budget and with
        // a generous one: the checks observe, they never alter.
        model::Architecture design;
        design.blocks = {patientClient("c", 2000), service("s", 2, 8, 2, 1, 1000)};
        design.links = {wire("c", "s")};
        sim::Simulator a(design, 7), b(design, 7, withBudget(size_t(8) << 30));
        QVERIFY(a.runUntil(sim::fromSeconds(20)));
        QVERIFY(b.runUntil(sim::fromSeconds(20)));
        QCOMPARE(a.snapshot().events, b.snapshot().events);
        QCOMPARE(a.snapshot().completed, b.snapshot().completed);
        QVERIFY2(a.stateBytes() < sim::MemoryBudget::kDefaultBytes / 100, "a small design's state is small");
    }

    void ten_million_closed_users_are_refused_with_the_way_out()
    {
        const auto errors = errorsOf(closedUsers(10'000'000));
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(QString::fromStdString(errors[0].path), QString("blocks[0].params.virtual_users"));
        const QString message = QString::fromStdString(errors[0].message);
        QVERIFY2(message.contains("10,000,000 in one simulated cell exceed the 1,000,000"), qPrintable(message));
        QVERIFY2(message.contains("at least 10 cells"), qPrintable(message));
        QVERIFY_THROWS_EXCEPTION(sim::InvalidDesign, sim::Simulator(closedUsers(10'000'000), 1));
        // Split into cells, each cell holds a million: accepted.
        QVERIFY(errorsOf(closedUsers(10'000'000, 10)).empty());
        // An open model does not hold its virtual_users at all.
        model::Architecture open = closedUsers(10'000'000);
        open.blocks[0].params["arrival_model"] = static_cast<int>(model::ArrivalModel::Open);
        QVERIFY(errorsOf(open).empty());
    }

    void closed_users_added_live_meet_the_budget()
    {
        // Live edits skip the design-wide validation; the budget still
        // holds: the edit is answered with the budget's message, and the run
        // refuses to go on.
        sim::Simulator simulator(closedUsers(100), 1, withBudget(kSmallBudget));
        QVERIFY(simulator.runUntil(sim::fromSeconds(1)));
        const QString refusal = QString::fromStdString(simulator.setParam("users", "virtual_users", 1'000'000));
        QVERIFY2(refusal.startsWith("memory budget exceeded"), qPrintable(refusal));
        QVERIFY_THROWS_EXCEPTION(sim::RunLimitExceeded, simulator.runUntil(sim::fromSeconds(2)));
    }

    void more_cells_than_requests_per_second_is_refused()
    {
        // 1e6 cells of a 1,000 rps design reported 0 requests/s, silently.
        model::Architecture design;
        design.blocks = {patientClient("c", 1000), service("s", 1000, 8, 10, 1)};
        design.links = {wire("c", "s")};
        design.cells = 1'000'000;
        const auto errors = errorsOf(design);
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(QString::fromStdString(errors[0].path), QString("scale.cells"));
        const QString message = QString::fromStdString(errors[0].message);
        QVERIFY2(message.contains("1,000,000 cells are more than the design's 1,000 requests/s"), qPrintable(message));
        QVERIFY2(message.contains("use at most 1,000 cells"), qPrintable(message));
        design.cells = 1000; // one request per second per cell: accepted
        QVERIFY(errorsOf(design).empty());
        // A ramp counts at its highest stage.
        design.cells = 5000;
        design.blocks[0].params["profile"] = static_cast<int>(model::TrafficShape::Ramp);
        design.blocks[0].texts["ramp_stages"] = "30s:10000, 30s:0";
        QVERIFY(errorsOf(design).empty());
    }

    void problems_carry_their_place_in_the_file()
    {
        model::Architecture design;
        design.blocks = {patientClient("c", 100), service("a", 1, 1, 1, 1), service("b", 1, 1, 1, 1)};
        design.blocks[2].params["workers"] = 0;
        design.links = {wire("c", "a"), wire("a", "b")};
        design.links[1].params["latency_ms"] = -1;
        std::map<std::string, std::string> described;
        for (const auto& problem : errorsOf(design))
            described[problem.path] = model::describeProblem(problem);
        QCOMPARE(QString::fromStdString(described["blocks[2].params.workers"]),
                 QString("blocks[2].params.workers (b): Workers per instance must be >= 1, got 0"));
        QVERIFY2(described.count("links[1].params.latency_ms"), "a link's parameter names its link");
    }

    void celebrity_fanout_over_many_writers_costs_few_events()
    {
        // A post to two billion followers over a million writers writing one
        // timeline each in 100 ns: two billion events (the clock stalled for
        // hours); writers that start together share one event, so it is two
        // thousand rounds, and the post still reaches its last follower at
        // exactly 2e9 x 100 ns / 1e6 writers = 0.2 ms.
        model::Architecture design;
        model::Block client = patientClient("c", 2);
        client.params["read_ratio"] = 0; // every request a post
        model::Block fanout = model::makeBlock("fanout", "timeline");
        fanout.params["mode"] = static_cast<int>(model::FanoutMode::Write);
        fanout.params["celebrity_share"] = 1;
        fanout.params["celebrity_followers"] = 2'000'000'000;
        fanout.params["fanout_workers"] = 1'000'000;
        fanout.params["write_time_ms"] = 0.0001;
        fanout.params["batch_size"] = 1;
        design.blocks = {client, fanout};
        design.links = {wire("c", "timeline")};
        sim::Simulator simulator(design, 1);
        QVERIFY(simulator.runUntil(sim::fromSeconds(10)));
        const stats::Snapshot snap = simulator.snapshot();
        const auto& extras = snap.blocks[1].extras;
        QVERIFY2(extras.at("posts") >= 10, "posts were made");
        QCOMPARE(extras.at("backlog_writes"), 0.0);
        QCOMPARE(extras.at("propagation_max_ms"), 0.2);
        QVERIFY2(snap.events < 200'000, qPrintable(QString("%1 events for %2 celebrity posts")
                                                        .arg(snap.events)
                                                        .arg(extras.at("posts"))));
    }

    void monitor_stops_a_run_between_events_and_it_resumes()
    {
        model::Architecture design;
        design.blocks = {patientClient("c", 100'000), service("s", 10, 8, 0.5, 1)};
        design.links = {wire("c", "s")};
        sim::Simulator simulator(design, 1);
        int calls = 0;
        simulator.setMonitor([&] { return ++calls < 3; });
        QVERIFY2(!simulator.runUntil(sim::fromSeconds(10)), "the monitor's stop was ignored");
        QCOMPARE(calls, 3);
        const sim::SimTime stoppedAt = simulator.now();
        QVERIFY2(stoppedAt > 0 && stoppedAt < sim::fromSeconds(1), "stopped after a few thousand events");
        QCOMPARE(simulator.events(), 3 * sim::MemoryBudget::kCheckEvents);
        simulator.setMonitor({});
        QVERIFY(simulator.runUntil(sim::fromSeconds(2)));
        QCOMPARE(simulator.now(), sim::fromSeconds(2));
        QVERIFY(simulator.snapshot().completed > 150'000);
    }
};

QTEST_APPLESS_MAIN(MemoryBudgetTest)
#include "MemoryBudgetTest.moc"
