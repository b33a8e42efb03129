// The headless CLI as a user runs it: the real binary in a child process,
// its JSON output, its one-line errors and its exit statuses.
#include "CliProcess.h"
#include "model/Registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using scalelab::testing::examplePath;
using scalelab::testing::runScalelab;
using scalelab::testing::writeFile;
using Result = scalelab::testing::CliResult;

class CliTest : public QObject {
    Q_OBJECT

private slots:
    void run_json_has_the_documented_fields()
    {
        const Result r = runScalelab({"run", examplePath("three-tier.scalelab"), "--duration", "20s", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        for (const char* key : {"sim_seconds", "wall_seconds", "events", "requests", "completed", "errors",
                                "throughput_rps", "latency_ms", "blocks"})
            QVERIFY2(json.contains(key), key);
        for (const char* kind : {"timeout", "rejected", "rate_limited", "circuit_open", "failed"})
            QVERIFY2(json["errors"].toObject().contains(kind), kind);
        for (const char* figure : {"mean", "p50", "p95", "p99", "p999", "max"})
            QVERIFY2(json["latency_ms"].toObject().contains(figure), figure);
        QCOMPARE(json["sim_seconds"].toDouble(), 20.0);
        const QJsonObject app = json["blocks"].toObject()["app"].toObject();
        QCOMPARE(app["kind"].toString(), QString("service"));
        const double utilization = app["utilization"].toDouble();
        QVERIFY2(utilization > 0.3 && utilization < 0.9,
                 qPrintable(QString("app utilisation %1, expected between 0.3 and 0.9").arg(utilization)));
        // The cache turns 90% of reads into hits: the database sees the rest and the writes.
        const double hitRatio = json["blocks"].toObject()["cache"].toObject()["hit_ratio"].toDouble();
        QVERIFY2(hitRatio > 0.88 && hitRatio < 0.92,
                 qPrintable(QString("cache hit ratio %1, expected 0.9").arg(hitRatio)));
    }

    void set_overrides_a_parameter_and_same_seed_repeats()
    {
        const QStringList base{"run", examplePath("mm1.scalelab"), "--duration", "30s", "--json", "--seed", "5"};
        const Result a = runScalelab(base);
        const Result b = runScalelab(base);
        QCOMPARE(a.exitCode, 0);
        const auto ja = QJsonDocument::fromJson(a.out).object(), jb = QJsonDocument::fromJson(b.out).object();
        QCOMPARE(ja["events"], jb["events"]);
        QCOMPARE(ja["latency_ms"], jb["latency_ms"]);
        const Result faster = runScalelab(base + QStringList{"--set", "server.service_time_ms=0.5"});
        const auto jf = QJsonDocument::fromJson(faster.out).object();
        const double fasterMean = jf["latency_ms"].toObject()["mean"].toDouble();
        const double baseMean = ja["latency_ms"].toObject()["mean"].toDouble();
        QVERIFY2(fasterMean < baseMean / 3,
                 qPrintable(QString("--set service_time_ms=0.5: mean %1 ms, was %2 ms").arg(fasterMean).arg(baseMean)));
    }

    void capacity_follows_the_seed_example()
    {
        const Result r = runScalelab({"capacity", "--peak-rps", "100000", "--latency-ms", "200", "--concurrency",
                                   "10000", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json["base_servers"].toInt(), 2);
        QCOMPARE(json["with_buffer"].toInt(), 3);
        QCOMPARE(json["with_redundancy"].toInt(), 6);
        QCOMPARE(json["steps"].toArray().size(), 4);
    }

    void plan_names_the_bottleneck()
    {
        const Result r = runScalelab({"plan", examplePath("three-tier.scalelab"), "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json["bottleneck"].toString(), QString("app"));
        QCOMPARE(json["blocks"].toObject()["db"].toObject()["arrival_rps"].toDouble(), 190.0);
    }

    void errors_are_one_line_with_meaningful_status_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList{"run", "/nonexistent/x.scalelab"} << 1
                                      << "x.scalelab: cannot open file";
        QTest::newRow("bad override") << QStringList{"run", examplePath("mm1.scalelab"), "--set", "server.workers=0"}
                                      << 2 << "server.workers must be >= 1, got 0";
        QTest::newRow("unknown block") << QStringList{"run", examplePath("mm1.scalelab"), "--set", "servr.workers=2"}
                                       << 2 << "did you mean \"server\"";
        QTest::newRow("bad duration") << QStringList{"run", examplePath("mm1.scalelab"), "--duration", "soon"} << 2
                                      << "cannot read \"soon\" as a duration";
        QTest::newRow("unknown option") << QStringList{"run", examplePath("mm1.scalelab"), "--frobnicate"} << 2
                                        << "frobnicate";
        QTest::newRow("capacity without input") << QStringList{"capacity", "--peak-rps", "100"} << 2
                                                << "capacity needs --latency-ms";
        QTest::newRow("negative capacity") << QStringList{"capacity", "--peak-rps", "-5", "--latency-ms", "200",
                                                          "--concurrency", "10"}
                                           << 2 << "peak";
    }
    void errors_are_one_line_with_meaningful_status()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, message);
        const Result r = runScalelab(arguments);
        QCOMPARE(r.exitCode, status);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY2(!err.contains('\n'), qPrintable("more than one line: " + err));
    }

    void readme_parameter_reference_matches_the_registry()
    {
        // The README's tables are generated by `scalelab params`; a registry
        // change without regenerating them fails here.
        const Result r = runScalelab({"params"});
        QCOMPARE(r.exitCode, 0);
        QFile readme(QStringLiteral(SCALELAB_SOURCE_DIR "/README.md"));
        QVERIFY2(readme.open(QIODevice::ReadOnly), qPrintable("cannot read " + readme.fileName()));
        QVERIFY2(readme.readAll().contains(r.out.trimmed()),
                 "README.md is out of date: run scripts/regen-readme-params.sh");
    }

    void params_lists_every_registry_kind()
    {
        const Result r = runScalelab({"params"});
        QCOMPARE(r.exitCode, 0);
        for (const auto& spec : scalelab::model::Registry::instance().blocks()) {
            const QByteArray heading = QByteArray("`") + spec.kind.c_str() + "`: " + spec.displayName.c_str();
            QVERIFY2(r.out.contains(heading), qPrintable("`scalelab params` does not list " + QString::fromStdString(spec.kind)));
        }
    }

    void malformed_file_is_reported_with_its_path()
    {
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, "broken.scalelab",
            R"({"format": "scalelab", "version": 1, "blocks": [{"id": "a", "kind": "servce"}], "links": []})");
        const Result r = runScalelab({"run", path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("broken.scalelab: blocks[0].kind"), r.err.constData());
        QVERIFY2(r.err.contains("did you mean \"service\""), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
