#include "CliArgs.h"

#include "model/Registry.h"

#include <charconv>
#include <cmath>

namespace scalelab::cli {

std::optional<sim::SimTime> parseDuration(const std::string& text, std::string& error)
{
    struct Unit {
        const char* suffix;
        double seconds;
    };
    // Longest suffixes first so that "ms" is not read as "s".
    static constexpr Unit units[] = {{"ms", 1e-3}, {"s", 1}, {"m", 60}, {"h", 3600}, {"", 1}};
    for (const Unit& unit : units) {
        const std::string suffix = unit.suffix;
        if (text.size() <= suffix.size() || text.compare(text.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string number = text.substr(0, text.size() - suffix.size());
        double value = 0;
        auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
        if (ec != std::errc() || ptr != number.data() + number.size())
            continue;
        const double seconds = value * unit.seconds;
        if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e7) {
            error = "duration \"" + text + "\" must be between 0 and 10,000,000 seconds";
            return std::nullopt;
        }
        return sim::fromSeconds(seconds);
    }
    error = "cannot read \"" + text + "\" as a duration (examples: 60s, 500ms, 5m, 1h)";
    return std::nullopt;
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
    std::string rule;
    const auto parsed = param->parseValue(value, rule);
    if (!parsed)
        return "--set " + assignment + ": " + id + "." + key + " " + rule;
    block->params[key] = *parsed;
    return {};
}

} // namespace scalelab::cli
