#pragma once
// The design a user builds: blocks, links and file metadata. Plain data that
// the canvas edits, the io layer reads and writes, and the simulator compiles.
#include "Fault.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

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

struct Link {
    std::string from;
    std::string to;
    ParamValues params; // every registry link parameter has a value

    double param(const std::string& key) const;
    bool operator==(const Link&) const = default;
};

struct Architecture {
    std::string name;
    std::string description;
    std::vector<Block> blocks;
    std::vector<Link> links;
    std::vector<Fault> faults; // scheduled failures, in the order of the file
    std::string uiJson = "{}"; // the file's "ui" object, kept verbatim for the editor
    // The cell reduction ("scale": {"cells": K}): simulate one of K
    // identical cells and scale counts back (sim/CellReduction.h). 1 = off.
    int cells = 1;

    const Block* findBlock(const std::string& id) const;
    Block* findBlock(const std::string& id);
    std::optional<size_t> blockIndex(const std::string& id) const;
    // Links leaving `id`, in file order (the order calls are made).
    std::vector<const Link*> linksFrom(const std::string& id) const;
    // Position of the link from -> to among the links leaving `from` (the
    // index of its compiled runtime link); nullopt if there is none.
    std::optional<size_t> linkOrdinal(const std::string& from, const std::string& to) const;
    // An id of the form "<base>", "<base>2", "<base>3"... not yet used.
    std::string uniqueId(const std::string& base) const;

    bool operator==(const Architecture&) const = default;
};

// A block of `kind` with every parameter at its registry default.
Block makeBlock(const std::string& kind, const std::string& id, const std::string& name = {});
// A link with every parameter at its registry default.
Link makeLink(const std::string& from, const std::string& to);

} // namespace scalelab::model
