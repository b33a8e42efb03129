#pragma once
// One block of a design, as the file holds it and the canvas edits it.
#include "ChoiceNames.h"

#include <map>
#include <string>

namespace scalelab::model {

using ParamValues = std::map<std::string, double>;
using TextValues = std::map<std::string, std::string>;

struct Block {
    std::string id;   // unique within the design; links and `--set` refer to it
    std::string kind; // registry kind
    std::string name; // what the user calls it
    std::string region;
    ParamValues params; // every numeric registry parameter of `kind` has a value
    TextValues texts;   // every text registry parameter of `kind` has a value
    double x = 0, y = 0; // canvas position (metadata, no effect on the simulation)

    double param(const std::string& key) const;
    const std::string& text(const std::string& key) const;
    // A choice parameter as its enum (model/Choices.h); the registry built the
    // parameter's choices from the enum's names, so index and name agree.
    template <ChoiceEnum E>
    E choice(const std::string& key) const
    {
        return static_cast<E>(static_cast<int>(param(key)));
    }
    bool operator==(const Block&) const = default;
};

} // namespace scalelab::model
