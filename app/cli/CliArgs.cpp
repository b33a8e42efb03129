#include "CliArgs.h"

#include "model/DurationText.h"
#include "model/MessageText.h"
#include "model/ParamTarget.h"
#include "model/Registry.h"

namespace scalelab::cli {

std::optional<sim::SimTime> parseDuration(const std::string& text, std::string& error)
{
    const auto seconds = model::parseDurationSeconds(text, error);
    if (!seconds)
        return std::nullopt;
    return sim::fromSeconds(*seconds);
}

namespace {

// FROM->TO.PARAM=VALUE: a parameter of the link from FROM to TO.
std::string applyLinkOverride(model::Architecture& architecture, const std::string& assignment, size_t equals,
                              size_t arrow)
{
    const std::string target = assignment.substr(0, equals);
    const auto dot = target.find('.', arrow);
    if (dot == std::string::npos)
        return "--set " + assignment + ": expected FROM->TO.PARAM=VALUE";
    const std::string from = target.substr(0, arrow), to = target.substr(arrow + 2, dot - arrow - 2);
    const std::string key = target.substr(dot + 1);
    model::Link* link = nullptr;
    for (model::Link& candidate : architecture.links)
        if (candidate.from == from && candidate.to == to)
            link = &candidate;
    if (!link)
        return "--set " + assignment + ": no link " + from + " -> " + to;
    const model::ParamSpec* param = model::Registry::instance().linkParam(key);
    if (!param) {
        std::vector<std::string> keys;
        for (const auto& spec : model::Registry::instance().linkParams())
            keys.push_back(spec.key);
        return "--set " + assignment + ": a link has no parameter " + model::inQuotes(key) + model::didYouMean(key, keys);
    }
    std::string rule;
    const auto parsed = param->parseValue(assignment.substr(equals + 1), rule);
    if (!parsed)
        return "--set " + assignment + ": " + from + " -> " + to + "." + key + " " + rule;
    link->params[key] = *parsed;
    return {};
}

} // namespace

std::string applyOverride(model::Architecture& architecture, const std::string& assignment)
{
    const auto equals = assignment.find('=');
    if (equals == std::string::npos)
        return "--set " + assignment + ": expected ID.PARAM=VALUE";
    if (const auto arrow = assignment.find("->"); arrow < equals)
        return applyLinkOverride(architecture, assignment, equals, arrow);
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
