// The cell reduction ("scale": {"cells": K}, sim/CellReduction.h): a design
// at K cells runs exactly the reduced design and reports its counts x K; for
// a random split the latency distribution is the full design's; the file
// key is read, written and refused with its JSON path.
#include "SimTestSupport.h"
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "sim/CellReduction.h"

#include <QtTest>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

// Clients at `rps` behind a random balancer over `instances` services of 4
// workers at 10 ms (exponential): utilisation rps x 10 ms / (4 instances).
model::Architecture fleet(double rps, int instances, int cells)
{
    model::Block lb = model::makeBlock("load_balancer", "lb");
    lb.params["algorithm"] = 3; // random: the split the reduction is exact for
    lb.params["overhead_ms"] = 0;
    model::Architecture design;
    design.blocks = {patientClient("users", rps), lb, service("app", instances, 4, 10, 1)};
    design.links = {wire("users", "lb"), wire("lb", "app")};
    design.cells = cells;
    return design;
}

std::string loadError(const std::string& text)
{
    try {
        io::parseScenario(text, "dir/cells.scalelab");
        return "(loaded without error)";
    } catch (const io::LoadError& error) {
        return error.what();
    }
}

std::string withScale(const std::string& scale)
{
    return R"({"format": "scalelab", "version": 1, "scale": )" + scale +
           R"(, "blocks": [{"id": "web", "kind": "client"}], "links": []})";
}

} // namespace

class CellReductionTest : public QObject {
    Q_OBJECT

private slots:
    void ten_cells_run_the_reduced_design_and_count_ten_times()
    {
        // Same seed, same simulated cell: every latency is identical and
        // every count exactly ten times the reduced design's.
        const auto reduced = simulate(fleet(200, 2, 1), 5, 30);
        const auto scaled = simulate(fleet(2000, 20, 10), 5, 30);
        QCOMPARE(scaled.cells, 10);
        QCOMPARE(scaled.latency.meanMs, reduced.latency.meanMs);
        QCOMPARE(scaled.latency.p99Ms, reduced.latency.p99Ms);
        QCOMPARE(scaled.requests, 10 * reduced.requests);
        QCOMPARE(scaled.completed, 10 * reduced.completed);
        QCOMPARE(scaled.throughputRps, 10 * reduced.throughputRps);
        QCOMPARE(scaled.costPerHour, 10 * reduced.costPerHour);
        QCOMPARE(block(scaled, "app").instances, 20);
        QCOMPARE(block(scaled, "app").arrivals, 10 * block(reduced, "app").arrivals);
        QCOMPARE(block(scaled, "app").utilization, block(reduced, "app").utilization);
        QCOMPARE(scaled.series.back().arrivalsPerSecond, 10 * reduced.series.back().arrivalsPerSecond);
    }

    void a_random_split_keeps_the_full_designs_latency()
    {
        // 4,000 rps over 20 instances at 50% utilisation, simulated whole
        // and as one of 10 cells: the mean and p95 latency agree within the
        // confidence interval over seeds, and the throughput is the same.
        std::vector<double> meanDiff, p95Diff, throughputRatio;
        for (uint64_t seed = 1; seed <= 8; ++seed) {
            const auto full = simulate(fleet(4000, 20, 1), 5, 20, seed);
            const auto cell = simulate(fleet(4000, 20, 10), 5, 20, seed + 100);
            meanDiff.push_back(cell.latency.meanMs - full.latency.meanMs);
            p95Diff.push_back(cell.latency.p95Ms - full.latency.p95Ms);
            throughputRatio.push_back(cell.throughputRps / full.throughputRps);
        }
        const auto mean = stats::batchMeansInterval(meanDiff, kConfidence);
        QVERIFY2(mean.contains(0), qPrintable(describe("cell - full mean latency (ms)", 0, mean)));
        const auto p95 = stats::batchMeansInterval(p95Diff, kConfidence);
        QVERIFY2(p95.contains(0), qPrintable(describe("cell - full p95 latency (ms)", 0, p95)));
        const auto ratio = stats::batchMeansInterval(throughputRatio, kConfidence);
        QVERIFY2(ratio.contains(1), qPrintable(describe("cell / full throughput", 1, ratio)));
    }

    void counts_that_do_not_divide_are_rounded_and_reported()
    {
        model::Architecture design = fleet(1000, 25, 10);
        model::Block db = model::makeBlock("database", "db");
        design.blocks.push_back(db);
        design.links.push_back(wire("app", "db"));
        const model::Block cell = sim::reduceToCell(design.blocks[2], 10);
        QCOMPARE(cell.param("instances"), 3.0); // 2.5 rounds to 3
        QCOMPARE(sim::reduceToCell(db, 10).param("instances"), 1.0); // never below one
        QCOMPARE(sim::reduceToCell(design.blocks[0], 10).param("rate_rps"), 100.0);
        const auto notes = sim::cellApproximations(design);
        QCOMPARE(notes.size(), size_t(2)); // app.instances, db.instances (its 200 connections divide)
        QVERIFY(notes[0].find("app.instances: 25 / 10 cells = 2.5, simulated as 3 per cell (30 in all)") == 0);
    }

    void ramp_stages_and_schedules_are_divided()
    {
        model::Block client = model::makeBlock("client", "users");
        client.texts["ramp_stages"] = "30s:1000000, 1m:10000000";
        QCOMPARE(sim::reduceToCell(client, 100).text("ramp_stages"), std::string("30s:10000, 60s:100000"));
        model::Block scaler = model::makeBlock("autoscaler", "scaler");
        scaler.texts["schedule"] = "600s:500";
        scaler.params["max_instances"] = 1000;
        QCOMPARE(sim::reduceToCell(scaler, 100).text("schedule"), std::string("600s:5"));
        QCOMPARE(sim::reduceToCell(scaler, 100).param("max_instances"), 10.0);
    }

    void the_file_key_round_trips_and_errors_name_the_path()
    {
        const model::Architecture design = io::parseScenario(withScale(R"({"cells": 100})"), "x.scalelab");
        QCOMPARE(design.cells, 100);
        const std::string text = io::serializeScenario(design);
        QVERIFY(text.find("\"scale\": {\n    \"cells\": 100\n  }") != std::string::npos);
        QVERIFY(io::parseScenario(text, "x.scalelab") == design);
        // One cell is the default and is not written.
        model::Architecture whole = design;
        whole.cells = 1;
        QVERIFY(io::serializeScenario(whole).find("\"scale\"") == std::string::npos);

        QCOMPARE(loadError(withScale("100")), std::string("cells.scalelab: scale: must be an object, got number"));
        QCOMPARE(loadError(withScale(R"({"cells": 2.5})")),
                 std::string("cells.scalelab: scale.cells: must be a whole number from 1 to 1000000, got 2.5"));
        QCOMPARE(loadError(withScale(R"({"cells": 0})")),
                 std::string("cells.scalelab: scale.cells: must be a whole number from 1 to 1000000, got 0"));
        QCOMPARE(loadError(withScale(R"({"cells": "10"})")),
                 std::string("cells.scalelab: scale.cells: must be a number, got string"));
        QCOMPARE(loadError(withScale(R"({"cels": 10})")).rfind("cells.scalelab: scale.cels: unknown key", 0), size_t(0));
        QCOMPARE(loadError(withScale("{}")), std::string("cells.scalelab: scale: needs \"cells\" or \"sampling\""));
    }
};

QTEST_GUILESS_MAIN(CellReductionTest)
#include "CellReductionTest.moc"
