// The capacity sweep dialog: points run off the GUI thread, arrive in load
// order, the knee is found and marked, Cancel stops the rest, CSV exports.
#include "WidgetTestSupport.h"
#include "sweep/CapacitySweepDialog.h"
#include "sweep/SweepChart.h"

#include <QFile>
#include <QPixmap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <qcustomplot.h>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

model::Architecture threeTier() { return testing::readExample("three-tier.scalelab"); }

} // namespace

class CapacitySweepDialogTest : public QObject {
    Q_OBJECT

private slots:
    void sweep_runs_in_the_background_and_marks_the_knee()
    {
        CapacitySweepDialog dialog(threeTier(), 1);
        dialog.setRange(50, 300, 6);
        dialog.setMeasureSeconds(5);
        QSignalSpy done(&dialog, &CapacitySweepDialog::sweepFinished);
        dialog.start();
        QVERIFY2(dialog.isRunning(), "start() returns while the points run");
        QVERIFY2(done.wait(120'000), "the sweep did not finish in two minutes");
        const auto points = dialog.points();
        QCOMPARE(points.size(), size_t(6));
        for (size_t i = 1; i < points.size(); ++i)
            QVERIFY2(points[i].loadFactor > points[i - 1].loadFactor,
                     qPrintable(QString("point %1 has load %2 after %3: points must arrive in load order")
                                    .arg(i)
                                    .arg(points[i].loadFactor)
                                    .arg(points[i - 1].loadFactor)));
        const int knee = dialog.kneeIndex();
        QVERIFY2(knee > 0, "three-tier saturates before 3x its load");
        QCOMPARE(dialog.chart()->kneeOfferedRps(), points[size_t(knee)].offeredRps);

        QTemporaryDir dir;
        QVERIFY2(dialog.exportTo(dir.filePath("sweep.csv")), "CSV export failed");
        QFile csv(dir.filePath("sweep.csv"));
        QVERIFY2(csv.open(QIODevice::ReadOnly), "the exported CSV cannot be read");
        const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        QVERIFY2(lines[0].startsWith("load_factor,offered_rps,throughput_rps,p95_ms"),
                 qPrintable("CSV header: " + lines[0]));
        QVERIFY2(lines[1].startsWith("0.5,"), qPrintable("the first point should be at 0.5x: " + lines[1]));
        QVERIFY2(dialog.exportTo(dir.filePath("sweep.png")), "PNG export failed");
        QVERIFY2(!dialog.exportTo(dir.filePath("sweep.doc")), "export to an unknown format claimed to succeed");
    }

    void replicated_points_carry_error_bars()
    {
        CapacitySweepDialog dialog(threeTier(), 1);
        dialog.setRange(40, 160, 4);
        dialog.setMeasureSeconds(5);
        dialog.setReplications(4);
        QSignalSpy done(&dialog, &CapacitySweepDialog::sweepFinished);
        dialog.start();
        QVERIFY2(done.wait(120'000), "the replicated sweep did not finish in two minutes");
        const auto points = dialog.points();
        QCOMPARE(points.size(), size_t(4));
        const auto& bars = dialog.chart()->errorBars();
        QCOMPARE(bars.size(), size_t(3));
        for (QCPErrorBars* bar : bars) {
            QVERIFY2(bar->visible(), "four runs per point give every simulated point an interval");
            QCOMPARE(bar->dataCount(), int(points.size()));
        }
        for (size_t i = 0; i < points.size(); ++i) {
            QVERIFY2(std::isfinite(points[i].p95HalfWidthMs) && points[i].p95HalfWidthMs > 0,
                     qPrintable(QString("point %1: p95 half-width %2").arg(i).arg(points[i].p95HalfWidthMs)));
            QCOMPARE(bars[0]->data()->at(int(i)).errorPlus, points[i].p95HalfWidthMs);
            QCOMPARE(bars[1]->data()->at(int(i)).errorPlus, points[i].meanHalfWidthMs);
        }
        // One run per point has no spread to estimate: no bars.
        dialog.setReplications(1);
        dialog.start();
        QVERIFY2(done.wait(120'000), "the single-run sweep did not finish in two minutes");
        for (QCPErrorBars* bar : dialog.chart()->errorBars())
            QVERIFY2(!bar->visible(), "one run per point shows error bars");

        // For looking at it: SCALELAB_SWEEP_SCREENSHOT=/tmp/sweep.png keeps a picture of the replicated sweep.
        if (const QString path = qEnvironmentVariable("SCALELAB_SWEEP_SCREENSHOT"); !path.isEmpty()) {
            dialog.setRange(10, 150, 15);
            dialog.setMeasureSeconds(20);
            dialog.setReplications(5);
            dialog.start();
            QVERIFY2(done.wait(300'000), "the screenshot sweep did not finish in five minutes");
            dialog.show();
            QTest::qWait(50);
            QVERIFY2(dialog.grab().save(path), qPrintable("cannot write " + path));
        }
    }

    void cancel_stops_the_remaining_points()
    {
        CapacitySweepDialog dialog(threeTier(), 1);
        dialog.setRange(10, 150, 40);
        dialog.setMeasureSeconds(120);
        QSignalSpy done(&dialog, &CapacitySweepDialog::sweepFinished);
        dialog.start();
        dialog.cancel();
        QVERIFY2(done.wait(120'000), "a cancelled sweep did not finish in two minutes");
        QVERIFY2(!dialog.isRunning(), "the dialog still runs after sweepFinished");
        QVERIFY2(dialog.points().size() < 40, "cancelled points are not run");
    }

    void a_design_with_errors_cannot_be_swept()
    {
        model::Architecture broken = threeTier();
        broken.links.clear(); // the users reach nothing
        CapacitySweepDialog dialog(broken, 1);
        dialog.start();
        QVERIFY2(!dialog.isRunning(), "a design whose users reach nothing started a sweep");
    }
};

QTEST_MAIN(CapacitySweepDialogTest)
#include "CapacitySweepDialogTest.moc"
