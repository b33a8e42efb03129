#pragma once
// Everything the product knows about one block kind, as data: identity,
// palette text, which links it accepts, and its parameters.
#include "ParamSpec.h"

#include <string>
#include <vector>

namespace scalelab::model {

struct BlockSpec {
    std::string kind;        // file-format id, e.g. "load_balancer"
    std::string displayName; // "Load balancer"
    std::string category;    // palette group: Traffic, Routing, Compute, Data
    std::string icon;        // icon resource name (without extension)
    std::string summary;     // one line for the palette tooltip
    std::string pattern;     // the seed pattern this block teaches
    bool acceptsInput = true;                // may be the target of a link
    std::vector<std::string> allowedTargets; // kinds it may link to; empty = no outgoing links
    bool needsTarget = false;                // a block of this kind without outgoing link is an error
    std::vector<ParamSpec> params;
    std::string gaugeLabel;    // what the block's per-window gauge shows (breaker state...); empty = none
    bool controlLinks = false; // its links steer their target (autoscaler) instead of carrying calls

    const ParamSpec* param(const std::string& key) const;
    bool mayLinkTo(const std::string& targetKind) const;
};

} // namespace scalelab::model
