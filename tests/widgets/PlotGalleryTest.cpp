// Renders every plot and the capacity sweep dialog, fed by a two-minute run
// of the three-tier example (overloaded halfway through), to PNGs under
// <temp>/scalelab-plots at realistic dock sizes: the pictures to look at
// when changing how plots are drawn. Asserts only that each rendered.
#include "WidgetTestSupport.h"
#include "plots/BlockDetailPlots.h"
#include "plots/BlockMetricPlot.h"
#include "plots/LatencyPlot.h"
#include "plots/ThroughputPlot.h"
#include "run/Simulator.h"
#include "sweep/CapacitySweepDialog.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <qcustomplot.h>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

QString outputPath(const QString& name)
{
    const QString dir = QDir::temp().filePath("scalelab-plots");
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

void save(QWidget& widget, const QString& name)
{
    widget.show();
    QVERIFY2(QTest::qWaitForWindowExposed(&widget), qPrintable(name + " was never shown"));
    QCoreApplication::processEvents(); // the queued replots
    const QString path = outputPath(name);
    QVERIFY2(widget.grab().save(path), qPrintable(path));
    qInfo("wrote %s", qPrintable(path));
}

} // namespace

class PlotGalleryTest : public QObject {
    Q_OBJECT

private slots:
    void live_plots_after_two_minutes_of_three_tier()
    {
        LatencyPlot latency;
        latency.setSloMs(200);
        ThroughputPlot throughput;
        BlockMetricPlot utilization(BlockMetricPlot::Metric::Utilization);
        BlockMetricPlot queue(BlockMetricPlot::Metric::Queue);
        BlockMetricPlot instances(BlockMetricPlot::Metric::Instances);
        BlockDetailPlots detail;
        detail.setBlock("app");
        const std::initializer_list<TimeSeriesPlot*> plots{&latency, &throughput, &utilization, &queue, &instances};
        for (TimeSeriesPlot* plot : plots)
            plot->resize(520, 260);
        detail.resize(520, 600);

        // As the live worker does: one snapshot per simulated second. At 60 s
        // the load doubles and the app tier saturates.
        sim::Simulator simulator(testing::readExample("three-tier.scalelab"), 1);
        for (int second = 1; second <= 120; ++second) {
            if (second == 60) {
                const std::string refusal = simulator.setParam("users", "rate_rps", 2200);
                QVERIFY2(refusal.empty(), refusal.c_str());
            }
            simulator.runUntil(sim::fromSeconds(second));
            const stats::Snapshot snap = simulator.snapshot(true);
            for (TimeSeriesPlot* plot : plots)
                plot->appendSnapshot(snap);
            detail.appendSnapshot(snap);
        }
        save(latency, "latency.png");
        save(throughput, "throughput.png");
        save(utilization, "utilization.png");
        save(queue, "queue.png");
        save(instances, "instances.png");
        save(detail, "block-detail-app.png");
        detail.setBlock("lb");
        detail.appendSnapshot(simulator.snapshot(true));
        save(detail, "block-detail-lb.png");

        // The hover read-out, with the mouse in the overloaded half.
        QCustomPlot* custom = latency.customPlot();
        const QRect area = custom->axisRect()->rect();
        QTest::mouseMove(custom, QPoint(area.left() + area.width() * 3 / 4, area.center().y()));
        QMouseEvent move(QEvent::MouseMove, QPointF(area.left() + area.width() * 3 / 4, area.center().y()),
                         custom->mapToGlobal(QPointF(area.center())), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(custom, &move);
        save(latency, "latency-hover.png");
        // Zoomed by the user: the Follow button appears.
        custom->xAxis->setRange(70, 100);
        custom->replot();
        save(latency, "latency-paused.png");
    }

    void capacity_sweep_dialog_after_a_run()
    {
        CapacitySweepDialog dialog(testing::readExample("three-tier.scalelab"), 1);
        dialog.setRange(10, 300, 15); // far enough to pass the knee
        dialog.setMeasureSeconds(10);
        dialog.resize(820, 620);
        dialog.show();
        QSignalSpy done(&dialog, &CapacitySweepDialog::sweepFinished);
        dialog.start();
        QVERIFY2(dialog.isRunning(), "start() should return while the points run");
        QVERIFY2(done.wait(240'000), "the sweep did not finish in four minutes");
        QCOMPARE(dialog.points().size(), size_t(15));
        save(dialog, "capacity-sweep.png");
        QVERIFY2(dialog.exportTo(outputPath("capacity-sweep.csv")),
                 qPrintable("cannot write " + outputPath("capacity-sweep.csv")));
        QVERIFY2(dialog.exportTo(outputPath("capacity-sweep-chart.png")),
                 qPrintable("cannot write " + outputPath("capacity-sweep-chart.png")));
    }
};

QTEST_MAIN(PlotGalleryTest)
#include "PlotGalleryTest.moc"
