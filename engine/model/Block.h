#pragma once
// One block of a design, as the file holds it and the canvas edits it.
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
    bool operator==(const Block&) const = default;
};

} // namespace scalelab::model
