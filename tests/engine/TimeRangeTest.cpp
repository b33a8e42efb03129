// Simulated time cannot overflow: conversions from seconds and milliseconds
// saturate beyond every run instead of wrapping (undefined behaviour, which
// on x86 made a delay of 1e300 s fire at once), every time or rate
// parameter converts exactly over its documented range, and the values
// that cannot be simulated honestly are refused with the reason.
#include "SimTestSupport.h"
#include "model/Choices.h"
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"
#include "sim/RunLimitExceeded.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace scalelab;

namespace {

// The issue's minimal file, with the client's rate as given.
model::Architecture minimalDesign(double rateRps)
{
    model::Architecture design;
    model::Block client = model::makeBlock("client", "c");
    client.params["rate_rps"] = rateRps;
    design.blocks = {client, model::makeBlock("service", "s")};
    design.links = {model::makeLink("c", "s")};
    return design;
}

std::vector<std::pair<std::string, const model::ParamSpec*>> everyParam()
{
    std::vector<std::pair<std::string, const model::ParamSpec*>> all;
    for (const auto& spec : model::Registry::instance().blocks())
        for (const auto& param : spec.params)
            all.emplace_back(spec.kind, &param);
    for (const auto& param : model::Registry::instance().linkParams())
        all.emplace_back("link", &param);
    return all;
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

class TimeRangeTest : public QObject {
    Q_OBJECT

private slots:
    void conversions_saturate_beyond_every_run()
    {
        QCOMPARE(sim::fromSeconds(1.5), 1'500'000'000);
        QCOMPARE(sim::fromMs(0.25), 250'000);
        QCOMPARE(sim::fromSeconds(1e300), sim::kFarFuture);
        QCOMPARE(sim::fromSeconds(std::numeric_limits<double>::infinity()), sim::kFarFuture);
        QCOMPARE(sim::fromSeconds(std::numeric_limits<double>::quiet_NaN()), sim::kFarFuture);
        QCOMPARE(sim::fromSeconds(-1e300), -sim::kFarFuture);
        QCOMPARE(sim::roundToTime(1e30), sim::kFarFuture);
        // Saturated, a delay is still later than any run, and now + delays stays representable.
        QVERIFY(sim::kFarFuture > sim::kHorizon);
        QVERIFY2(sim::kHorizon + 3 * sim::kFarFuture > 0, "now + three saturated delays wrapped");
    }

    void time_and_rate_parameters_are_named_for_their_unit()
    {
        // The audit below finds time parameters by type and unit: a time
        // declared as a plain number would escape it.
        for (const auto& [kind, param] : everyParam()) {
            const std::string where = kind + "." + param->key;
            if (endsWith(param->key, "_ms"))
                QVERIFY2(param->type == model::ParamType::Duration || param->isText(),
                         qPrintable(QString::fromStdString(where + " ends in _ms but is not a duration")));
            if (endsWith(param->key, "_s"))
                QVERIFY2(param->unit == "s", qPrintable(QString::fromStdString(where + " ends in _s but its unit is not s")));
            if (param->type == model::ParamType::Duration)
                QVERIFY2(param->unit == "ms", qPrintable(QString::fromStdString(where + ": durations are in ms")));
        }
    }

    void every_time_parameter_converts_exactly_over_its_range()
    {
        int audited = 0;
        for (const auto& [kind, param] : everyParam()) {
            const std::string where = kind + "." + param->key;
            sim::SimTime longest = 0;
            double longestS = 0;
            if (param->type == model::ParamType::Duration)
                longest = sim::fromMs(param->max), longestS = param->max / 1000;
            else if (param->unit == "s")
                longest = sim::fromSeconds(param->max), longestS = param->max;
            else if (param->type == model::ParamType::Rate) {
                // A rate becomes the mean gap 1/rate: any rate above 0 must
                // give a gap the conversion handles (tiny ones saturate).
                QVERIFY2(param->min >= 0, qPrintable(QString::fromStdString(where + " may be negative")));
                QVERIFY2(param->max <= 1e9, qPrintable(QString::fromStdString(
                                                where + " allows more than one arrival per nanosecond")));
                ++audited;
                continue;
            } else {
                continue;
            }
            ++audited;
            QVERIFY2(param->min >= 0, qPrintable(QString::fromStdString(where + " may be negative")));
            QVERIFY2(longest > 0 && longest < sim::kHorizon,
                     qPrintable(QString::fromStdString(where + " = its maximum does not convert inside the horizon")));
            QVERIFY2(longestS <= sim::kLongestSpanSeconds,
                     qPrintable(QString::fromStdString(where + " allows more than the longest span")));
        }
        QVERIFY2(audited > 40, qPrintable(QString("only %1 time or rate parameters found").arg(audited)));
    }

    void vanishing_rate_sends_nothing_and_ends()
    {
        // 1e-300 rps grew to 4.7 GB and never ended (a gap of 1e300 s wrapped
        // to a negative time); 1e-15 rps produced about 1,030 rps.
        for (const double rate : {1e-300, 1e-15, 5e-324}) {
            sim::Simulator simulator(minimalDesign(rate), 1);
            QVERIFY(simulator.runUntil(sim::fromSeconds(60)));
            const stats::Snapshot snap = simulator.snapshot();
            QVERIFY2(snap.requests == 0,
                     qPrintable(QString("rate %1 rps sent %2 requests in 60 s").arg(rate).arg(snap.requests)));
            QVERIFY2(snap.events < 100, qPrintable(QString("rate %1: %2 events").arg(rate).arg(snap.events)));
        }
    }

    void vanishing_rate_in_a_ramp_ends()
    {
        // The thinned sampler: an infinite candidate gap must not loop for ever.
        model::Architecture design = minimalDesign(5e-324);
        design.blocks[0].params["profile"] = static_cast<int>(model::TrafficShape::Ramp);
        design.blocks[0].texts["ramp_stages"] = "10s:0";
        sim::Simulator simulator(design, 1);
        QVERIFY(simulator.runUntil(sim::fromSeconds(30)));
        QCOMPARE(simulator.snapshot().requests, uint64_t(0));
    }

    void small_rate_is_still_simulated()
    {
        // The saturation must not swallow rates that are merely low: 0.5 rps
        // over 2,000 s is about 1,000 requests (Poisson, sd 32).
        sim::Simulator simulator(minimalDesign(0.5), 3);
        simulator.runUntil(sim::fromSeconds(2000));
        const auto requests = static_cast<double>(simulator.snapshot().requests);
        QVERIFY2(std::abs(requests - 1000) < 5 * std::sqrt(1000.0),
                 qPrintable(QString("0.5 rps for 2000 s: %1 requests, expected about 1000").arg(requests)));
    }

    void fault_beyond_the_longest_span_is_refused()
    {
        model::Architecture design = minimalDesign(100);
        model::Fault fault;
        fault.action = "crash";
        fault.block = "s";
        fault.value = 1;
        fault.atS = 1e10; // fired at t = 0 before: 1e19 ns wrapped to a negative time
        QString refusal = QString::fromStdString(model::faultRefusal(fault, design));
        QVERIFY2(refusal.contains("at_s must be at most 10000000 s"), qPrintable(refusal));
        fault.atS = 5;
        fault.durationS = 1e10; // recovered at once before
        refusal = QString::fromStdString(model::faultRefusal(fault, design));
        QVERIFY2(refusal.contains("duration_s must be at most 10000000 s"), qPrintable(refusal));
        fault.durationS = sim::kLongestSpanSeconds;
        QVERIFY2(model::faultRefusal(fault, design).empty(), "the longest span itself is allowed");
    }

    void fault_file_beyond_the_longest_span_names_its_path()
    {
        const std::string text = R"({"format":"scalelab","version":1,
            "blocks":[{"id":"c","kind":"client"},{"id":"s","kind":"service"}],
            "links":[{"from":"c","to":"s"}],
            "faults":[{"at_s":1e10,"action":"crash","block":"s"}]})";
        try {
            io::parseScenario(text, "far.scalelab");
            QFAIL("a fault at 1e10 s loaded");
        } catch (const io::LoadError& error) {
            QCOMPARE(QString::fromStdString(error.jsonPath()), QString("faults[0]"));
            QVERIFY2(QString(error.what()).contains("longest span"), error.what());
        }
    }

    void long_fault_stays_until_the_run_ends()
    {
        // A fault for the longest span does not recover during a 20 s run:
        // the service stays crashed, so the client sees only failures after it.
        model::Architecture design = minimalDesign(100);
        design.blocks[0].params["timeout_ms"] = 100;
        design.blocks[0].params["retries"] = 0;
        model::Fault fault;
        fault.action = "crash";
        fault.block = "s";
        fault.value = 1;
        fault.atS = 5;
        fault.durationS = sim::kLongestSpanSeconds;
        design.faults = {fault};
        sim::Simulator simulator(design, 1);
        simulator.runUntil(sim::fromSeconds(10));
        simulator.resetStats();
        simulator.runUntil(sim::fromSeconds(20));
        const stats::Snapshot snap = simulator.snapshot();
        QVERIFY2(snap.errors.total() > 500, "traffic went on, and failed");
        QVERIFY2(snap.completed == 0, qPrintable(QString("%1 requests succeeded while the only instance was down")
                                                     .arg(snap.completed)));
    }

    void running_past_the_horizon_is_refused()
    {
        sim::Simulator simulator(minimalDesign(1), 1);
        QVERIFY_THROWS_EXCEPTION(sim::RunLimitExceeded, simulator.runUntil(sim::kHorizon + 1));
        QVERIFY(simulator.runUntil(sim::fromSeconds(1))); // still usable before it
    }
};

QTEST_APPLESS_MAIN(TimeRangeTest)
#include "TimeRangeTest.moc"
