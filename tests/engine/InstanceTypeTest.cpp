// Instance types (model/InstanceTypes.h): a type sets a service's workers
// (one per vCPU) and its price; scaling up and scaling out cost the same per
// vCPU within the m5 family, but differ in queueing, in the ceiling and in
// the restart a change of type costs a running instance.
#include "SimTestSupport.h"
#include "analysis/Queueing.h"
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "model/InstanceTypes.h"
#include "model/Registry.h"

#include <QtTest>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

double typeIndex(const std::string& name)
{
    const model::ParamSpec* spec = model::Registry::instance().find("service")->param("instance_type");
    const auto index = spec->choiceIndex(name);
    if (!index)
        throw std::invalid_argument("no instance type " + name);
    return *index;
}

// A service of `instances` x `type`, its workers and price left at values
// the type must override.
model::Block typedService(const std::string& type, int instances, double serviceMs)
{
    model::Block block = service("app", instances, 1000, serviceMs, 1.0);
    block.params["instance_type"] = typeIndex(type);
    block.params["cost_per_hour"] = 99;
    return block;
}

model::Architecture design(double rateRps, model::Block app)
{
    model::Architecture result;
    result.blocks = {patientClient("users", rateRps), std::move(app)};
    result.links = {wire("users", "app")};
    return result;
}

double failedIn(const std::vector<stats::WindowSample>& series, double fromS, double toS)
{
    double failed = 0;
    for (const auto& window : series)
        if (window.endSeconds > fromS + 1e-9 && window.endSeconds <= toS + 1e-9)
            failed += window.errorsPerSecond[static_cast<size_t>(sim::Outcome::Failed) - 1]; // 1 s windows
    return failed;
}

// Runs 20 s, changes app's type to m5.xlarge, runs to 60 s; 1 s windows.
stats::Snapshot retypedAt20s(model::Architecture architecture)
{
    sim::SimulatorOptions options;
    options.window = sim::kSecond;
    options.windowCapacity = 100;
    sim::Simulator simulator(std::move(architecture), 7, options);
    simulator.runUntil(sim::fromSeconds(20));
    const std::string refusal = simulator.setParam("app", "instance_type", typeIndex("m5.xlarge"));
    if (!refusal.empty())
        throw std::runtime_error(refusal);
    simulator.runUntil(sim::fromSeconds(60));
    return simulator.snapshot(true);
}

// The restarts in the log: its crashes, not their recoveries.
std::vector<stats::EventLogEntry> restarts(const stats::Snapshot& run)
{
    std::vector<stats::EventLogEntry> found;
    for (const auto& entry : logged(run, "crash 1 instance of app"))
        if (entry.kind == stats::EventLogEntry::Kind::Fault)
            found.push_back(entry);
    return found;
}

} // namespace

class InstanceTypeTest : public QObject {
    Q_OBJECT

private slots:
    void table_doubles_capacity_and_price_to_the_ceiling()
    {
        const auto& types = model::instanceTypes();
        QCOMPARE(types.front().name, std::string("m5.large"));
        QCOMPARE(types.front().pricePerHour, 0.096);
        QCOMPARE(types.back().name, std::string("m5.24xlarge"));
        QCOMPARE(types.back().vcpus, 96);
        QCOMPARE(types.back().memoryGiB, 384);
        QCOMPARE(types.back().pricePerHour, 4.608);
        for (const auto& type : types) // the seeds' curve in AWS's terms: the same $0.048 per vCPU-hour
            QVERIFY2(std::abs(type.pricePerHour / type.vcpus - 0.048) < 1e-12, type.name.c_str());
    }

    void four_large_cost_and_serve_as_one_2xlarge()
    {
        const model::Block out = typedService("m5.large", 4, 10);
        const model::Block up = typedService("m5.2xlarge", 1, 10);
        QCOMPARE(model::workersOf(out) * 4, 8);
        QCOMPARE(model::workersOf(up), 8);
        const auto outRun = simulate(design(100, out), 1, 10);
        const auto upRun = simulate(design(100, up), 1, 10);
        // 4 x $0.096 = 1 x $0.384 an hour ($280.32 a month), not the $99 the block's own parameter says.
        QCOMPARE(block(outRun, "app").costPerHour, 0.384);
        QCOMPARE(block(upRun, "app").costPerHour, 0.384);
    }

    void custom_type_keeps_old_files_numbers()
    {
        model::Block old = service("app", 3, 5, 10, 1.0);
        old.params["cost_per_hour"] = 0.1;
        QCOMPARE(old.param("instance_type"), 0.0); // custom is the default
        QCOMPARE(model::workersOf(old), 5);
        QCOMPARE(model::pricePerHourOf(old), 0.1);
        QVERIFY(model::withInstanceType(old) == old);
        const auto run = simulate(design(100, old), 1, 10);
        QCOMPARE(block(run, "app").costPerHour, 3 * 0.1);
    }

    void scaled_up_instance_matches_mmc_and_beats_scaled_out()
    {
        // m5.2xlarge: c = 8 workers at 10 ms, 640 rps: rho = 0.8.
        const double lambda = 640, mu = 100;
        const auto up = simulate(design(lambda, typedService("m5.2xlarge", 1, 10)), 20, 300);
        const double theory = analysis::mmc(lambda, mu, 8).meanResponse * 1000;
        const auto windows = measuredWindows(up.series, 20);
        const auto mean = windowInterval(
            windows, [](const auto& s) { return s.meanMs; }, [](const auto& s) { return s.throughputPerSecond; });
        QVERIFY2(mean.contains(theory), qPrintable(describe("m5.2xlarge as M/M/8 mean response ms", theory, mean)));
        QVERIFY2(std::abs(block(up, "app").utilization - 0.8) < 0.02,
                 qPrintable(QString("m5.2xlarge utilisation %1, theory 0.8").arg(block(up, "app").utilization)));
        // The same 8 vCPUs as 4 x m5.large, callers taking them in turn:
        // four queues of 2 instead of one of 8 wait longer (pooling).
        const auto out = simulate(design(lambda, typedService("m5.large", 4, 10)), 20, 300);
        const auto outMean = windowInterval(
            measuredWindows(out.series, 20), [](const auto& s) { return s.meanMs; },
            [](const auto& s) { return s.throughputPerSecond; });
        QVERIFY2(outMean.lower() > mean.upper(),
                 qPrintable(QString("4 x m5.large mean %1 ms should exceed 1 x m5.2xlarge %2 ms")
                                .arg(outMean.mean)
                                .arg(mean.mean)));
    }

    void type_change_while_running_restarts_the_instance()
    {
        model::Block app = typedService("m5.large", 1, 5);
        app.params["resize_restart_s"] = 10;
        const auto run = retypedAt20s(design(100, app));
        // Down from 20 s to 30 s: every arrival fails (about 100 a second).
        const double down = failedIn(run.series, 20, 30);
        QVERIFY2(down > 900 && down < 1100, qPrintable(QString("%1 failed while restarting, ~1000 expected").arg(down)));
        QCOMPARE(failedIn(run.series, 0, 20), 0.0);
        QCOMPARE(failedIn(run.series, 30, 60), 0.0);
        QCOMPARE(block(run, "app").costPerHour, 0.192); // the new type's price
        QCOMPARE(restarts(run).size(), size_t(1));
    }

    void rolling_type_change_keeps_serving()
    {
        model::Block app = typedService("m5.large", 2, 5);
        app.params["resize_restart_s"] = 10;
        app.params["rolling_resize"] = 1;
        const auto run = retypedAt20s(design(100, app));
        // One instance down at a time (20-30 s, then 30-40 s): the other
        // serves, and only what the restarting one held fails.
        const double failed = failedIn(run.series, 20, 40);
        QVERIFY2(failed <= 10, qPrintable(QString("%1 failed during a rolling restart").arg(failed)));
        QCOMPARE(failedIn(run.series, 40, 60), 0.0);
        const auto crashes = restarts(run);
        QCOMPARE(crashes.size(), size_t(2));
        QCOMPARE(crashes[0].atS, 20.0);
        QCOMPARE(crashes[1].atS, 30.0);
        QCOMPARE(block(run, "app").instances, 2);
    }

    void ceiling_refuses_a_bigger_type()
    {
        const model::ParamSpec* spec = model::Registry::instance().find("database")->param("instance_type");
        QVERIFY(spec);
        std::string error;
        QVERIFY(!spec->parseValue("m5.32xlarge", error));
        QVERIFY2(error.find("larger than m5.24xlarge (96 vCPU, 384 GiB)") != std::string::npos &&
                     error.find("ceiling of scaling up") != std::string::npos,
                 error.c_str());
        QVERIFY(spec->parseValue("m5.24xlarge", error));
        QVERIFY(!spec->parseValue("m5.3xlarge", error)); // not a size m5 has: the list
        QVERIFY2(error.find("must be one of custom, m5.large") != std::string::npos, error.c_str());
        const std::string file = R"({"format": "scalelab", "version": 1, "blocks": [
            {"id": "db", "kind": "database", "params": {"instance_type": "m5.48xlarge"}}], "links": []})";
        try {
            io::parseScenario(file, "big.scalelab");
            QFAIL("a type past the ceiling loaded");
        } catch (const io::LoadError& refusal) {
            const std::string message = refusal.what();
            QVERIFY2(message.find("instance_type") != std::string::npos &&
                         message.find("the ceiling of scaling up") != std::string::npos,
                     message.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(InstanceTypeTest)
#include "InstanceTypeTest.moc"
