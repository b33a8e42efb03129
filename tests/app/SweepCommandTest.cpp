// `scalelab sweep` as a user runs it: the real binary in a child process,
// its JSON points and knee, its table, and its one-line usage errors.
#include "CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using scalelab::testing::examplePath;
using scalelab::testing::runScalelab;
using Result = scalelab::testing::CliResult;

class SweepCommandTest : public QObject {
    Q_OBJECT

private slots:
    void json_lists_every_point_and_the_knee()
    {
        const Result r = runScalelab({"sweep", examplePath("three-tier.scalelab"), "--from", "50", "--to", "300",
                                      "--steps", "6", "--duration", "5s", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        const QJsonArray points = json["points"].toArray();
        QCOMPARE(points.size(), 6);
        for (const char* key : {"load_factor", "offered_rps", "throughput_rps", "p95_ms", "mean_ms", "error_rate",
                                "analytic_mean_ms", "analytic_bottleneck_utilization"})
            QVERIFY2(points[0].toObject().contains(key), key);
        QCOMPARE(points[0].toObject()["load_factor"].toDouble(), 0.5);
        QCOMPARE(points[5].toObject()["load_factor"].toDouble(), 3.0);
        // At 3x the app tier is far past saturation: the analytic latency is null, the knee is found.
        QVERIFY2(points[5].toObject()["analytic_mean_ms"].isNull(),
                 qPrintable(QString("analytic mean at 3x: %1 ms, expected null (saturated)")
                                .arg(points[5].toObject()["analytic_mean_ms"].toDouble())));
        QVERIFY2(json["knee_index"].isDouble(), r.out.constData());
        QCOMPARE(json["seed"].toInt(), 1);
    }

    void table_marks_the_knee()
    {
        const Result r = runScalelab({"sweep", examplePath("three-tier.scalelab"), "--to", "300", "--steps", "5",
                                   "--duration", "5s"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("<- knee") && r.out.contains("knee at"), r.out.constData());
    }

    void bad_options_are_one_line_usage_errors()
    {
        const QList<QStringList> cases{{"--steps", "1"}, {"--from", "100", "--to", "50"}, {"--duration", "soon"}};
        for (const QStringList& options : cases) {
            const Result r = runScalelab(QStringList{"sweep", examplePath("three-tier.scalelab")} + options);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.startsWith("scalelab: ") && r.err.count('\n') == 1, r.err.constData());
        }
        const Result missing = runScalelab({"sweep", "/nonexistent.scalelab"});
        QCOMPARE(missing.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(SweepCommandTest)
#include "SweepCommandTest.moc"
