#include "ParamsCommand.h"

#include "CliOutput.h"
#include "model/Registry.h"

#include <QCommandLineParser>

#include <cstdio>
#include <string>

namespace scalelab::cli {

namespace {

std::string range(const model::ParamSpec& spec)
{
    if (spec.type == model::ParamType::Enum) {
        std::string list;
        for (const auto& choice : spec.choices)
            list += (list.empty() ? "" : ", ") + choice;
        return list;
    }
    if (spec.type == model::ParamType::Bool)
        return "true, false";
    return spec.formatValue(spec.min) + " to " + spec.formatValue(spec.max);
}

void printParams(const std::vector<model::ParamSpec>& params)
{
    std::printf("| key | default | unit | range | meaning |\n|---|---|---|---|---|\n");
    for (const auto& spec : params)
        std::printf("| `%s` | %s | %s | %s | %s |\n", spec.key.c_str(), spec.formatValue(spec.defaultValue).c_str(),
                    spec.unit.c_str(), range(spec).c_str(), spec.help.c_str());
}

} // namespace

int paramsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Print every block kind and parameter as Markdown tables.");
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    const model::Registry& registry = model::Registry::instance();
    for (const auto& block : registry.blocks()) {
        std::printf("#### `%s`: %s\n\n%s", block.kind.c_str(), block.displayName.c_str(), block.summary.c_str());
        if (!block.allowedTargets.empty()) {
            std::string targets;
            for (const auto& target : block.allowedTargets)
                targets += (targets.empty() ? "" : ", ") + target;
            std::printf(" Calls: %s.", targets.c_str());
        }
        std::printf("\n\n");
        printParams(block.params);
        std::printf("\n");
    }
    std::printf("#### Links\n\n");
    printParams(registry.linkParams());
    return kExitOk;
}

} // namespace scalelab::cli
