// The CLI at the edges, as a user meets them: values that used to overflow
// simulated time, designs too big for memory, long runs (progress, Ctrl+C),
// and the small courtesies (errors that name the file and JSON path, file
// text escaped in messages, unknown commands, `params --json`).
#include "CliProcess.h"
#include "model/Registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <pty.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

using scalelab::testing::examplePath;
using scalelab::testing::runScalelab;
using scalelab::testing::writeFile;
using Result = scalelab::testing::CliResult;

namespace {

const QString kBinary = QStringLiteral(SCALELAB_BINARY_DIR "/app/scalelab");

// The issue's minimal file, with the client's parameters given.
QByteArray minimalFile(const QByteArray& clientParams, const QByteArray& extra = {})
{
    return R"({"format":"scalelab","version":1,"blocks":[{"id":"c","kind":"client","params":{)" + clientParams +
           R"(}},{"id":"s","kind":"service"}],"links":[{"from":"c","to":"s"}])" + extra + "}";
}

QJsonObject jsonOf(const Result& r) { return QJsonDocument::fromJson(r.out).object(); }

// Runs the binary on a pseudo-terminal, as a user at a terminal would, and
// returns everything it wrote there (stdout and stderr share the terminal).
QByteArray runOnTerminal(const QStringList& arguments, int& status)
{
    std::vector<QByteArray> owned{kBinary.toLocal8Bit()};
    for (const QString& argument : arguments)
        owned.push_back(argument.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& argument : owned)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    int master = -1;
    const pid_t child = forkpty(&master, nullptr, nullptr, nullptr);
    if (child == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    QByteArray output;
    char buffer[4096];
    while (true) {
        pollfd fd{master, POLLIN, 0};
        if (poll(&fd, 1, 120'000) <= 0)
            break; // a hang: the assertions below report it
        const ssize_t n = read(master, buffer, sizeof buffer);
        if (n <= 0)
            break; // EIO once the child has exited and the terminal closed
        output.append(buffer, n);
    }
    int raw = 0;
    waitpid(child, &raw, 0);
    close(master);
    status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return output;
}

} // namespace

class CliLimitsTest : public QObject {
    Q_OBJECT

private slots:
    // ---- Part 1: simulated time that cannot overflow

    void vanishing_rate_on_the_example_ends_with_no_requests()
    {
        // It grew to 4.7 GB and never ended.
        const Result r = runScalelab({"run", examplePath("order-processing-queue.scalelab"), "--set",
                                      "users.rate_rps=1e-300", "--duration", "1s", "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(jsonOf(r)["requests"].toInt(-1), 0);
    }

    void vanishing_rates_in_the_minimal_file_send_nothing()
    {
        QTemporaryDir dir;
        for (const QByteArray rate : {"1e-300", "1e-15"}) {
            const QString path = writeFile(dir, "tiny.scalelab", minimalFile(R"("rate_rps":)" + rate));
            const Result r = runScalelab({"run", path, "--duration", "60s", "--json"});
            QCOMPARE(r.exitCode, 0);
            // 1e-15 rps produced about 1,030 rps.
            QVERIFY2(jsonOf(r)["requests"].toInt(-1) == 0, qPrintable("rate " + rate + ": " + r.out.left(300)));
        }
    }

    void fault_beyond_the_longest_span_is_refused_with_its_path()
    {
        // A fault at 1e10 s struck at t = 0; one lasting 1e10 s recovered at once.
        QTemporaryDir dir;
        const QString at = writeFile(dir, "at.scalelab",
                                     minimalFile({}, R"(,"faults":[{"at_s":1e10,"action":"crash","block":"s"}])"));
        Result r = runScalelab({"run", at, "--duration", "10s"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("at.scalelab: faults[0]: at_s must be at most 10000000 s"), r.err.constData());
        const QString lasting = writeFile(
            dir, "lasting.scalelab",
            minimalFile({}, R"(,"faults":[{"at_s":5,"action":"crash","block":"s","duration_s":1e10}])"));
        r = runScalelab({"run", lasting, "--duration", "10s"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("lasting.scalelab: faults[0]: duration_s must be at most 10000000 s"),
                 r.err.constData());
    }

    // ---- Part 5: bounded runs

    void flooded_queue_stops_at_the_memory_budget()
    {
        // One worker, a 1e7 queue, 1e7 rps: 3.35 GB in 60 s before. Here at
        // a 32 MB budget, so the test itself stays small.
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, "flood.scalelab",
            R"({"format":"scalelab","version":1,"blocks":[
                {"id":"c","kind":"client","params":{"rate_rps":10000000,"timeout_ms":0}},
                {"id":"worker","kind":"service","params":{"workers":1,"queue_capacity":10000000}}],
                "links":[{"from":"c","to":"worker"}]})");
        const Result r = runScalelab({"run", path, "--duration", "60s", "--memory-budget", "32"});
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(err.startsWith("scalelab: memory budget exceeded: "), qPrintable(err));
        QVERIFY2(err.contains("requests in flight at t=") && err.contains("the most at worker"), qPrintable(err));
        QVERIFY2(!err.contains('\n'), qPrintable("more than one line: " + err));
    }

    void memory_budget_option_is_checked()
    {
        const Result r = runScalelab({"run", examplePath("mm1.scalelab"), "--memory-budget", "lots"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--memory-budget"), r.err.constData());
    }

    void ten_million_closed_users_are_refused()
    {
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, "crowd.scalelab",
            minimalFile(R"("arrival_model":"closed","virtual_users":10000000,"think_time_ms":0)"));
        const Result r = runScalelab({"run", path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("crowd.scalelab: blocks[0].params.virtual_users (c): Virtual users: 10,000,000"),
                 r.err.constData());
    }

    void more_cells_than_requests_are_refused()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, "cells.scalelab", minimalFile(R"("rate_rps":1000)", R"(,"scale":{"cells":1000000})"));
        const Result r = runScalelab({"run", path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cells.scalelab: scale.cells: 1,000,000 cells are more than"), r.err.constData());
    }

    void no_progress_when_stderr_is_not_a_terminal()
    {
        const Result r = runScalelab({"run", examplePath("mm1.scalelab"), "--duration", "20s"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }

    void progress_bar_on_a_terminal_and_quiet_turns_it_off()
    {
        int status = -1;
        const QByteArray shown = runOnTerminal({"run", examplePath("mm1.scalelab"), "--duration", "20s"}, status);
        QCOMPARE(status, 0);
        QVERIFY2(shown.contains("\r[") && shown.contains("%  t="), shown.constData());
        QVERIFY2(shown.contains("\r\x1b[K"), "the bar is erased before the results");
        QVERIFY2(shown.contains("throughput"), "the results follow");
        const QByteArray quiet =
            runOnTerminal({"run", examplePath("mm1.scalelab"), "--duration", "20s", "--quiet"}, status);
        QCOMPARE(status, 0);
        QVERIFY2(!quiet.contains("%  t="), quiet.constData());
    }

    void ctrl_c_prints_the_partial_result()
    {
        QProcess process;
        process.setReadChannel(QProcess::StandardError);
        // A thousand simulated hours: only Ctrl+C ends it within the test.
        process.start(kBinary, {"run", examplePath("mm1.scalelab"), "--duration", "1000h", "--warmup", "0",
                                "--progress"});
        QVERIFY2(process.waitForStarted(), "the binary did not start");
        // The first progress line is printed once the Ctrl+C handler is in place.
        QByteArray err;
        while (!err.contains("%  t=") && process.waitForReadyRead(60'000))
            err += process.readAllStandardError();
        QVERIFY2(err.contains("%  t="), qPrintable("no progress line: " + err));
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY2(process.waitForFinished(60'000), "Ctrl+C did not stop the run");
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        const QByteArray out = process.readAllStandardOutput();
        err += process.readAllStandardError();
        QVERIFY2(out.contains("PARTIAL RESULT: interrupted by Ctrl+C at t="), out.constData());
        QVERIFY2(out.contains("throughput"), out.constData());
        QVERIFY2(err.contains("interrupted at t="), err.constData());
    }

    // ---- Part 6: smaller items

    void validator_errors_name_the_file_and_json_path()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "cycle.scalelab", R"({"format":"scalelab","version":1,"blocks":[
            {"id":"c","kind":"client"},{"id":"a","kind":"service"},{"id":"b","kind":"service"}],
            "links":[{"from":"c","to":"a"},{"from":"a","to":"b"},{"from":"b","to":"a"}]})");
        for (const QString command : {"run", "plan"}) {
            const Result r = runScalelab({command, path});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("scalelab: cycle.scalelab: blocks[1] (a): is part of a call cycle"),
                     qPrintable(command + ": " + r.err));
        }
    }

    void file_text_in_errors_is_escaped()
    {
        QTemporaryDir dir;
        // An escape sequence and a newline in a region-latency entry...
        const QString regions = writeFile(dir, "regions.scalelab", R"({"format":"scalelab","version":1,"blocks":[
            {"id":"dns","kind":"geo_dns","params":{"inter_region_ms":"\u001b[31mred\nline=5"}}],"links":[]})");
        // ...and in a challenge's figure name.
        const QString figure = writeFile(dir, "figure.scalelab", R"({"format":"scalelab","version":1,
            "blocks":[{"id":"c","kind":"client"}],"links":[],
            "challenge":{"title":"t","goals":[{"metric":"\u001b]0;pwned\u0007\nx","max":1}]}})");
        for (const QString& path : {regions, figure}) {
            const Result r = runScalelab({"run", path});
            QCOMPARE(r.exitCode, 1);
            const QByteArray err = r.err.trimmed();
            QVERIFY2(!err.contains('\x1b') && !err.contains('\x07'), err.constData());
            QVERIFY2(!err.contains('\n'), qPrintable("more than one line: " + err));
            QVERIFY2(err.contains("\\u001b"), err.constData());
        }
    }

    void mistyped_command_is_an_unknown_command()
    {
        const Result r = runScalelab({"rnu", examplePath("mm1.scalelab")});
        QCOMPARE(r.exitCode, 2); // it was taken as a file to open, and aborted without a display (134)
        QVERIFY2(r.err.contains("unknown command \"rnu\" (did you mean \"run\"?)"), r.err.constData());
    }

    void capacity_with_a_negative_rate_is_a_usage_error()
    {
        const Result r = runScalelab({"capacity", "--peak-rps", "-5", "--latency-ms", "200", "--concurrency", "10"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("peak"), r.err.constData());
    }

    void params_json_is_the_registry()
    {
        const Result r = runScalelab({"params", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = jsonOf(r);
        const QJsonArray blocks = json["blocks"].toArray();
        const auto& registry = scalelab::model::Registry::instance();
        QCOMPARE(blocks.size(), qsizetype(registry.blocks().size()));
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const auto& spec = registry.blocks()[size_t(i)];
            const QJsonObject block = blocks[i].toObject();
            QCOMPARE(block["kind"].toString(), QString::fromStdString(spec.kind));
            const QJsonArray params = block["params"].toArray();
            QCOMPARE(params.size(), qsizetype(spec.params.size()));
            for (qsizetype p = 0; p < params.size(); ++p) {
                const auto& param = spec.params[size_t(p)];
                const QJsonObject entry = params[p].toObject();
                QCOMPARE(entry["key"].toString(), QString::fromStdString(param.key));
                if (param.isText()) {
                    QCOMPARE(entry["default"].toString(), QString::fromStdString(param.defaultText));
                    QVERIFY2(!entry["format"].toString().isEmpty(), qPrintable(entry["key"].toString()));
                } else if (!param.isIntegral() || param.type == scalelab::model::ParamType::Int) {
                    QCOMPARE(entry["min"].toDouble(), param.min);
                    QCOMPARE(entry["max"].toDouble(), param.max);
                }
            }
        }
        QCOMPARE(json["link_params"].toArray().size(), qsizetype(registry.linkParams().size()));
    }

    void text_parameters_show_their_format_not_a_range()
    {
        const Result r = runScalelab({"params"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains("0 to 0"), "a text parameter's range reads \"0 to 0\"");
        QVERIFY2(r.out.contains("| `ramp_stages` | `30s:1000, 60s:1000, 30s:100` |  | text: DURATION:RPS, ... |"),
                 "ramp_stages shows its default text and its format");
    }

    void breaker_state_is_a_name_in_json()
    {
        const Result r = runScalelab(
            {"run", examplePath("circuit-breaker-cascade.scalelab"), "--duration", "20s", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonValue state = jsonOf(r)["blocks"].toObject()["breaker"].toObject()["state"];
        QVERIFY2(state.isString(), "the breaker state is not a name");
        QVERIFY2(QStringList({"closed", "open", "half_open"}).contains(state.toString()), qPrintable(state.toString()));
    }

    void install_script_says_what_and_why_before_sudo()
    {
        // Stand-ins on PATH: dpkg-query finds nothing installed; sudo and
        // apt-get only say that they ran. What the script printed before
        // the first of them ran is what a user reads before a password prompt.
        QTemporaryDir bin;
        const auto tool = [&](const QString& name, const QByteArray& body) {
            const QString path = writeFile(bin, name, "#!/bin/sh\n" + body + "\n");
            QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner);
        };
        tool("dpkg-query", "exit 1");
        tool("sudo", "echo RAN-sudo \"$@\"");
        tool("apt-get", "echo RAN-apt-get \"$@\"");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("PATH", bin.path() + ":" + environment.value("PATH"));
        process.setProcessEnvironment(environment);
        process.start("bash", {QStringLiteral(SCALELAB_SOURCE_DIR "/scripts/install-deps.sh")});
        QVERIFY(process.waitForFinished(60'000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const qsizetype firstRun = out.indexOf("RAN-");
        QVERIFY2(firstRun > 0, qPrintable(out));
        const QString before = out.left(firstRun);
        QVERIFY2(before.contains("qt6-base-dev") && before.contains("Qt 6 Widgets"), qPrintable(before));
        QVERIFY2(before.contains("apt-get install"), qPrintable(before));
    }
};

QTEST_GUILESS_MAIN(CliLimitsTest)
#include "CliLimitsTest.moc"
