// The block gauge and cost plots, fed hand-made snapshots: a gauge plot only
// for kinds the registry gives a gaugeLabel, drawing exactly the series'
// gauge values, breaker states on named ticks; the design's cost per window
// in the cost plot with the current rate in its legend; a block's own cost in
// the block dock.
#include "WidgetTestSupport.h"
#include "plots/BlockDetailPlots.h"
#include "plots/BlockGaugePlot.h"
#include "plots/CostPlot.h"
#include "plots/CostText.h"
#include "plots/LatencyPlot.h"

#include <QLabel>
#include <QTest>

#include <qcustomplot.h>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

stats::BlockSnapshot block(const std::string& id, const std::string& kind, const std::vector<double>& gauges)
{
    stats::BlockSnapshot result;
    result.id = id;
    result.kind = kind;
    result.name = id;
    result.instances = 1;
    result.hasWorkers = kind == "service" || kind == "queue";
    for (size_t i = 0; i < gauges.size(); ++i) {
        stats::WindowSample window;
        window.endSeconds = static_cast<double>(i + 1);
        window.throughputPerSecond = 10;
        window.gauge = gauges[i];
        result.series.push_back(window);
    }
    return result;
}

// One snapshot holding a breaker (closed, opens, probes, closes), a rate
// limiter, a service (no gauge) and a load balancer (no gauge, no workers),
// with the design's cost rising from $1/h to $1.50/h.
stats::Snapshot design()
{
    const std::vector<double> breaker{0, 0, 2, 2, 1, 0};
    stats::Snapshot snap;
    snap.simSeconds = static_cast<double>(breaker.size());
    snap.blocks = {block("breaker", "circuit_breaker", breaker), block("limiter", "rate_limiter", {100, 80, 20, 0, 5, 60}),
                   block("app", "service", {0, 0, 0, 0, 0, 0}), block("lb", "load_balancer", {0, 0, 0, 0, 0, 0})};
    snap.blocks[2].costPerHour = 0.3;
    snap.series = snap.blocks[0].series;
    for (size_t i = 0; i < snap.series.size(); ++i)
        snap.series[i].costPerHour = 1 + 0.1 * static_cast<double>(i);
    snap.costPerHour = 1.5;
    return snap;
}

std::vector<double> graphValues(const TimeSeriesPlot& plot)
{
    std::vector<double> values;
    for (auto it = plot.graph(0)->data()->constBegin(); it != plot.graph(0)->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

std::vector<double> gaugesOf(const stats::BlockSnapshot& block)
{
    std::vector<double> values;
    for (const auto& window : block.series)
        values.push_back(window.gauge);
    return values;
}

} // namespace

class GaugeAndCostPlotsTest : public QObject {
    Q_OBJECT

private slots:
    void gauge_plot_only_for_kinds_with_a_gauge_label()
    {
        const stats::Snapshot snap = design();
        BlockDetailPlots detail;
        for (const auto& shown : snap.blocks) {
            detail.setBlock(QString::fromStdString(shown.id));
            detail.appendSnapshot(snap);
            const bool hasGauge = !BlockGaugePlot::gaugeLabel(shown.kind).isEmpty();
            QVERIFY2(detail.gaugePlot()->isVisibleTo(&detail) == hasGauge,
                     qPrintable(QString("%1 (%2): gauge plot %3, but its gaugeLabel is \"%4\"")
                                    .arg(QString::fromStdString(shown.id), QString::fromStdString(shown.kind),
                                         detail.gaugePlot()->isVisibleTo(&detail) ? "shown" : "hidden",
                                         BlockGaugePlot::gaugeLabel(shown.kind))));
            if (!hasGauge)
                QVERIFY2(detail.gaugePlot()->sampleCount() == 0, "a block without a gauge gave the gauge plot data");
        }
        // The registry says which kinds have a gauge; these two must disagree.
        QVERIFY(!BlockGaugePlot::gaugeLabel("circuit_breaker").isEmpty());
        QVERIFY(BlockGaugePlot::gaugeLabel("service").isEmpty());
    }

    void gauge_plot_draws_the_series_gauge_values()
    {
        const stats::Snapshot snap = design();
        for (const std::string id : {"breaker", "limiter"}) {
            BlockGaugePlot plot;
            plot.setBlock(QString::fromStdString(id));
            plot.appendSnapshot(snap);
            const stats::BlockSnapshot& shown = *testing::blockOf(snap, id);
            const auto expected = gaugesOf(shown);
            QCOMPARE(plot.sampleCount(), static_cast<int>(expected.size()));
            QCOMPARE(graphValues(plot), expected);
            QCOMPARE(plot.label(), BlockGaugePlot::gaugeLabel(shown.kind));
        }
        BlockGaugePlot limiter;
        limiter.setBlock("limiter");
        limiter.appendSnapshot(snap);
        QCOMPARE(limiter.customPlot()->yAxis->label(), QString("tokens left")); // compact: the label in lower case
        QCOMPARE(limiter.graph(0)->lineStyle(), QCPGraph::lsLine);
        QVERIFY2(limiter.readoutAt(3).contains("Tokens left: 20"), qPrintable(limiter.readoutAt(3)));
    }

    void breaker_state_is_a_step_line_on_named_ticks()
    {
        BlockGaugePlot plot;
        plot.setBlock("breaker");
        plot.appendSnapshot(design());
        QCustomPlot* custom = plot.customPlot();
        QCOMPARE(plot.graph(0)->lineStyle(), QCPGraph::lsStepLeft);
        auto ticker = custom->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY2(ticker, "the breaker's value axis has no text ticker");
        QCOMPARE(ticker->ticks().values(), QList<QString>({"closed", "half-open", "open"}));
        QCOMPARE(ticker->ticks().keys(), QList<double>({0, 1, 2}));
        // Every state in view, with neither step on the axis rect's edge.
        QVERIFY2(custom->yAxis->range().lower < 0 && custom->yAxis->range().upper > 2,
                 qPrintable(QString("value axis %1 .. %2 should have room around 0 and 2")
                                .arg(custom->yAxis->range().lower)
                                .arg(custom->yAxis->range().upper)));
        QCOMPARE(custom->yAxis->label(), QString("breaker state"));
        QVERIFY2(plot.readoutAt(3).contains("Breaker state: open"), qPrintable(plot.readoutAt(3)));
        QVERIFY2(plot.readoutAt(5).contains("Breaker state: half-open"), qPrintable(plot.readoutAt(5)));
    }

    void named_states_come_from_the_registry()
    {
        const auto states = BlockGaugePlot::namedStates("circuit_breaker");
        QCOMPARE(states.size(), size_t(3));
        QCOMPARE(states.at(1), QString("half-open"));
        QVERIFY2(BlockGaugePlot::namedStates("rate_limiter").empty(), "tokens left is a quantity, not a state");
        QVERIFY2(BlockGaugePlot::namedStates("queue").empty(), "messages waiting is a quantity, not a state");
    }

    void cost_plot_shows_the_series_cost_and_the_current_rate()
    {
        const stats::Snapshot snap = design();
        CostPlot plot;
        QCOMPARE(plot.currentText(), QString("design cost"));
        plot.appendSnapshot(snap);
        std::vector<double> expected;
        for (const auto& window : snap.series)
            expected.push_back(window.costPerHour);
        QCOMPARE(graphValues(plot), expected);
        // The legend reads the snapshot's current rate, per hour and per 730-hour month.
        QCOMPARE(plot.currentText(), QString("$1.50/h now · $1,095/month"));
        QVERIFY2(plot.csv().startsWith("time_s,design cost ($/h)\n"), qPrintable("CSV: " + plot.csv().left(80)));
        plot.clear();
        QCOMPARE(plot.currentText(), QString("design cost"));
        // Thousands are grouped, as a bill prints them (black-friday-full's cost).
        QCOMPARE(costtext::now(5412.3), QString("$5,412/h now · $3,950,979/month"));
        QCOMPARE(costtext::now(0.2), QString("$0.20/h now · $146/month"));
    }

    void block_dock_shows_the_blocks_own_cost()
    {
        const stats::Snapshot snap = design();
        BlockDetailPlots detail;
        detail.setBlock("app");
        detail.appendSnapshot(snap);
        QVERIFY2(detail.costLabel()->isVisibleTo(&detail), "a priced service shows no cost line");
        QCOMPARE(detail.costLabel()->text(), QString("Cost $0.30/h now · $219/month"));
        detail.setBlock("breaker"); // a kind with no price has no cost line
        detail.appendSnapshot(snap);
        QVERIFY2(!detail.costLabel()->isVisibleTo(&detail), "a breaker has no price but shows a cost line");
    }

    void lowest_plot_shown_carries_the_time_title()
    {
        const stats::Snapshot snap = design();
        BlockDetailPlots detail;
        detail.setBlock("breaker");
        detail.appendSnapshot(snap);
        QVERIFY2(detail.latencyPlot()->customPlot()->xAxis->label().isEmpty(),
                 "the latency plot is not the lowest for a breaker but carries the time title");
        QVERIFY2(!detail.gaugePlot()->customPlot()->xAxis->label().isEmpty(),
                 "the gauge plot is the lowest for a breaker but has no time title");
        detail.setBlock("lb"); // latency only
        detail.appendSnapshot(snap);
        QVERIFY2(!detail.latencyPlot()->customPlot()->xAxis->label().isEmpty(),
                 "the latency plot is the only one for a load balancer but has no time title");
    }
};

QTEST_MAIN(GaugeAndCostPlotsTest)
#include "GaugeAndCostPlotsTest.moc"
