#pragma once
// A call from one block to another, with its parameters (latency, probability...).
#include "Block.h"

#include <string>

namespace scalelab::model {

struct Link {
    std::string from;
    std::string to;
    ParamValues params; // every registry link parameter has a value

    double param(const std::string& key) const;
    bool operator==(const Link&) const = default;
};

} // namespace scalelab::model
