#include "ParamsCommand.h"

#include "CliOutput.h"
#include "model/Registry.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace scalelab::cli {

namespace {

using nlohmann::ordered_json;

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
    if (spec.isText()) // a text has a grammar, not a numeric range
        return "text: " + spec.textFormat;
    return spec.formatValue(spec.min) + " to " + spec.formatValue(spec.max);
}

std::string defaultText(const model::ParamSpec& spec)
{
    if (!spec.isText())
        return spec.formatValue(spec.defaultValue);
    return spec.defaultText.empty() ? "(empty)" : "`" + spec.defaultText + "`";
}

void printParams(const std::vector<model::ParamSpec>& params)
{
    std::printf("| key | default | unit | range | meaning |\n|---|---|---|---|---|\n");
    for (const auto& spec : params)
        std::printf("| `%s` | %s | %s | %s | %s |\n", spec.key.c_str(), defaultText(spec).c_str(), spec.unit.c_str(),
                    range(spec).c_str(), spec.help.c_str());
}

void printMarkdown()
{
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
}

// A parameter as a file holds its default: a choice's name, a boolean, a
// number or a text; and the values it may take in the same terms.
ordered_json paramJson(const model::ParamSpec& spec)
{
    ordered_json json;
    json["key"] = spec.key;
    json["label"] = spec.label;
    json["type"] = model::paramTypeName(spec.type);
    json["unit"] = spec.unit;
    switch (spec.type) {
    case model::ParamType::Enum:
        json["default"] = spec.formatValue(spec.defaultValue);
        json["choices"] = spec.choices;
        break;
    case model::ParamType::Bool:
        json["default"] = spec.defaultValue != 0;
        break;
    case model::ParamType::Text:
        json["default"] = spec.defaultText;
        json["format"] = spec.textFormat;
        break;
    default:
        json["default"] = spec.defaultValue;
        json["min"] = spec.min;
        json["max"] = spec.max;
        json["step"] = spec.step;
        json["whole_number"] = spec.isIntegral();
        break;
    }
    json["per_cell"] = spec.perCell;
    json["help"] = spec.help;
    return json;
}

ordered_json paramsJson(const std::vector<model::ParamSpec>& params)
{
    ordered_json list = ordered_json::array();
    for (const auto& spec : params)
        list.push_back(paramJson(spec));
    return list;
}

void printJson()
{
    const model::Registry& registry = model::Registry::instance();
    ordered_json blocks = ordered_json::array();
    for (const auto& block : registry.blocks()) {
        ordered_json entry;
        entry["kind"] = block.kind;
        entry["name"] = block.displayName;
        entry["category"] = block.category;
        entry["summary"] = block.summary;
        entry["pattern"] = block.pattern;
        entry["calls"] = block.allowedTargets;
        entry["params"] = paramsJson(block.params);
        blocks.push_back(std::move(entry));
    }
    ordered_json json;
    json["blocks"] = std::move(blocks);
    json["link_params"] = paramsJson(registry.linkParams());
    std::printf("%s\n", json.dump(2).c_str());
}

} // namespace

int paramsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Print every block kind and parameter: Markdown tables, or JSON with --json.");
    parser.addOption({"json", "Print the registry as JSON: each kind with its parameters' types, units, defaults, "
                              "ranges or choices, and help."});
    if (auto status = parseOrExplain(parser, arguments))
        return *status;
    if (!parser.positionalArguments().isEmpty())
        return usageError("params takes no FILE (scalelab params [--json])");
    if (parser.isSet("json"))
        printJson();
    else
        printMarkdown();
    return kExitOk;
}

} // namespace scalelab::cli
