#include "StatedTraffic.h"

#include "ParamTarget.h"

namespace scalelab::model {

std::optional<OverrideError> applyOverrides(Architecture& design, const ParamOverrides& overrides)
{
    for (const auto& [target, value] : overrides)
        if (std::string error = setParam(design, target, value); !error.empty())
            return OverrideError{target, std::move(error)};
    return std::nullopt;
}

std::optional<OverrideError> applyStatedTraffic(Architecture& design)
{
    if (!design.challenge)
        return std::nullopt;
    const ParamOverrides traffic = design.challenge->traffic; // setParam may not touch it, but be safe
    return applyOverrides(design, traffic);
}

bool runsStatedTraffic(const Architecture& design)
{
    if (!design.challenge)
        return true;
    for (const auto& [target, value] : design.challenge->traffic) {
        const ParamTarget found = findParamTarget(design, target);
        const Block* block = found ? design.findBlock(found.blockId) : nullptr;
        if (!block || block->param(found.key) != value)
            return false;
    }
    return true;
}

std::string statedTrafficText(const Architecture& design)
{
    if (!design.challenge)
        return {};
    std::string text;
    for (const auto& [target, value] : design.challenge->traffic) {
        const ParamTarget found = findParamTarget(design, target);
        std::string item;
        if (!found) {
            item = target + " = " + std::to_string(value);
        } else {
            const Block* block = design.findBlock(found.blockId);
            const std::string who = block && !block->name.empty() ? block->name : found.blockId;
            item = found.param->formatValue(value) + (found.param->unit.empty() ? "" : " " + found.param->unit);
            // One stated rate needs no name; several say whose is whose.
            if (design.challenge->traffic.size() > 1 || found.param->type != ParamType::Rate)
                item = who + " " + (found.param->type == ParamType::Rate ? "" : found.param->label + " ") + item;
        }
        text += (text.empty() ? "" : ", ") + item;
    }
    return text;
}

} // namespace scalelab::model
