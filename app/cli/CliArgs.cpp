#include "CliArgs.h"

#include "model/DurationText.h"
#include "model/Registry.h"


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
    const auto dot = assignment.find('.');
    if (equals == std::string::npos || dot == std::string::npos || dot > equals)
        return "--set " + assignment + ": expected ID.PARAM=VALUE";
    const std::string id = assignment.substr(0, dot);
    const std::string key = assignment.substr(dot + 1, equals - dot - 1);
    const std::string value = assignment.substr(equals + 1);
    model::Block* block = architecture.findBlock(id);
    if (!block) {
        std::vector<std::string> ids;
        for (const auto& b : architecture.blocks)
            ids.push_back(b.id);
        const std::string guess = model::closestMatch(id, ids);
        return "--set " + assignment + ": no block with id \"" + id + "\"" +
               (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)");
    }
    const model::BlockSpec* spec = model::Registry::instance().find(block->kind);
    const model::ParamSpec* param = spec->param(key);
    if (!param) {
        std::vector<std::string> keys;
        for (const auto& p : spec->params)
            keys.push_back(p.key);
        const std::string guess = model::closestMatch(key, keys);
        return "--set " + assignment + ": a " + block->kind + " has no parameter \"" + key + "\"" +
               (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)");
    }
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
