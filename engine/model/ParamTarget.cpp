#include "ParamTarget.h"

#include "MessageText.h"
#include "Registry.h"

#include <vector>

namespace scalelab::model {

ParamTarget findParamTarget(const Architecture& design, const std::string& target, TextParams text)
{
    ParamTarget result;
    const auto dot = target.find('.');
    if (dot == std::string::npos) {
        result.error = "must be written <block id>.<parameter>, got " + inQuotes(target);
        return result;
    }
    result.blockId = target.substr(0, dot);
    result.key = target.substr(dot + 1);
    const Block* block = design.findBlock(result.blockId);
    if (!block) {
        std::vector<std::string> ids;
        for (const auto& b : design.blocks)
            ids.push_back(b.id);
        result.error = "no block with id " + inQuotes(result.blockId) + didYouMean(result.blockId, ids);
        return result;
    }
    const BlockSpec* spec = Registry::instance().find(block->kind);
    const ParamSpec* param = spec ? spec->param(result.key) : nullptr;
    const bool allowed = param && (text == TextParams::Allowed || !param->isText());
    if (!allowed) {
        std::vector<std::string> keys;
        if (spec)
            for (const auto& p : spec->params)
                if (text == TextParams::Allowed || !p.isText())
                    keys.push_back(p.key);
        result.error = "a " + block->kind + " has no parameter " + inQuotes(result.key) + didYouMean(result.key, keys);
        return result;
    }
    result.param = param;
    return result;
}

std::string setParam(Architecture& design, const std::string& target, double value)
{
    const ParamTarget found = findParamTarget(design, target);
    if (!found)
        return found.error;
    design.findBlock(found.blockId)->params[found.key] = value;
    return {};
}

} // namespace scalelab::model
