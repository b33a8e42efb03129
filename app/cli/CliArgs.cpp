#include "CliArgs.h"

#include "model/DurationText.h"
#include "model/ParamTarget.h"

namespace scalelab::cli {

std::optional<sim::SimTime> parseDuration(const std::string& text, std::string& error)
{
    const auto seconds = model::parseDurationSeconds(text, error);
    if (!seconds)
        return std::nullopt;
    return sim::fromSeconds(*seconds);
}

std::string applyOverride(model::Architecture& architecture, const std::string& assignment)
{
    const auto equals = assignment.find('=');
    if (equals == std::string::npos)
        return "--set " + assignment + ": expected ID.PARAM=VALUE";
    const model::ParamTarget target =
        model::findParamTarget(architecture, assignment.substr(0, equals), model::TextParams::Allowed);
    if (!target)
        return "--set " + assignment + ": " + target.error;
    const std::string& id = target.blockId;
    const std::string& key = target.key;
    const std::string value = assignment.substr(equals + 1);
    model::Block* block = architecture.findBlock(id);
    const model::ParamSpec* param = target.param;
    if (param->isText()) {
        if (std::string rule = param->checkText(value); !rule.empty())
            return "--set " + assignment + ": " + id + "." + key + " " + rule;
        block->texts[key] = value;
        return {};
    }
    std::string rule;
    const auto parsed = param->parseValue(value, rule);
    if (!parsed)
        return "--set " + assignment + ": " + id + "." + key + " " + rule;
    block->params[key] = *parsed;
    return {};
}

} // namespace scalelab::cli
