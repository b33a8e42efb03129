#pragma once
// One edit of a design, as plain data: what the editor's document did, sent
// to a running simulator so that it changes its own (and only) copy of the
// design instead of being handed a new one to compare. Applying it checks
// the registry first, so an edit is all or nothing and a refusal says why.
//
// Each kind of edit is one alternative of `Change`, handled where the
// variant is visited: parameter values, and the structural edits (a block or
// a link added or removed). A block's id, kind or region has no live edit:
// changing one restarts a run (see model/DesignDiff.h).
#include "Architecture.h"

#include <string>
#include <variant>

namespace scalelab::model {

struct DesignEdit {
    // No default member initialisers below: with them GCC does not yet see a
    // nested struct as default-constructible where the variant is declared.
    // Value-initialised ({}), a value is 0 all the same.
    struct SetBlockParam {
        std::string blockId;
        std::string key;
        double value;
        bool operator==(const SetBlockParam&) const = default;
    };
    struct SetBlockText {
        std::string blockId;
        std::string key;
        std::string text;
        bool operator==(const SetBlockText&) const = default;
    };
    struct SetLinkParam {
        std::string from;
        std::string to;
        std::string key;
        double value;
        bool operator==(const SetLinkParam&) const = default;
    };
    // `block` inserted at `index` of the design's blocks (at the end if past it);
    // parameters it lacks take their registry defaults.
    struct AddBlock {
        Block block;
        size_t index;
        bool operator==(const AddBlock&) const = default;
    };
    // The block and every link to or from it.
    struct RemoveBlock {
        std::string blockId;
        bool operator==(const RemoveBlock&) const = default;
    };
    // `link` inserted at `index` of the design's links (which orders the
    // caller's calls); parameters it lacks take their registry defaults.
    struct AddLink {
        Link link;
        size_t index;
        bool operator==(const AddLink&) const = default;
    };
    struct RemoveLink {
        std::string from;
        std::string to;
        bool operator==(const RemoveLink&) const = default;
    };
    using Change = std::variant<SetBlockParam, SetBlockText, SetLinkParam, AddBlock, RemoveBlock, AddLink, RemoveLink>;

    Change change;

    // Applies the edit to `design`: "" when done, else why it was refused
    // (unknown block, link or parameter; a value outside the parameter's
    // rule), leaving `design` unchanged.
    std::string applyTo(Architecture& design) const;
    // "svc.instances = 6", "users -> svc.latency_ms = 2", "cache added",
    // "cache -> db link added", "db removed": for the run's event log,
    // messages and test failures.
    std::string describe() const;
    // Adds or removes a block or link (rather than setting a value).
    bool isStructural() const { return change.index() >= std::variant_size_v<Change> - 4; }

    bool operator==(const DesignEdit&) const = default;
};

} // namespace scalelab::model
