// What a snapshot costs the live views: a plot following a run appends the
// new windows to its graphs instead of rebuilding them, and draws exactly
// what a plot built from scratch on the same rows draws; a canvas card whose
// shown figures did not change is not repainted, and one whose figures
// changed is.
#include "WidgetTestSupport.h"
#include "canvas/BlockItem.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"
#include "plots/BlockMetricPlot.h"
#include "plots/LatencyPlot.h"
#include "plots/PlotTimeSpan.h"
#include "plots/ThroughputPlot.h"

#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QSignalSpy>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>
#include <memory>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

stats::WindowSample window(double endSeconds)
{
    // Values that move, with a gap (no completions) every 37th window.
    const int t = static_cast<int>(std::lround(endSeconds));
    stats::WindowSample w;
    w.endSeconds = endSeconds;
    w.arrivalsPerSecond = 1000 + 37 * (t % 11);
    w.throughputPerSecond = t % 37 == 0 ? 0 : w.arrivalsPerSecond;
    w.p50Ms = 5 + t % 5;
    w.p95Ms = 10 + t % 7;
    w.p99Ms = 20 + t % 13;
    w.utilization = 0.3 + 0.05 * (t % 9);
    w.meanQueue = t % 4;
    w.instances = 3 + t % 2;
    return w;
}

// The run's windows ending 1..t (as RunHistory hands them to the plots).
stats::Snapshot runUntil(int t)
{
    stats::Snapshot snap;
    snap.simSeconds = t;
    for (int end = 1; end <= t; ++end)
        snap.series.push_back(window(end));
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

bool sameValue(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// Every series of `a` holds the same points as that of `b`; says where they differ.
QString differenceOf(const TimeSeriesPlot& a, const TimeSeriesPlot& b)
{
    if (a.seriesCount() != b.seriesCount())
        return QStringLiteral("%1 series against %2").arg(a.seriesCount()).arg(b.seriesCount());
    for (int series = 0; series < a.seriesCount(); ++series) {
        const auto& da = *a.graph(series)->data();
        const auto& db = *b.graph(series)->data();
        if (da.size() != db.size())
            return QStringLiteral("series %1: %2 points against %3").arg(series).arg(da.size()).arg(db.size());
        auto ia = da.constBegin();
        for (auto ib = db.constBegin(); ib != db.constEnd(); ++ia, ++ib)
            if (ia->key != ib->key || !sameValue(ia->value, ib->value))
                return QStringLiteral("series %1: (%2, %3) against (%4, %5)")
                    .arg(series)
                    .arg(ia->key)
                    .arg(ia->value)
                    .arg(ib->key)
                    .arg(ib->value);
    }
    return {};
}

std::unique_ptr<TimeSeriesPlot> makePlot(const QString& kind)
{
    if (kind == "latency")
        return std::make_unique<LatencyPlot>();
    if (kind == "throughput")
        return std::make_unique<ThroughputPlot>();
    return std::make_unique<BlockMetricPlot>(BlockMetricPlot::Metric::Utilization);
}

// Lets both plots lay out with their data (the value axis' labels set the
// axis rect's width, so the pixels a decimation slices), then redraws both
// with the newest snapshot again.
void settle(TimeSeriesPlot& a, TimeSeriesPlot& b, const stats::Snapshot& snapshot)
{
    for (int pass = 0; pass < 2; ++pass) {
        QCoreApplication::processEvents();
        a.appendSnapshot(snapshot);
        b.appendSnapshot(snapshot);
    }
}

void show(QWidget& widget)
{
    widget.resize(420, 260);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
}

model::Architecture oneService()
{
    model::Architecture design;
    model::Block app = model::makeBlock("service", "app", "App servers");
    app.x = 100;
    app.y = 100;
    design.blocks.push_back(app);
    return design;
}

stats::Snapshot cardSnapshot(double rps, double utilization, double p95Ms)
{
    stats::Snapshot snap = runUntil(1);
    stats::WindowSample& w = snap.blocks.front().series.back();
    w.arrivalsPerSecond = w.throughputPerSecond = rps;
    w.utilization = utilization;
    w.p95Ms = p95Ms;
    w.meanQueue = 0;
    return snap;
}

} // namespace

class LiveUpdateCostTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QSettings().clear();
        PlotTimeSpan::instance()->setFollowSeconds(0);
    }

    void a_followed_plot_appends_and_draws_what_a_rebuilt_one_draws_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("followSeconds"); // 0: the whole run
        QTest::addColumn<int>("maxSamples");
        QTest::addColumn<int>("until");
        for (const char* kind : {"latency", "throughput", "utilisation"}) {
            QTest::addRow("%s, whole run", kind) << QString(kind) << 0.0 << 86'400 << 300;
            QTest::addRow("%s, last minute", kind) << QString(kind) << 60.0 << 86'400 << 300;
            QTest::addRow("%s, 50 rows kept", kind) << QString(kind) << 0.0 << 50 << 300;
            // Past two rows a pixel the whole run is decimated: rebuilt each time, and still equal.
            QTest::addRow("%s, whole run decimated", kind) << QString(kind) << 0.0 << 86'400 << 1500;
        }
    }

    void a_followed_plot_appends_and_draws_what_a_rebuilt_one_draws()
    {
        QFETCH(QString, kind);
        QFETCH(double, followSeconds);
        QFETCH(int, maxSamples);
        QFETCH(int, until);
        PlotTimeSpan::instance()->setFollowSeconds(followSeconds);
        const auto live = makePlot(kind);
        live->setMaxSamples(maxSamples);
        show(*live);
        int snapshots = 0;
        for (int t = 1; t <= until; t += t < 120 ? 1 : 7, ++snapshots) {
            live->appendSnapshot(runUntil(t));
            if (t == 90 || t == 200) { // a plot made now, fed the run at once, draws the same
                const auto fresh = makePlot(kind);
                fresh->setMaxSamples(maxSamples);
                show(*fresh);
                fresh->appendSnapshot(runUntil(t));
                settle(*live, *fresh, runUntil(t));
                const QString difference = differenceOf(*live, *fresh);
                QVERIFY2(difference.isEmpty(), qPrintable(QStringLiteral("at t = %1: %2").arg(t).arg(difference)));
            }
        }
        const int last = until - (until - 120) % 7; // the last t fed
        const auto fresh = makePlot(kind);
        fresh->setMaxSamples(maxSamples);
        show(*fresh);
        fresh->appendSnapshot(runUntil(last));
        settle(*live, *fresh, runUntil(last));
        QVERIFY2(live->drawnPointCount() > 0, "the live plot draws nothing");
        const QString difference = differenceOf(*live, *fresh);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        const bool decimated = until > 1000;
        if (!decimated) {
            // Appended, not rebuilt: a few rebuilds (the first rows, the axis
            // leaving its first minute) against one snapshot after another.
            QVERIFY2(live->graphRebuilds() < snapshots / 4,
                     qPrintable(QStringLiteral("%1 rebuilds for %2 snapshots").arg(live->graphRebuilds()).arg(snapshots)));
            QVERIFY2(live->rowsAppendedToGraphs() >= live->drawnPointCount() / 2,
                     qPrintable(QStringLiteral("%1 rows appended").arg(live->rowsAppendedToGraphs())));
        }
    }

    void zooming_back_and_following_again_still_draws_what_a_rebuilt_plot_draws()
    {
        LatencyPlot live;
        show(live);
        for (int t = 1; t <= 150; ++t)
            live.appendSnapshot(runUntil(t));
        live.customPlot()->xAxis->setRange(20, 40); // the user zooms in: no longer following
        QVERIFY(!live.isFollowing());
        for (int t = 151; t <= 160; ++t)
            live.appendSnapshot(runUntil(t));
        live.setFollowing(true);
        for (int t = 161; t <= 170; ++t)
            live.appendSnapshot(runUntil(t));
        LatencyPlot fresh;
        show(fresh);
        fresh.appendSnapshot(runUntil(170));
        settle(live, fresh, runUntil(170));
        const QString difference = differenceOf(live, fresh);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void a_plot_behind_a_tab_keeps_its_data_and_replots_only_when_shown()
    {
        QWidget window;
        auto* layout = new QHBoxLayout(&window);
        auto* shown = new LatencyPlot;
        auto* behind = new LatencyPlot;
        layout->addWidget(shown);
        layout->addWidget(behind);
        window.resize(840, 260);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        behind->hide(); // as a dock behind another tab is
        QSignalSpy shownReplots(shown->customPlot(), &QCustomPlot::beforeReplot);
        QSignalSpy behindReplots(behind->customPlot(), &QCustomPlot::beforeReplot);
        for (int t = 1; t <= 30; ++t) {
            shown->appendSnapshot(runUntil(t));
            behind->appendSnapshot(runUntil(t));
            QCoreApplication::processEvents();
        }
        QVERIFY2(shownReplots.count() >= 10, qPrintable(QString::number(shownReplots.count())));
        QCOMPARE(behindReplots.count(), 0);
        QCOMPARE(behind->drawnPointCount(), 30); // the data is current all the same
        behind->show();
        QCOMPARE(behindReplots.count(), 1); // at once, before its first paint
        QCOMPARE(differenceOf(*behind, *shown), QString());
    }

    void a_card_whose_figures_did_not_change_is_not_repainted()
    {
        DesignDocument document;
        document.reset(oneService());
        CanvasScene scene(&document);
        BlockItem* card = scene.blockItem("app");
        QVERIFY(card);
        // With `changed` connected the scene reports every item repaint as a rect.
        QList<QRectF> repainted;
        connect(&scene, &QGraphicsScene::changed, this, [&](const QList<QRectF>& rects) { repainted += rects; });
        auto repaintsOf = [&](const stats::Snapshot& snapshot) {
            QCoreApplication::processEvents();
            repainted.clear();
            scene.showLiveSnapshot(snapshot);
            QCoreApplication::processEvents();
            int hits = 0;
            for (const QRectF& rect : repainted)
                hits += rect.intersects(card->sceneBoundingRect());
            return hits;
        };
        QVERIFY2(repaintsOf(cardSnapshot(1200, 0.45, 12)) > 0, "the first live figures did not repaint the card");
        QCOMPARE(repaintsOf(cardSnapshot(1200, 0.45, 12)), 0); // the same snapshot again
        // Figures that differ below what the card shows: 1.2K rps, 45%, p95 12 ms all the same.
        QCOMPARE(repaintsOf(cardSnapshot(1200.3, 0.4504, 12.001)), 0);
        QVERIFY2(repaintsOf(cardSnapshot(1900, 0.45, 12)) > 0, "a new rate did not repaint the card");
        QVERIFY2(repaintsOf(cardSnapshot(1900, 0.52, 12)) > 0, "a new utilisation did not repaint the card");
        QVERIFY2(repaintsOf(cardSnapshot(1900, 0.52, 40)) > 0, "a new p95 did not repaint the card");
        QCOMPARE(repaintsOf(cardSnapshot(1900, 0.52, 40)), 0);
    }
};

QTEST_MAIN(LiveUpdateCostTest)
#include "LiveUpdateCostTest.moc"
