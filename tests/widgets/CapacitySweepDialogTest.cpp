// The capacity sweep dialog: points run off the GUI thread, arrive in load
// order, the knee is found and marked, Cancel stops the rest, CSV exports.
#include "io/ScenarioFile.h"
#include "sweep/CapacitySweepDialog.h"
#include "sweep/SweepChart.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

model::Architecture threeTier()
{
    return io::readScenario(SCALELAB_SOURCE_DIR "/resources/examples/three-tier.scalelab");
}

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
        QVERIFY(done.wait(120'000));
        const auto points = dialog.points();
        QCOMPARE(points.size(), size_t(6));
        for (size_t i = 1; i < points.size(); ++i)
            QVERIFY(points[i].loadFactor > points[i - 1].loadFactor);
        const int knee = dialog.kneeIndex();
        QVERIFY2(knee > 0, "three-tier saturates before 3x its load");
        QCOMPARE(dialog.chart()->kneeOfferedRps(), points[size_t(knee)].offeredRps);

        QTemporaryDir dir;
        QVERIFY(dialog.exportTo(dir.filePath("sweep.csv")));
        QFile csv(dir.filePath("sweep.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        QVERIFY(lines[0].startsWith("load_factor,offered_rps,throughput_rps,p95_ms"));
        QVERIFY(lines[1].startsWith("0.5,"));
        QVERIFY(dialog.exportTo(dir.filePath("sweep.png")));
        QVERIFY(!dialog.exportTo(dir.filePath("sweep.doc")));
    }

    void cancel_stops_the_remaining_points()
    {
        CapacitySweepDialog dialog(threeTier(), 1);
        dialog.setRange(10, 150, 40);
        dialog.setMeasureSeconds(120);
        QSignalSpy done(&dialog, &CapacitySweepDialog::sweepFinished);
        dialog.start();
        dialog.cancel();
        QVERIFY(done.wait(120'000));
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.points().size() < 40, "cancelled points are not run");
    }

    void a_design_with_errors_cannot_be_swept()
    {
        model::Architecture broken = threeTier();
        broken.links.clear(); // the users reach nothing
        CapacitySweepDialog dialog(broken, 1);
        dialog.start();
        QVERIFY(!dialog.isRunning());
    }
};

QTEST_MAIN(CapacitySweepDialogTest)
#include "CapacitySweepDialogTest.moc"
