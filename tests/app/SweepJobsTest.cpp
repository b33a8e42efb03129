// A sweep planned as jobs and run by GNU parallel, as the README's recipe
// runs it, merges to exactly what the same sweep prints run in one process;
// a missing or foreign result is refused with a line that names it.
#include "CliProcess.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using scalelab::testing::examplePath;
using scalelab::testing::runScalelab;
using Result = scalelab::testing::CliResult;

namespace {

const QString kBinary = QStringLiteral(SCALELAB_BINARY_DIR "/app/scalelab");
const QStringList kSweep{"--from", "20", "--to", "200", "--steps", "5", "--duration", "4s", "--replications", "2"};

// Runs a shell pipeline in `dir`; its standard output.
QByteArray shell(const QString& dir, const QString& script)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start("/bin/sh", {"-c", script});
    process.waitForFinished(120'000);
    if (process.exitCode() != 0)
        qWarning("%s: %s", qPrintable(script), process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

} // namespace

class SweepJobsTest : public QObject {
    Q_OBJECT

private slots:
    void jobs_run_by_gnu_parallel_merge_to_the_in_process_sweep()
    {
        if (QStandardPaths::findExecutable("parallel").isEmpty())
            QFAIL("GNU parallel is not installed: scripts/install-deps.sh (make test) installs it");
        QTemporaryDir dir;
        const QString design = examplePath("three-tier.scalelab");
        const Result plan = runScalelab(QStringList{"sweep", design} + kSweep + QStringList{"--plan", dir.filePath("jobs.jsonl")});
        QCOMPARE(plan.exitCode, 0);
        const QByteArray merged =
            shell(dir.path(), QString("parallel --will-cite -j2 -a jobs.jsonl '%1' run-job | '%1' merge - --json").arg(kBinary));
        const Result inProcess = runScalelab(QStringList{"sweep", design} + kSweep + QStringList{"--json"});
        QCOMPARE(inProcess.exitCode, 0);
        QVERIFY2(merged.contains("\"knee_index\""), merged.constData());
        QCOMPARE(merged, inProcess.out);
    }

    void a_job_runs_by_its_index_in_the_plan()
    {
        QTemporaryDir dir;
        const QString jobs = dir.filePath("jobs.jsonl");
        QCOMPARE(runScalelab(QStringList{"sweep", examplePath("mm1.scalelab")} + kSweep + QStringList{"--plan", jobs}).exitCode, 0);
        const Result byIndex = runScalelab({"run-job", "--plan", jobs, "--index", "3"});
        QCOMPARE(byIndex.exitCode, 0);
        QVERIFY2(byIndex.out.contains("\"index\":3"), byIndex.out.constData());
        const Result beyond = runScalelab({"run-job", "--plan", jobs, "--index", "5"});
        QCOMPARE(beyond.exitCode, 1);
        QVERIFY2(beyond.err.contains("has no job 5"), beyond.err.constData());
    }

    void an_incomplete_or_mixed_sweep_is_refused()
    {
        QTemporaryDir dir;
        const QString jobs = dir.filePath("jobs.jsonl");
        QCOMPARE(runScalelab(QStringList{"sweep", examplePath("mm1.scalelab")} + kSweep + QStringList{"--plan", jobs}).exitCode, 0);
        shell(dir.path(), QString("'%1' run-job --plan jobs.jsonl --index 0 > r0.json").arg(kBinary));
        const Result incomplete = runScalelab({"merge", dir.filePath("r0.json")});
        QCOMPARE(incomplete.exitCode, 1);
        QVERIFY2(incomplete.err.contains("no result for job 1, 2, 3, 4"), incomplete.err.constData());
        const Result twice = runScalelab({"merge", dir.filePath("r0.json"), dir.filePath("r0.json")});
        QVERIFY2(twice.exitCode == 1 && twice.err.contains("r0.json: line 1: job 0 appears twice"), twice.err.constData());
        const Result foreign = runScalelab({"merge", jobs});
        QVERIFY2(foreign.exitCode == 1 && foreign.err.contains("line 1: \"format\" must be \"scalelab-sweep-result\""),
                 foreign.err.constData());
    }
};

QTEST_GUILESS_MAIN(SweepJobsTest)
#include "SweepJobsTest.moc"
