#include "AdviseCommand.h"

#include "CliOutput.h"
#include "SimulationOptions.h"
#include "analysis/Advisor.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace scalelab::cli {

int adviseCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Simulate a design, name the block that limits it and why, suggest the "
                                     "pattern that fixes it, and flag anti-patterns.");
    addSimulationOptions(parser, "60s");
    parser.addOption({"json", "Print the findings as JSON."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    SimulationOptions options;
    if (auto status = readSimulationOptions(parser, "advise", options))
        return *status;
    const std::vector<analysis::Finding> findings = analysis::advise(options.design, simulateMeasured(options));

    if (parser.isSet("json")) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& finding : findings)
            list.push_back({{"kind", analysis::findingKindName(finding.kind)},
                            {"code", finding.code},
                            {"block", finding.blockId},
                            {"problem", finding.problem},
                            {"pattern", finding.pattern},
                            {"suggestion", finding.suggestion}});
        std::printf("%s\n", nlohmann::ordered_json{{"findings", list}}.dump(2).c_str());
        return kExitOk;
    }
    if (findings.empty()) {
        std::printf("%s: nothing stands out; every pool has headroom.\n", baseName(options.path).c_str());
        return kExitOk;
    }
    for (const auto& finding : findings)
        std::printf("%-13s %s\n%13s -> %s: %s\n\n", analysis::findingKindName(finding.kind), finding.problem.c_str(), "",
                    finding.pattern.c_str(), finding.suggestion.c_str());
    return kExitOk;
}

} // namespace scalelab::cli
