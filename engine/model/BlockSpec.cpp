#include "BlockSpec.h"

#include <algorithm>

namespace scalelab::model {

const ParamSpec* BlockSpec::param(const std::string& key) const
{
    for (const auto& spec : params)
        if (spec.key == key)
            return &spec;
    return nullptr;
}

bool BlockSpec::mayLinkTo(const std::string& targetKind) const
{
    return std::find(allowedTargets.begin(), allowedTargets.end(), targetKind) != allowedTargets.end();
}

bool BlockSpec::mayCall(const BlockSpec& target) const
{
    if (!target.acceptsInput || (target.edgeOnly && tier != Tier::Source))
        return false;
    return std::find(calls.begin(), calls.end(), target.tier) != calls.end();
}

} // namespace scalelab::model
