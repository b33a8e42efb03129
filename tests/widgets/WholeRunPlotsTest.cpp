// Whole-run plots: the time axis from 0 to now however long the run, past
// the engine's 600-window ring; decimation that bounds what is drawn but
// keeps every spike; following the last N seconds as a persisted choice;
// event-log markers on the time axis (and in the report's figures); compact
// tick labels; legends and ticks that do not overlap on small plots.
#include "WidgetTestSupport.h"
#include "model/NumberText.h"
#include "plots/BlockDetailPlots.h"
#include "plots/BlockMetricPlot.h"
#include "plots/CompactTicker.h"
#include "plots/LatencyPlot.h"
#include "plots/MinMaxDecimation.h"
#include "plots/PlotTimeSpan.h"
#include "plots/RunHistory.h"
#include "plots/ThroughputPlot.h"
#include "plots/TimeMarkers.h"
#include "report/ReportFigures.h"

#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

constexpr int kRing = 600; // SimulatorOptions::windowCapacity: what one snapshot carries

stats::WindowSample window(double endSeconds, double p95Ms)
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

// p95 of the window ending at t: 10-16 ms, and 500 ms in the window ending at `spikeAt`.
double p95At(int t, int spikeAt = -1) { return t == spikeAt ? 500 : 10 + t % 7; }

// What the worker sends at t: the windows ending 1..t, of which the engine still holds the last 600.
stats::Snapshot liveSnapshot(int t, int spikeAt = -1, std::vector<stats::EventLogEntry> log = {})
{
    stats::Snapshot snap;
    snap.simSeconds = t;
    for (int end = std::max(1, t - kRing + 1); end <= t; ++end)
        snap.series.push_back(window(end, p95At(end, spikeAt)));
    stats::BlockSnapshot pool;
    pool.id = "app";
    pool.name = "App servers";
    pool.kind = "service";
    pool.instances = 3;
    pool.hasWorkers = true;
    pool.series = snap.series;
    snap.blocks.push_back(pool);
    for (const auto& entry : log)
        if (entry.atS <= t)
            snap.eventLog.push_back(entry);
    return snap;
}

stats::EventLogEntry entry(double atS, stats::EventLogEntry::Kind kind, std::string text,
                           std::vector<std::string> blocks = {"app"})
{
    stats::EventLogEntry e;
    e.atS = atS;
    e.kind = kind;
    e.text = std::move(text);
    e.blocks = std::move(blocks);
    return e;
}

// A live run's snapshots every 10 s up to `until`, into `plot`.
void feed(TimeSeriesPlot& plot, int until, int spikeAt = -1, const std::vector<stats::EventLogEntry>& log = {})
{
    for (int t = 10; t <= until; t += 10)
        plot.appendSnapshot(liveSnapshot(t, spikeAt, log));
}

double largestDrawn(const TimeSeriesPlot& plot, int series)
{
    double largest = -1;
    for (const auto& point : *plot.graph(series)->data())
        if (std::isfinite(point.value))
            largest = std::max(largest, point.value);
    return largest;
}

// The latency plot's SLO label (null when it has none).
QCPItemText* sloLabel(const LatencyPlot& plot)
{
    for (int i = 0; i < plot.customPlot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot.customPlot()->item(i)); text && text->text().startsWith("SLO"))
            return text;
    return nullptr;
}

// Where a text item was drawn, in the plot's pixels.
QRectF pixelRect(const QCPItemText& item)
{
    return QRectF(item.topLeft->pixelPosition(), item.bottomRight->pixelPosition()).normalized();
}

void showAndLayOut(QWidget& widget, QSize size)
{
    widget.resize(size);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
}

} // namespace

class WholeRunPlotsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QSettings().clear();
        PlotTimeSpan::instance()->setFollowSeconds(0);
    }

    void the_time_axis_runs_from_zero_to_now_past_the_engines_ring()
    {
        LatencyPlot plot;
        feed(plot, 900);
        QCOMPARE(plot.sampleCount(), 900);
        QCOMPARE(plot.firstSeconds(), 1.0);
        const QCPRange range = plot.customPlot()->xAxis->range();
        QCOMPARE(range.lower, 0.0);
        QCOMPARE(range.upper, 900.0);
        // The first minute, long gone from the engine's ring, is still drawn and read out.
        QVERIFY2(plot.graph(1)->data()->constBegin()->key <= 1.0, "the first window is not drawn");
        QVERIFY2(plot.readoutAt(30).contains("p95: 12.0 ms"), qPrintable(plot.readoutAt(30))); // 10 + 30 % 7
    }

    void a_young_run_fills_a_minute_from_the_left()
    {
        LatencyPlot plot;
        feed(plot, 20);
        QCOMPARE(plot.customPlot()->xAxis->range().lower, 0.0);
        QCOMPARE(plot.customPlot()->xAxis->range().upper, 60.0);
    }

    void run_history_keeps_every_window_and_entry_of_the_run()
    {
        // The engine's event log keeps its last 2,000 entries; one a second for 900 s, capped at 500 here.
        std::vector<stats::EventLogEntry> all;
        for (int t = 1; t <= 900; ++t)
            all.push_back(entry(t, stats::EventLogEntry::Kind::Reaction, "tick " + std::to_string(t)));
        RunHistory history;
        for (int t = 10; t <= 900; t += 10) {
            stats::Snapshot snap = liveSnapshot(t, -1, all);
            if (snap.eventLog.size() > 500)
                snap.eventLog.erase(snap.eventLog.begin(), snap.eventLog.end() - 500);
            history.append(snap);
        }
        const stats::Snapshot& whole = history.whole();
        QCOMPARE(whole.series.size(), size_t(900));
        QCOMPARE(whole.blocks.at(0).series.size(), size_t(900));
        QCOMPARE(whole.blocks.at(0).series.front().endSeconds, 1.0);
        QCOMPARE(whole.eventLog.size(), size_t(900));
        QCOMPARE(whole.eventLog.front().text, std::string("tick 1"));
        QCOMPARE(history.missedWindows(), 0);

        // A block chosen late (the block dock) still gets the block's whole run.
        BlockDetailPlots detail;
        detail.setBlock("app");
        detail.appendSnapshot(whole);
        QCOMPARE(detail.utilizationPlot()->sampleCount(), 900);
        QCOMPARE(detail.latencyPlot()->firstSeconds(), 1.0);

        // More than the ring between two snapshots: the lost windows are counted, not invented.
        history.append(liveSnapshot(2000));
        QCOMPARE(history.missedWindows(), 2000 - 900 - kRing);
        // A clock that went back is a new run.
        history.append(liveSnapshot(5));
        QCOMPARE(history.whole().series.size(), size_t(5));
        QCOMPARE(history.missedWindows(), 0);
    }

    void equal_time_entries_are_neither_lost_nor_doubled()
    {
        std::vector<stats::EventLogEntry> held{entry(5, stats::EventLogEntry::Kind::Fault, "a"),
                                               entry(7, stats::EventLogEntry::Kind::Reaction, "b")};
        const std::vector<stats::EventLogEntry> next{held[1], entry(7, stats::EventLogEntry::Kind::Reaction, "c"),
                                                     entry(8, stats::EventLogEntry::Kind::Recovery, "d")};
        RunHistory::appendNewer(held, next);
        QStringList texts;
        for (const auto& e : held)
            texts << QString::fromStdString(e.text);
        QCOMPARE(texts, QStringList({"a", "b", "c", "d"}));
    }

    void a_removed_block_keeps_its_past_and_the_plot_is_not_cleared()
    {
        BlockMetricPlot utilization(BlockMetricPlot::Metric::Utilization);
        feed(utilization, 100);
        stats::Snapshot after = liveSnapshot(110);
        after.blocks.clear(); // "app" removed by a live edit at 100 s: time goes on
        utilization.appendSnapshot(after);
        QCOMPARE(utilization.sampleCount(), 110);
        QCOMPARE(utilization.firstSeconds(), 1.0);
        QVERIFY2(utilization.graph(utilization.seriesOf("app"))->visible(),
                 "the removed block's first 100 s vanished from the plot");
    }

    void decimation_bounds_the_points_but_keeps_a_one_window_spike()
    {
        LatencyPlot plot;
        showAndLayOut(plot, {520, 260});
        feed(plot, 3600, 1234);
        QCoreApplication::processEvents();
        const int pixels = plot.customPlot()->axisRect()->width();
        QVERIFY2(pixels > 300, qPrintable(QString("axis rect %1 px wide").arg(pixels)));
        QCOMPARE(plot.sampleCount(), 3600);
        // At most the three rows a slice keeps per series (3 series), one slice a pixel.
        QVERIFY2(plot.drawnPointCount() <= 3 * 3 * pixels && plot.drawnPointCount() < 3600,
                 qPrintable(QString("%1 points drawn for %2 px").arg(plot.drawnPointCount()).arg(pixels)));
        QCOMPARE(largestDrawn(plot, 1), 500.0);
        QVERIFY2(plot.customPlot()->yAxis->range().upper >= 500, "the spike is above the value axis");
        // Zoomed in, the rows in view are drawn one for one.
        plot.customPlot()->xAxis->setRange(1200, 1300);
        QVERIFY2(!plot.isFollowing(), "zooming did not stop following");
        QVERIFY2(plot.drawnPointCount() >= 101 && plot.drawnPointCount() <= 103,
                 qPrintable(QString("%1 points for 101 windows in view").arg(plot.drawnPointCount())));
    }

    void min_max_rows_keep_every_slices_extremes()
    {
        std::mt19937 random(7);
        std::uniform_real_distribution<double> noise(0, 1);
        std::vector<double> values(10'000);
        for (double& v : values)
            v = noise(random);
        values[4321] = 50;
        values[777] = -50;
        values[9000] = std::numeric_limits<double>::quiet_NaN();
        const int buckets = 100;
        const auto rows = decimation::minMaxRows(
            0, values.size(), buckets, 1, [](size_t row) { return double(row); },
            [&](size_t row, int) { return values[row]; });
        QVERIFY2(rows.size() <= 3 * buckets, qPrintable(QString("%1 rows kept").arg(rows.size())));
        QVERIFY2(std::is_sorted(rows.begin(), rows.end()), "rows out of order");
        for (size_t keep : {size_t(4321), size_t(777), size_t(9000)})
            QVERIFY2(std::binary_search(rows.begin(), rows.end(), keep),
                     qPrintable(QString("row %1 (a spike or gap) was dropped").arg(keep)));
        // Each slice of 100 rows keeps its own maximum.
        for (size_t slice = 0; slice < 100; ++slice) {
            const auto begin = values.begin() + static_cast<std::ptrdiff_t>(slice * 100);
            size_t best = slice * 100;
            for (auto it = begin; it != begin + 100; ++it)
                if (std::isfinite(*it) && !(values[best] >= *it))
                    best = static_cast<size_t>(it - values.begin());
            QVERIFY2(std::binary_search(rows.begin(), rows.end(), best),
                     qPrintable(QString("slice %1 lost its maximum at row %2").arg(slice).arg(best)));
        }
    }

    void following_the_last_n_seconds_shows_only_them()
    {
        LatencyPlot plot;
        showAndLayOut(plot, {520, 260});
        plot.setFollowSeconds(60);
        feed(plot, 900);
        const QCPRange range = plot.customPlot()->xAxis->range();
        QCOMPARE(range.lower, 840.0);
        QCOMPARE(range.upper, 900.0);
        // Drawn: the windows in view and one beyond the left edge, so the line reaches the axis.
        const auto data = plot.graph(0)->data();
        QVERIFY2(data->constBegin()->key >= 839 && (data->constEnd() - 1)->key == 900,
                 qPrintable(QString("drawn %1..%2").arg(data->constBegin()->key).arg((data->constEnd() - 1)->key)));
        QCOMPARE(plot.sampleCount(), 900); // the rest is held, not forgotten
        plot.setFollowSeconds(0);
        QCOMPARE(plot.customPlot()->xAxis->range().lower, 0.0);
    }

    void the_span_choice_is_shared_and_persisted()
    {
        LatencyPlot latency;
        ThroughputPlot throughput;
        feed(latency, 900);
        feed(throughput, 900);
        latency.customPlot()->xAxis->setRange(100, 200); // the user zoomed: not following
        PlotTimeSpan::instance()->setFollowSeconds(300);
        for (TimeSeriesPlot* plot : std::initializer_list<TimeSeriesPlot*>{&latency, &throughput}) {
            QVERIFY2(plot->isFollowing(), "choosing a span did not resume following");
            QCOMPARE(plot->customPlot()->xAxis->range().lower, 600.0);
        }
        QCOMPARE(QSettings().value("plots/followLastSeconds").toDouble(), 300.0);
        LatencyPlot later; // a plot made after the choice starts with it
        QCOMPARE(later.followSeconds(), 300.0);
    }

    void a_fault_in_the_event_log_is_a_marker_at_its_time()
    {
        LatencyPlot plot;
        showAndLayOut(plot, {640, 300});
        const std::vector<stats::EventLogEntry> log{
            entry(123, stats::EventLogEntry::Kind::Fault, "crash 1 instance of app"),
            entry(300, stats::EventLogEntry::Kind::Reaction, "scaler: 55 requests/s per instance, adding 4 to app (3 -> 7)"),
        };
        feed(plot, 600, -1, log);
        plot.customPlot()->replot();
        const auto shown = plot.markers()->shown();
        QCOMPARE(int(shown.size()), 2);
        const auto& labels = plot.markers()->placedLabels();
        QCOMPARE(int(labels.size()), 2);
        const double x = plot.customPlot()->xAxis->coordToPixel(123);
        QVERIFY2(std::abs(labels[0].rect.left() - x) < 8,
                 qPrintable(QString("fault label at %1 px, its time at %2 px").arg(labels[0].rect.left()).arg(x)));
        QCOMPARE(TimeMarkers::shortText(shown[1]), QString("scaler: adding 4 to app"));
        // The label sits in the axis rect, below the legend row.
        const QRect legend = plot.customPlot()->legend->outerRect();
        for (const auto& label : labels)
            QVERIFY2(!label.rect.intersects(legend), "a marker label covers the legend");
        // The line is drawn in the fault's colour at its time.
        const QImage image = plot.customPlot()->toPixmap().toImage();
        const QColor fault = TimeMarkers::styleOf(stats::EventLogEntry::Kind::Fault).color;
        const int column = int(std::round(x));
        const int y = plot.customPlot()->axisRect()->rect().center().y();
        bool found = false;
        for (int dx = -1; dx <= 1 && !found; ++dx)
            for (int dy = -20; dy <= 20 && !found; ++dy) {
                const QColor c = image.pixelColor(column + dx, y + dy);
                found = c.red() > c.green() + 40 && c.red() > c.blue() + 40 && std::abs(c.hue() - fault.hue()) < 20;
            }
        QVERIFY2(found, "no fault-coloured line at the fault's time");
        // Hovering there names it.
        QVERIFY2(plot.readoutAt(123).contains("crash 1 instance of app"), qPrintable(plot.readoutAt(123)));
        // A reset forgets the markers with the rows.
        plot.appendSnapshot(liveSnapshot(5));
        QCOMPARE(int(plot.markers()->shown().size()), 0);
    }

    void crowded_labels_are_thinned_and_never_overlap()
    {
        LatencyPlot plot;
        showAndLayOut(plot, {520, 260});
        std::vector<stats::EventLogEntry> log;
        for (int t = 100; t < 200; t += 2)
            log.push_back(entry(t, stats::EventLogEntry::Kind::Reaction, "breaker: circuit opened"));
        feed(plot, 900, -1, log);
        plot.customPlot()->replot();
        const auto& labels = plot.markers()->placedLabels();
        QVERIFY2(!labels.empty() && labels.size() < log.size(),
                 qPrintable(QString("%1 of %2 labels placed").arg(labels.size()).arg(log.size())));
        for (size_t i = 0; i < labels.size(); ++i)
            for (size_t j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].rect.intersects(labels[j].rect),
                         qPrintable(QString("labels %1 and %2 overlap").arg(labels[i].entry).arg(labels[j].entry)));
    }

    void the_slo_label_stays_inside_the_plot()
    {
        // The SLO set before the plot is laid out short (a dock at 1280x800):
        // the axis' headroom was measured on the unlaid widget, and the label
        // would stick out of the top edge. It goes under the line instead.
        LatencyPlot plot;
        plot.setSloMs(100);
        showAndLayOut(plot, {400, 170});
        plot.customPlot()->replot();
        QCPItemText* slo = sloLabel(plot);
        QVERIFY(slo && slo->visible());
        const QRect area = plot.customPlot()->axisRect()->rect();
        // The box may touch the edge by a pixel of rounding; its text (a
        // line high) must not be cut.
        const auto inside = [&] {
            const QRectF rect = pixelRect(*slo);
            return rect.top() >= area.top() - 2 && rect.bottom() <= area.bottom() + 2;
        };
        QVERIFY2(inside(), "the SLO label is cut off on an empty plot");
        feed(plot, 600);
        plot.customPlot()->replot();
        QVERIFY2(inside(), "the SLO label is cut off once data came");
    }

    void a_marker_label_keeps_clear_of_the_slo_label()
    {
        // The SLO's label sits at the axis rect's left end, at the top when
        // the line is far above the data: where a marker early in the run
        // writes its own label.
        LatencyPlot plot;
        showAndLayOut(plot, {640, 300});
        plot.setSloMs(1e6);
        const std::vector<stats::EventLogEntry> log{entry(12, stats::EventLogEntry::Kind::Fault, "crash app")};
        feed(plot, 600, -1, log);
        plot.customPlot()->replot();
        QCPItemText* slo = sloLabel(plot);
        QVERIFY(slo && slo->visible());
        const QRectF sloRect = pixelRect(*slo);
        const auto& labels = plot.markers()->placedLabels();
        QCOMPARE(int(labels.size()), 1); // still labelled: on the second row
        QVERIFY2(!labels[0].rect.intersects(sloRect),
                 qPrintable(QString("marker label at %1,%2 covers the SLO label at %3,%4")
                                .arg(labels[0].rect.left())
                                .arg(labels[0].rect.top())
                                .arg(sloRect.left())
                                .arg(sloRect.top())));
    }

    void the_block_dock_shows_its_blocks_markers_only()
    {
        BlockDetailPlots detail;
        detail.setBlock("app");
        stats::Snapshot snap = liveSnapshot(200, -1,
                                            {entry(50, stats::EventLogEntry::Kind::Fault, "crash app"),
                                             entry(60, stats::EventLogEntry::Kind::Fault, "slow db", {"db"})});
        detail.appendSnapshot(snap);
        const auto shown = detail.latencyPlot()->markers()->shown();
        QCOMPARE(int(shown.size()), 1);
        QCOMPARE(shown[0].text, std::string("crash app"));
    }

    void tick_labels_are_compact_numbers()
    {
        QCOMPARE(CompactTicker::label(750'000), QString::fromStdString(model::compactNumber(750'000)));
        QCOMPARE(CompactTicker::label(1e-17), QString("0"));
        ThroughputPlot plot;
        showAndLayOut(plot, {520, 260});
        stats::Snapshot snap = liveSnapshot(3600);
        for (auto& w : snap.series)
            w.throughputPerSecond = 1.2e6; // a million requests a second: "1.2M", never "1.2·10⁶"
        plot.appendSnapshot(snap);
        plot.customPlot()->replot();
        for (QCPAxis* axis : {plot.customPlot()->xAxis, plot.customPlot()->yAxis}) {
            const QVector<double> ticks = axis->tickVector();
            const QVector<QString> labels = axis->tickVectorLabels();
            QVERIFY2(ticks.size() >= 2, "fewer than two ticks");
            for (int i = 0; i < ticks.size(); ++i)
                QCOMPARE(labels[i], QString::fromStdString(model::compactNumber(std::abs(ticks[i]) < 1e-9 ? 0 : ticks[i])));
        }
        const QVector<QString> values = plot.customPlot()->yAxis->tickVectorLabels();
        QVERIFY2(std::any_of(values.begin(), values.end(), [](const QString& l) { return l.endsWith('M'); }),
                 qPrintable(QStringList(values.begin(), values.end()).join(' ')));
    }

    void short_and_narrow_plots_have_no_overlapping_ticks()
    {
        for (const QSize size : {QSize(220, 100), QSize(300, 140), QSize(520, 260)}) {
            LatencyPlot plot;
            showAndLayOut(plot, size);
            feed(plot, 3600);
            plot.customPlot()->replot();
            QCoreApplication::processEvents(); // a replot the new layout asked for
            const QFontMetrics metrics(plot.customPlot()->xAxis->tickLabelFont());
            QCPAxis* x = plot.customPlot()->xAxis;
            for (int i = 1; i < x->tickVector().size(); ++i) {
                const double gap = x->coordToPixel(x->tickVector()[i]) - x->coordToPixel(x->tickVector()[i - 1]);
                const double room = (metrics.horizontalAdvance(x->tickVectorLabels()[i]) +
                                     metrics.horizontalAdvance(x->tickVectorLabels()[i - 1])) / 2.0;
                QVERIFY2(gap > room + 4, qPrintable(QString("%1x%2: time ticks %3 and %4 overlap")
                                                        .arg(size.width()).arg(size.height())
                                                        .arg(x->tickVectorLabels()[i - 1], x->tickVectorLabels()[i])));
            }
            QCPAxis* y = plot.customPlot()->yAxis;
            for (int i = 1; i < y->tickVector().size(); ++i) {
                const double gap = y->coordToPixel(y->tickVector()[i - 1]) - y->coordToPixel(y->tickVector()[i]);
                QVERIFY2(gap > metrics.height() + 2, qPrintable(QString("%1x%2: value ticks %3 px apart")
                                                                    .arg(size.width()).arg(size.height()).arg(gap)));
            }
        }
    }

    // 140 px is the Utilisation dock at 1280x800 (a tab bar below it): two
    // long names wrap to two rows, which once squeezed over each other.
    void two_series_legends_do_not_overlap()
    {
        for (const int height : {220, 140})
            for (const int width : {220, 300, 390, 520}) {
                BlockMetricPlot utilization(BlockMetricPlot::Metric::Utilization);
                showAndLayOut(utilization, {width, height});
                stats::Snapshot snap = liveSnapshot(100);
                snap.blocks[0].name = "App, sessions in memory";
                stats::BlockSnapshot db = snap.blocks[0];
                db.id = "db";
                db.name = "App, stateless";
                snap.blocks.push_back(db);
                utilization.appendSnapshot(snap);
                utilization.customPlot()->replot();
                const QString size = QString("%1x%2").arg(width).arg(height);
                QCPLegend* legend = utilization.customPlot()->legend;
                QCOMPARE(legend->itemCount(), 2);
                const QRect first = legend->item(0)->outerRect(), second = legend->item(1)->outerRect();
                QVERIFY2(!first.intersects(second), qPrintable(size + ": the legend's items overlap"));
                // Each item is as wide and as tall as its text needs.
                for (int i = 0; i < 2; ++i) {
                    const QSize needed = legend->item(i)->minimumOuterSizeHint();
                    const QRect got = legend->item(i)->outerRect();
                    QVERIFY2(got.width() >= needed.width() && got.height() >= needed.height(),
                             qPrintable(size + QString(": legend item %1 squeezed to %2x%3, needs %4x%5")
                                                   .arg(i).arg(got.width()).arg(got.height())
                                                   .arg(needed.width()).arg(needed.height())));
                }
                // The legend stays above the curves' area.
                QVERIFY2(legend->outerRect().bottom() <= utilization.customPlot()->axisRect()->rect().top(),
                         qPrintable(size + ": the legend reaches into the axis rect"));
                // Room permitting, the time axis keeps its title.
                if (height >= 220)
                    QVERIFY2(!utilization.customPlot()->xAxis->label().isEmpty(), qPrintable(size + ": no time axis title"));
            }
    }

    // Seven blocks (the API-gateway example) in the 140 px Utilisation dock
    // of 1280x800: seven legend rows cannot fit, so the legend steps aside
    // (hovering names the curves) rather than squeezing its rows together;
    // in a tall dock it is back.
    void a_legend_that_cannot_fit_steps_aside()
    {
        BlockMetricPlot utilization(BlockMetricPlot::Metric::Utilization);
        showAndLayOut(utilization, {240, 140});
        stats::Snapshot snap = liveSnapshot(100);
        const stats::BlockSnapshot first = snap.blocks[0];
        for (int i = 1; i < 7; ++i) {
            stats::BlockSnapshot more = first;
            more.id = "svc" + std::to_string(i);
            more.name = "Service number " + std::to_string(i);
            snap.blocks.push_back(more);
        }
        utilization.appendSnapshot(snap);
        utilization.customPlot()->replot();
        QCPLegend* legend = utilization.customPlot()->legend;
        QCOMPARE(legend->itemCount(), 7);
        QVERIFY2(!legend->visible(), "seven legend rows squeezed into a 140 px plot");
        QVERIFY2(utilization.customPlot()->axisRect()->rect().height() >= 40, qPrintable(QString("the curves got %1 px of %2").arg(utilization.customPlot()->axisRect()->rect().height()).arg(utilization.customPlot()->height())));
        QVERIFY2(utilization.readoutAt(50).contains("Service number 3"), qPrintable(utilization.readoutAt(50)));

        utilization.resize(240, 400);
        QCoreApplication::processEvents();
        utilization.customPlot()->replot();
        QVERIFY2(legend->visible(), "a 400 px plot hides its legend");
        for (int i = 1; i < legend->itemCount(); ++i)
            QVERIFY2(!legend->item(i - 1)->outerRect().intersects(legend->item(i)->outerRect()),
                     qPrintable(QString("legend items %1 and %2 overlap").arg(i - 1).arg(i)));
    }

    void report_figures_draw_the_same_markers()
    {
        LatencyPlot plot;
        feed(plot, 300, -1, {entry(150, stats::EventLogEntry::Kind::Fault, "crash 1 instance of app")});
        ReportFigure figure = ReportFigures::plot("Latency", &plot, QSize(600, 260));
        QImage image(figure.size.toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        figure.picture.play(&painter);
        painter.end();
        const QColor fault = TimeMarkers::styleOf(stats::EventLogEntry::Kind::Fault).color;
        int faultPixels = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                faultPixels += c.red() > c.green() + 60 && c.red() > c.blue() + 60 && std::abs(c.hue() - fault.hue()) < 15;
            }
        QVERIFY2(faultPixels > 50, qPrintable(QString("%1 fault-coloured pixels in the figure").arg(faultPixels)));
    }
};

QTEST_MAIN(WholeRunPlotsTest)
#include "WholeRunPlotsTest.moc"
