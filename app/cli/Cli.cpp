#include "Cli.h"

#include "AdviseCommand.h"
#include "BenchCommand.h"
#include "CapacityCommand.h"
#include "CliOutput.h"
#include "CompareCommand.h"
#include "GradeCommand.h"
#include "ParamsCommand.h"
#include "PlanCommand.h"
#include "ReportCommand.h"
#include "RunCommand.h"
#include "SweepCommand.h"
#include "SweepJobs.h"

#include "model/MessageText.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>
#include <exception>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace scalelab::cli {

namespace {

using Command = std::function<int(const QStringList&)>;

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table{
        {"run", runCommand}, {"plan", planCommand}, {"capacity", capacityCommand}, {"bench", benchCommand},
        {"params", paramsCommand}, {"sweep", sweepCommand}, {"advise", adviseCommand},
        {"report", reportCommand}, {"grade", gradeCommand}, {"compare", compareCommand},
        {"run-job", runJobCommand}, {"merge", mergeCommand}};
    return table;
}

int printHelp()
{
    std::printf("ScaleLab: simulate software architectures at scale.\n\n"
                "usage:\n"
                "  scalelab [FILE]                    open the editor (on FILE)\n"
                "  scalelab run FILE [--duration 60s] [--warmup 5s] [--seed N] [--set ID.PARAM=VALUE]... [--json]\n"
                "               [--memory-budget 1024] [--quiet | --progress]\n"
                "  scalelab plan FILE [--target-utilization 0.7] [--json]\n"
                "  scalelab advise FILE [--duration 60s] [--set ID.PARAM=VALUE]... [--json]\n"
                "  scalelab report FILE -o OUT.pdf [--duration 30s] [--seed N]   a PDF report of the design and a run\n"
                "  scalelab grade FILE [--rubric] [--threads N] [--json]   grade a design against its challenge\n"
                "  scalelab compare A B [--replications 5] [--duration 60s] [--seed N] [--json]   two designs on the same\n"
                "               traffic, the paired difference B - A with 95%% intervals\n"
                "  scalelab compare CARD.tradeoff [--json]   a trade-off card's pair, and whether its claims hold\n"
                "  scalelab capacity --peak-rps N --latency-ms N --concurrency N [--buffer 0.5] [--redundancy 2] "
                "[--json]\n"
                "  scalelab sweep FILE [--from 10] [--to 150] [--steps 15] [--duration 30s] [--json]\n"
                "  scalelab sweep FILE ... --plan OUT.jsonl   write one self-contained job per point, then\n"
                "  scalelab run-job LINE | - | --plan OUT.jsonl --index N   run one (GNU parallel, Slurm, Kubernetes)\n"
                "  scalelab merge RESULTS... [--json]   the sweep from the jobs' results\n"
                "  scalelab bench [--repeat 3] [--memory] [--json]\n"
                "  scalelab bench --ui [--json]          the live window offscreen at 100,000 rps\n"
                "  scalelab params [--json]           the block and parameter reference (Markdown, or JSON)\n\n"
                "Each command takes --help. Exit status: 0 success, 1 bad file or design (or, for grade, a goal failed), "
                "2 bad command line, 130 run stopped by Ctrl+C (partial result printed).\n\n"
                "Limits: a run reaches at most 1e9 simulated seconds; durations, fault times and parameters in seconds\n"
                "are at most 1e7 s; a run's growing state (requests in flight, queued messages, events) may take\n"
                "1 GiB (run --memory-budget) before it stops with \"memory budget exceeded\"; a closed model holds at\n"
                "most 1,000,000 virtual users per cell. On a terminal, run shows a progress bar on stderr; Ctrl+C\n"
                "stops it with the result so far. See README, \"Limits\".\n");
    return kExitOk;
}

} // namespace

bool cliNeedsWidgets(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    return command == "report" || (command == "bench" && arguments.contains("--ui"));
}

namespace {

// `scalelab rnu`: a word that names no file is a mistyped command, not a
// design to open (the editor would abort without a display). A design's
// name has an extension or a folder; an existing file of any name opens.
bool looksLikeCommand(const QString& argument)
{
    static const QRegularExpression word("^[A-Za-z][A-Za-z0-9_-]*$");
    return word.match(argument).hasMatch() && !QFileInfo::exists(argument);
}

} // namespace

bool isCliInvocation(const QStringList& arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString& first = arguments.at(1);
    return commands().count(first) || first == "help" || first == "--help" || first == "-h" ||
           looksLikeCommand(first);
}

int runCli(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    if (command == "help" || command == "--help" || command == "-h")
        return printHelp();
    if (!commands().count(command)) {
        std::vector<std::string> names{"help"};
        for (const auto& [name, run] : commands())
            names.push_back(name.toStdString());
        return usageError("unknown command " + model::inQuotes(command.toStdString()) +
                          model::didYouMean(command.toStdString(), names) + "; `scalelab help` lists them");
    }
    // QCommandLineParser wants the program name first: "scalelab run" plays its part.
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.at(0) + " " + command);
    try {
        return commands().at(command)(rest);
    } catch (const std::exception& error) {
        // Load errors already read "file: path: rule"; anything else is one line too.
        return failure(error.what());
    }
}

} // namespace scalelab::cli
