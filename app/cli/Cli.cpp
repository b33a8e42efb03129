#include "Cli.h"

#include "AdviseCommand.h"
#include "BenchCommand.h"
#include "CapacityCommand.h"
#include "CliOutput.h"
#include "GradeCommand.h"
#include "ParamsCommand.h"
#include "PlanCommand.h"
#include "ReportCommand.h"
#include "RunCommand.h"
#include "SweepCommand.h"

#include <cstdio>
#include <exception>
#include <functional>
#include <map>

namespace scalelab::cli {

namespace {

using Command = std::function<int(const QStringList&)>;

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table{
        {"run", runCommand}, {"plan", planCommand}, {"capacity", capacityCommand}, {"bench", benchCommand},
        {"params", paramsCommand}, {"sweep", sweepCommand}, {"advise", adviseCommand},
        {"report", reportCommand}, {"grade", gradeCommand}};
    return table;
}

int printHelp()
{
    std::printf("ScaleLab: simulate software architectures at scale.\n\n"
                "usage:\n"
                "  scalelab [FILE]                    open the editor (on FILE)\n"
                "  scalelab run FILE [--duration 60s] [--warmup 5s] [--seed N] [--set ID.PARAM=VALUE]... [--json]\n"
                "  scalelab plan FILE [--target-utilization 0.7] [--json]\n"
                "  scalelab advise FILE [--duration 60s] [--set ID.PARAM=VALUE]... [--json]\n"
                "  scalelab report FILE -o OUT.pdf [--duration 30s] [--seed N]   a PDF report of the design and a run\n"
                "  scalelab grade FILE [--threads N] [--json]   grade a design against its challenge\n"
                "  scalelab capacity --peak-rps N --latency-ms N --concurrency N [--buffer 0.5] [--redundancy 2] "
                "[--json]\n"
                "  scalelab sweep FILE [--from 10] [--to 150] [--steps 15] [--duration 30s] [--json]\n"
                "  scalelab bench [--repeat 3] [--memory] [--json]\n"
                "  scalelab bench --ui [--json]          the live window offscreen at 100,000 rps\n"
                "  scalelab params                    the block and parameter reference (Markdown)\n\n"
                "Each command takes --help. Exit status: 0 success, 1 bad file or design (or, for grade, a goal failed), 2 bad command line.\n");
    return kExitOk;
}

} // namespace

bool cliNeedsWidgets(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    return command == "report" || (command == "bench" && arguments.contains("--ui"));
}

bool isCliInvocation(const QStringList& arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString& first = arguments.at(1);
    return commands().count(first) || first == "help" || first == "--help" || first == "-h";
}

int runCli(const QStringList& arguments)
{
    const QString command = arguments.value(1);
    if (command == "help" || command == "--help" || command == "-h")
        return printHelp();
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
