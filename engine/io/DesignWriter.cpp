#include "DesignWriter.h"

#include "JsonText.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"

#include <cmath>
#include <stdexcept>

namespace scalelab::io {

using model::ParamSpec;
using model::ParamType;
using model::Registry;
using nlohmann::ordered_json;

ordered_json paramJson(const ParamSpec& spec, double value, const std::string& what)
{
    if (spec.type == ParamType::Enum) {
        const std::string name = std::isfinite(value) && value == std::floor(value) ? spec.choiceName(value) : "";
        if (name.empty())
            throw std::runtime_error(what + " has no choice for the value " + formatNumber(value));
        return name;
    }
    if (spec.type == ParamType::Bool)
        return value != 0;
    return numberJson(value, what);
}

ordered_json paramsJson(const std::vector<ParamSpec>& specs, const model::ParamValues& values, const std::string& owner,
                        const model::TextValues& texts)
{
    ordered_json result = ordered_json::object();
    for (const auto& spec : specs) {
        if (spec.isText()) {
            auto text = texts.find(spec.key);
            result[spec.key] = text == texts.end() ? spec.defaultText : text->second;
            continue;
        }
        auto it = values.find(spec.key);
        result[spec.key] = paramJson(spec, it == values.end() ? spec.defaultValue : it->second,
                                     owner + ": parameter " + spec.key);
    }
    return result;
}

ordered_json blockJson(const model::Block& block)
{
    const model::BlockSpec* spec = Registry::instance().find(block.kind);
    const std::string owner = "block \"" + block.id + "\"";
    if (!spec)
        throw std::runtime_error(owner + " has the unknown kind \"" + block.kind + "\"");
    ordered_json result;
    result["id"] = block.id;
    result["kind"] = block.kind;
    result["name"] = block.name;
    if (!block.region.empty())
        result["region"] = block.region;
    result["x"] = numberJson(block.x, owner + ": x");
    result["y"] = numberJson(block.y, owner + ": y");
    result["params"] = paramsJson(spec->params, block.params, owner, block.texts);
    return result;
}

ordered_json linkJson(const model::Link& link)
{
    ordered_json entry;
    entry["from"] = link.from;
    entry["to"] = link.to;
    entry["params"] = paramsJson(Registry::instance().linkParams(), link.params, "link " + link.from + " -> " + link.to);
    return entry;
}

ordered_json faultJson(const model::Fault& fault, bool withTime)
{
    ordered_json entry;
    if (withTime)
        entry["at_s"] = numberJson(fault.atS, "fault at_s");
    entry["action"] = fault.action;
    if (!fault.region.empty())
        entry["region"] = fault.region;
    if (!fault.block.empty())
        entry["block"] = fault.block;
    if (!fault.to.empty())
        entry["to"] = fault.to;
    if (const model::FaultSpec* spec = model::findFaultSpec(fault.action); spec && spec->hasValue)
        entry["value"] = numberJson(fault.value, "fault value");
    if (fault.durationS > 0)
        entry["duration_s"] = numberJson(fault.durationS, "fault duration_s");
    return entry;
}

} // namespace scalelab::io
