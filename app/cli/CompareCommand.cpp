#include "CompareCommand.h"

#include "CliArgs.h"
#include "CliOutput.h"
#include "CompareOutput.h"
#include "DesignCheck.h"
#include "analysis/TradeoffCheck.h"
#include "io/ScenarioFile.h"
#include "io/TradeoffReader.h"

#include <QCommandLineParser>

#include <cstdio>

namespace scalelab::cli {

namespace {

bool isCard(const QString& path)
{
    return path.endsWith(".tradeoff");
}

struct CompareInputs {
    std::string pathA, pathB;
    model::Architecture a, b;
    std::optional<model::TradeoffCard> card;
    analysis::ComparePlan plan;
};

// The card's settings, or the defaults, overridden by what the command line gives.
std::optional<int> readPlan(const QCommandLineParser& parser, analysis::ComparePlan& plan)
{
    std::string error;
    if (parser.isSet("duration")) {
        const auto duration = parseDuration(parser.value("duration").toStdString(), error);
        if (!duration || *duration <= 0)
            return usageError("--duration: " + (error.empty() ? std::string("must be longer than 0") : error));
        plan.duration = *duration;
    }
    if (parser.isSet("warmup")) {
        const auto warmup = parseDuration(parser.value("warmup").toStdString(), error);
        if (!warmup)
            return usageError("--warmup: " + error);
        plan.warmup = *warmup;
    }
    bool ok = true;
    if (parser.isSet("replications")) {
        plan.replications = parser.value("replications").toInt(&ok);
        if (!ok || plan.replications < 2 || plan.replications > 10000)
            return usageError("--replications must be a whole number from 2 to 10000 (a paired interval needs two "
                              "pairs), got \"" + parser.value("replications").toStdString() + "\"");
    }
    plan.firstSeed = parser.value("seed").toULongLong(&ok);
    if (!ok)
        return usageError("--seed must be a whole number >= 0, got \"" + parser.value("seed").toStdString() + "\"");
    return std::nullopt;
}

std::optional<int> readInputs(const QCommandLineParser& parser, CompareInputs& inputs)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() == 1 && isCard(files.front())) {
        io::TradeoffPair pair = io::readTradeoffPair(files.front().toStdString());
        inputs.pathA = pair.card.a.design;
        inputs.pathB = pair.card.b.design;
        inputs.a = std::move(pair.a);
        inputs.b = std::move(pair.b);
        inputs.plan = analysis::cardPlan(pair.card);
        inputs.card = std::move(pair.card);
    } else if (files.size() == 2) {
        inputs.pathA = files.at(0).toStdString();
        inputs.pathB = files.at(1).toStdString();
        inputs.a = io::readScenario(inputs.pathA);
        inputs.b = io::readScenario(inputs.pathB);
        inputs.plan.warmup = sim::fromSeconds(10);
        inputs.plan.duration = sim::fromSeconds(60);
    } else {
        return usageError("compare needs two designs (scalelab compare A.scalelab B.scalelab) or one trade-off card "
                          "(scalelab compare CARD.tradeoff)");
    }
    if (auto refused = refuseInvalidDesign(inputs.a, inputs.pathA))
        return refused;
    if (auto refused = refuseInvalidDesign(inputs.b, inputs.pathB))
        return refused;
    return readPlan(parser, inputs.plan);
}

} // namespace

int compareCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Runs two designs on the same seeds (common random numbers: the clients they share draw the same "
        "arrivals) and prints each figure of A and B and the paired difference B - A, each with its 95% "
        "interval. Given a trade-off card, runs its pair by the card's settings and checks its claims (exit 1 "
        "when one does not hold).");
    parser.addPositionalArgument("files", "A.scalelab B.scalelab, or CARD.tradeoff.");
    parser.addOption({"replications", "Paired replications (default 5, or the card's).", "n"});
    parser.addOption({"duration", "Measured simulated time of each run (default 60s, or the card's).", "time"});
    parser.addOption({"warmup", "Simulated time before measuring (default 10s, or the card's).", "time"});
    parser.addOption({"seed", "First seed (default 1): replication i runs seed S+i in both designs.", "n", "1"});
    parser.addOption({"json", "Print JSON instead of a table."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    CompareInputs inputs;
    if (auto status = readInputs(parser, inputs))
        return *status;

    CompareReport report{baseName(inputs.pathA), baseName(inputs.pathB), inputs.plan, inputs.card, {}};
    if (inputs.card) {
        report.result = analysis::checkTradeoff(*inputs.card, inputs.a, inputs.b, inputs.plan);
    } else {
        report.result.comparison = analysis::compareDesigns(inputs.a, inputs.b, inputs.plan);
    }
    if (parser.isSet("json"))
        std::printf("%s\n", compareToJson(report).dump(2).c_str());
    else
        printCompareTable(report);
    return report.result.allHold() ? kExitOk : kExitFailure;
}

} // namespace scalelab::cli
