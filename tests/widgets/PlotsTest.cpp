// The live plots: what they take from a snapshot (only new windows; a reset
// clears), the whole run kept up to a bound, one graph per pooled block, the
// SLO line, stacking, following, the read-out, and CSV/PNG/PDF export.
// (Whole-run axes, decimation, markers: WholeRunPlotsTest.)
#include "WidgetTestSupport.h"
#include "plots/BlockDetailPlots.h"
#include "plots/BlockMetricPlot.h"
#include "plots/LatencyPlot.h"
#include "plots/ThroughputPlot.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <qcustomplot.h>

#include <cmath>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

stats::WindowSample window(double endSeconds, double p95Ms = 10)
{
    stats::WindowSample w;
    w.endSeconds = endSeconds;
    w.arrivalsPerSecond = w.throughputPerSecond = 100;
    w.p50Ms = p95Ms / 2;
    w.p95Ms = p95Ms;
    w.p99Ms = p95Ms * 2;
    w.utilization = 0.5;
    w.meanQueue = 1;
    w.instances = 3;
    return w;
}

// A snapshot whose series hold the windows ending at first..last seconds,
// as a simulator with a ring of (last - first + 1) windows reports them.
stats::Snapshot snapshot(int first, int last)
{
    stats::Snapshot snap;
    snap.simSeconds = last;
    for (int t = first; t <= last; ++t)
        snap.series.push_back(window(t, 10 + t % 7));
    stats::BlockSnapshot pool;
    pool.id = "app";
    pool.name = "App servers";
    pool.kind = "service";
    pool.instances = 3;
    pool.hasWorkers = true;
    pool.series = snap.series;
    snap.blocks.push_back(pool);
    return snap;
}

// A real run of the three-tier example, as the live worker would report it.
stats::Snapshot threeTier(double seconds)
{
    return testing::runFor(testing::readExample("three-tier.scalelab"), seconds);
}

int visibleGraphs(const TimeSeriesPlot& plot)
{
    int count = 0;
    for (int i = 0; i < plot.seriesCount(); ++i)
        count += plot.graph(i)->visible() ? 1 : 0;
    return count;
}

} // namespace

class PlotsTest : public QObject {
    Q_OBJECT

private slots:
    // The span the plots follow is a user setting: none of the user's own here.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void appends_only_windows_newer_than_it_holds()
    {
        LatencyPlot plot;
        plot.appendSnapshot(snapshot(1, 10));
        QCOMPARE(plot.sampleCount(), 10);
        plot.appendSnapshot(snapshot(1, 10));
        QCOMPARE(plot.sampleCount(), 10);
        plot.appendSnapshot(snapshot(5, 15)); // the ring dropped the oldest windows
        QCOMPARE(plot.sampleCount(), 15);
        QCOMPARE(plot.lastSeconds(), 15.0);
        for (int series = 0; series < plot.seriesCount(); ++series)
            QCOMPARE(plot.graph(series)->data()->size(), 15);
    }

    void a_reset_run_clears_the_plot_first()
    {
        LatencyPlot latency;
        BlockMetricPlot utilization(BlockMetricPlot::Metric::Utilization);
        for (TimeSeriesPlot* plot : std::initializer_list<TimeSeriesPlot*>{&latency, &utilization}) {
            plot->appendSnapshot(snapshot(1, 30));
            plot->appendSnapshot(snapshot(1, 3)); // the clock went back: a new run
            QCOMPARE(plot->sampleCount(), 3);
            QCOMPARE(plot->firstSeconds(), 1.0);
            QCOMPARE(plot->graph(0)->data()->size(), 3);
            // A fresh run with no closed window yet clears too (its clock is earlier).
            stats::Snapshot empty;
            empty.simSeconds = 0.5;
            plot->appendSnapshot(empty);
            QCOMPARE(plot->sampleCount(), 0);
        }
    }

    void the_whole_run_is_kept_up_to_a_bound()
    {
        LatencyPlot latency;
        ThroughputPlot throughput;
        BlockMetricPlot queue(BlockMetricPlot::Metric::Queue);
        const std::initializer_list<TimeSeriesPlot*> plots{&latency, &throughput, &queue};
        // 10,000 windows, fed as a live run does: every 50 s, the simulator's last 600.
        for (int t = 50; t <= 10'000; t += 50)
            for (TimeSeriesPlot* plot : plots)
                plot->appendSnapshot(snapshot(std::max(1, t - 599), t));
        for (TimeSeriesPlot* plot : plots) {
            QCOMPARE(plot->maxSamples(), 86'400); // a day at one window a second
            QCOMPARE(plot->sampleCount(), 10'000);
            QCOMPARE(plot->firstSeconds(), 1.0);
            QCOMPARE(plot->lastSeconds(), 10'000.0);
            // The graphs hold the rows decimated: a few per pixel, not all 10,000.
            for (int series = 0; series < plot->seriesCount(); ++series)
                QVERIFY2(plot->graph(series)->data()->size() <= 3600,
                         qPrintable(QString("graph %1 holds %2 points").arg(series).arg(plot->graph(series)->data()->size())));
        }
        // A smaller bound trims at once.
        latency.setMaxSamples(100);
        QCOMPARE(latency.sampleCount(), 100);
        QCOMPARE(latency.graph(0)->data()->size(), 100);
    }

    void csv_export_has_a_header_and_every_buffered_value()
    {
        LatencyPlot plot;
        plot.appendSnapshot(snapshot(1, 3));
        QTemporaryDir dir;
        const QString path = dir.filePath("latency.csv");
        QVERIFY2(plot.exportTo(path), qPrintable("CSV export to " + path + " failed"));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable("cannot read the exported " + path));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QString("time_s,p50 (ms),p95 (ms),p99 (ms)"));
        QCOMPARE(lines[1], QString("1,5.5,11,22")); // window(1, 10 + 1 % 7)
        QCOMPARE(lines[3], QString("3,6.5,13,26"));
        QVERIFY2(!plot.exportTo(dir.filePath("latency.txt")), "export to an unknown format claimed to succeed");
    }

    void png_and_pdf_exports_write_files()
    {
        ThroughputPlot plot;
        plot.resize(520, 260);
        plot.appendSnapshot(threeTier(20));
        QTemporaryDir dir;
        for (const QString name : {"throughput.png", "throughput.pdf"}) {
            QVERIFY2(plot.exportTo(dir.filePath(name)), qPrintable(name));
            QVERIFY2(QFileInfo(dir.filePath(name)).size() > 1000, qPrintable(name + " is nearly empty"));
        }
    }

    void block_metric_plot_draws_one_line_per_pooled_block()
    {
        const stats::Snapshot snap = threeTier(10);
        BlockMetricPlot utilization(BlockMetricPlot::Metric::Utilization);
        utilization.appendSnapshot(snap);
        QStringList pooled;
        for (const auto& block : snap.blocks)
            if (block.hasWorkers)
                pooled << QString::fromStdString(block.name);
        QCOMPARE(pooled, QStringList({"App servers", "Database"}));
        QCOMPARE(visibleGraphs(utilization), 2);
        QCOMPARE(utilization.customPlot()->legend->itemCount(), 2);
        for (int i = 0; i < utilization.seriesCount(); ++i)
            QCOMPARE(utilization.seriesName(i), pooled[i]);
        // Utilisation is in percent: the app tier of the example is about 42% busy.
        const double appPercent = utilization.graph(utilization.seriesOf("app"))->data()->at(5)->value;
        QVERIFY2(appPercent > 20 && appPercent < 70, qPrintable(QString("app utilisation %1%").arg(appPercent)));

        BlockMetricPlot instances(BlockMetricPlot::Metric::Instances);
        instances.appendSnapshot(snap);
        // Every block with servers to count; the users (a traffic source) have none.
        QCOMPARE(visibleGraphs(instances), 4);
        QCOMPARE(instances.seriesOf("users"), -1);
        QCOMPARE(instances.graph(instances.seriesOf("app"))->data()->at(0)->value, 3.0);
    }

    void slo_line_stands_at_the_set_value()
    {
        LatencyPlot plot;
        plot.appendSnapshot(snapshot(1, 10));
        plot.setSloMs(15);
        QVERIFY2(plot.sloLine()->visible(), "an SLO of 15 ms draws no line");
        QCOMPARE(plot.sloLine()->point1->coords().y(), 15.0);
        QCOMPARE(plot.sloLine()->point2->coords().y(), 15.0);
        plot.appendSnapshot(snapshot(1, 11));
        QVERIFY2(plot.customPlot()->yAxis->range().upper > 15, "the SLO line is in view");
        plot.setSloMs(0);
        QVERIFY2(!plot.sloLine()->visible(), "an SLO of 0 (none) still draws a line");
    }

    void throughput_stacks_errors_above_successes()
    {
        stats::Snapshot snap = snapshot(1, 2);
        snap.series[1].errorsPerSecond[static_cast<size_t>(sim::Outcome::Rejected) - 1] = 30;
        ThroughputPlot plot;
        plot.appendSnapshot(snap);
        const int rejected = static_cast<int>(sim::Outcome::Rejected);
        QCOMPARE(plot.graph(0)->data()->at(1)->value, 100.0);
        QCOMPARE(plot.graph(rejected)->data()->at(1)->value, 130.0); // stacked on ok + timeouts (0)
        QVERIFY2(plot.customPlot()->legend->hasItemWithPlottable(plot.graph(rejected)), "rejections are in the legend");
        QVERIFY2(!plot.customPlot()->legend->hasItemWithPlottable(plot.graph(1)), "no timeouts happened");
        // CSV and read-out hold the rates themselves, not the stacked sums.
        QVERIFY2(plot.csv().contains("\n2,100,0,30,0,0,0,0,0,0\n"), qPrintable("CSV:\n" + plot.csv()));
        QVERIFY2(plot.readoutAt(2).contains("rejected 503: 30.0 req/s"), qPrintable("read-out: " + plot.readoutAt(2)));
    }

    void zooming_pauses_following_and_double_click_resumes_it()
    {
        LatencyPlot plot;
        plot.setFollowSeconds(60);
        plot.resize(520, 260);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.appendSnapshot(snapshot(1, 100));
        QCOMPARE(plot.customPlot()->xAxis->range().upper, 100.0);
        QCOMPARE(plot.customPlot()->xAxis->range().lower, 40.0);
        QSignalSpy following(&plot, &TimeSeriesPlot::followingChanged);

        QCustomPlot* custom = plot.customPlot();
        const QPointF centre = custom->axisRect()->rect().center();
        QWheelEvent wheel(centre, custom->mapToGlobal(centre), {}, {0, 120}, Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(custom, &wheel);
        QVERIFY2(!plot.isFollowing(), "the plot still follows after the user zoomed");
        QCOMPARE(following.count(), 1);
        const QCPRange zoomed = custom->xAxis->range();
        plot.appendSnapshot(snapshot(1, 120));
        QCOMPARE(custom->xAxis->range(), zoomed); // the view stays where the user put it

        QTest::mouseDClick(custom, Qt::LeftButton, {}, centre.toPoint());
        QVERIFY2(plot.isFollowing(), "a double click did not resume following");
        QCOMPARE(custom->xAxis->range().upper, 120.0);
    }

    void readout_names_each_series_with_its_unit()
    {
        LatencyPlot plot;
        plot.appendSnapshot(snapshot(1, 10));
        const QString text = plot.readoutAt(4.2);
        QVERIFY2(text.startsWith("t = 4.0 s"), qPrintable(text));
        QVERIFY2(text.contains("p95: 14.0 ms"), qPrintable(text)); // window(4, 10 + 4)
        QVERIFY2(text.contains("p99: 28.0 ms"), qPrintable(text));
    }

    void at_most_one_replot_per_append()
    {
        LatencyPlot plot;
        plot.resize(520, 260);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QCoreApplication::processEvents();
        QSignalSpy replots(plot.customPlot(), &QCustomPlot::afterReplot);
        plot.appendSnapshot(snapshot(1, 300));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QVERIFY2(replots.count() <= 1, qPrintable(QString("%1 replots").arg(replots.count())));
    }

    void block_detail_shows_the_chosen_blocks_own_figures()
    {
        const stats::Snapshot snap = threeTier(10);
        BlockDetailPlots detail;
        detail.resize(520, 600);
        detail.show();
        detail.setBlock("db");
        detail.appendSnapshot(snap);
        QCOMPARE(detail.latencyPlot()->sampleCount(), 10);
        QCOMPARE(visibleGraphs(*detail.utilizationPlot()), 1);
        QCOMPARE(detail.utilizationPlot()->seriesName(detail.utilizationPlot()->seriesOf("db")), QString("Database"));
        QVERIFY2(detail.queuePlot()->isVisible(), "a database (with workers) shows no queue plot");

        detail.setBlock("cache"); // no workers: no queue, no utilisation
        detail.appendSnapshot(snap);
        QCOMPARE(detail.latencyPlot()->sampleCount(), 10);
        QVERIFY2(!detail.queuePlot()->isVisible(), "a cache (no workers) shows a queue plot");
        QVERIFY2(!detail.utilizationPlot()->isVisible(), "a cache (no workers) shows a utilisation plot");
        QCOMPARE(visibleGraphs(*detail.utilizationPlot()), 0);
    }
};

QTEST_MAIN(PlotsTest)
#include "PlotsTest.moc"
