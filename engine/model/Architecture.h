#pragma once
// The design a user builds: blocks, links and file metadata. Plain data that
// the canvas edits, the io layer reads and writes, and the simulator compiles.
#include "Block.h"
#include "Choices.h"
#include "Challenge.h"
#include "Fault.h"
#include "Interview.h"
#include "Lesson.h"
#include "LibraryInfo.h"
#include "Link.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scalelab::model {

struct Architecture {
    std::string name;
    std::string description;
    std::vector<Block> blocks;
    std::vector<Link> links;
    std::vector<Fault> faults; // scheduled failures, in the order of the file
    std::string uiJson = "{}"; // the file's "ui" object, kept verbatim for the editor
    LibraryInfo library;                // set for the bundled examples
    std::optional<Challenge> challenge; // goals to grade the design against
    std::optional<Lesson> lesson;       // guided steps through the design
    std::optional<Interview> interview; // a design question to practise on
    // The cell reduction ("scale": {"cells": K}): simulate one of K
    // identical cells and scale counts back (sim/CellReduction.h). 1 = off.
    int cells = 1;
    // Shard sampling ("scale": {"sampling": "auto" | "off" | "on"}): a huge
    // design with skewed keys over one sharded tier simulates its hot
    // shards and a sample of the rest (run/ShardSampling.h).
    ShardSampling sampling = ShardSampling::Auto;

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
