// Where the app shows connection-pool waits and lost writes, fed by real
// runs of the two bundled examples that teach them: the card's badges
// (BlockLiveStats), the block dock's figures line and the throughput plot's
// named pool_timeout band.
#include "WidgetTestSupport.h"
#include "canvas/BlockLiveStats.h"
#include "plots/BlockDetailPlots.h"
#include "plots/BlockGaugePlot.h"
#include "plots/ThroughputPlot.h"

#include <QLabel>
#include <QTest>

#include <qcustomplot.h>

using namespace scalelab;
using namespace scalelab::widgets;

class PoolAndLossFiguresTest : public QObject {
    Q_OBJECT

private slots:
    void pooled_caller_shows_its_wait_on_the_card_and_in_the_dock()
    {
        const stats::Snapshot snap = testing::runFor(testing::readExample("connection-pool-timeout.scalelab"), 20);
        const auto live = BlockLiveStats::from(*testing::blockOf(snap, "app"));
        QVERIFY(live);
        QVERIFY2(live->pooled, "the app calls over a pooled link but its card has no pool badge");
        QVERIFY2(live->poolWaitMs > 0.5 && live->poolWaitMs < 20, qPrintable(QString::number(live->poolWaitMs)));
        QVERIFY(!live->poolTimeouts);
        QVERIFY2(!BlockLiveStats::from(*testing::blockOf(snap, "db"))->pooled, "the database calls nothing");

        BlockDetailPlots dock;
        dock.setBlock("app");
        dock.appendSnapshot(snap);
        QVERIFY(dock.figuresLabel()->isVisibleTo(&dock));
        const QString text = dock.figuresLabel()->text();
        QVERIFY2(text.startsWith("Connection pool: ") && text.contains("% of calls waited, mean ") &&
                     text.contains(", p95 ") && !text.contains("gave up"),
                 qPrintable(text));
        dock.setBlock("db"); // no pool, nothing lost: no line
        dock.appendSnapshot(snap);
        QVERIFY(!dock.figuresLabel()->isVisibleTo(&dock));
    }

    void pool_timeouts_turn_the_badge_amber_and_get_a_band_of_their_own()
    {
        model::Architecture design = testing::readExample("connection-pool-timeout.scalelab");
        design.links[2].params["pool_size"] = 6; // 375 queries/s of 500: a quarter time out
        const stats::Snapshot snap = testing::runFor(design, 20);
        const auto live = BlockLiveStats::from(*testing::blockOf(snap, "app"));
        QVERIFY(live && live->poolTimeouts);
        QVERIFY2(live->poolWaitMs > 50, qPrintable(QString::number(live->poolWaitMs)));

        BlockDetailPlots dock;
        dock.setBlock("app");
        dock.appendSnapshot(snap);
        QVERIFY2(dock.figuresLabel()->text().contains("gave up (pool timeout)"), qPrintable(dock.figuresLabel()->text()));

        ThroughputPlot plot;
        plot.appendSnapshot(snap);
        bool named = false;
        for (int i = 0; i < plot.customPlot()->legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.customPlot()->legend->item(i)))
                named = named || item->plottable()->name() == "pool timeout";
        QVERIFY2(named, "the throughput plot's legend has no pool timeout band");
    }

    void crashed_write_behind_cache_shows_its_lost_writes()
    {
        const model::Architecture design = testing::readExample("write-behind-batching.scalelab");
        // Before the crash at 45 s: at most a batch's worth held, nothing lost.
        const stats::Snapshot before = testing::runFor(design, 40);
        const auto held = BlockLiveStats::from(*testing::blockOf(before, "redis"));
        QVERIFY(held && !held->stateAlarm);
        QVERIFY2(held->state.isEmpty() || held->state.endsWith(" unflushed"), qPrintable(held->state));
        // After it: the card says how many writes were lost, in the error colour, and so does the dock.
        const stats::Snapshot after = testing::runFor(design, 50);
        const stats::BlockSnapshot& redis = *testing::blockOf(after, "redis");
        const double lost = redis.extras.at("lost_writes");
        QVERIFY(lost >= 0 && lost < 50);
        if (lost == 0)
            QSKIP("the crash found the batch empty (1 chance in 50): nothing to show");
        const auto crashed = BlockLiveStats::from(redis);
        QVERIFY(crashed && crashed->stateAlarm);
        QCOMPARE(crashed->state, QString(lost == 1 ? "1 write lost" : "%1 writes lost").arg(lost));
        BlockDetailPlots dock;
        dock.setBlock("redis");
        dock.appendSnapshot(after);
        QVERIFY2(dock.figuresLabel()->text().contains(QString("Lost writes: %1 ").arg(lost)),
                 qPrintable(dock.figuresLabel()->text()));
        QVERIFY2(dock.gaugePlot()->isVisibleTo(&dock), "a cache's dock plots its unflushed writes");
    }
};

QTEST_MAIN(PoolAndLossFiguresTest)
#include "PoolAndLossFiguresTest.moc"
