#pragma once
// One edit of a design, as plain data: what the editor's document did, sent
// to a running simulator so that it changes its own (and only) copy of the
// design instead of being handed a new one to compare. Applying it checks
// the registry first, so an edit is all or nothing and a refusal says why.
//
// Each kind of edit is one alternative of `Change`; structural edits (add or
// remove a block or link, change an id) are meant to join as further
// alternatives, each handled where the variant is visited.
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
    using Change = std::variant<SetBlockParam, SetBlockText, SetLinkParam>;

    Change change;

    // Applies the edit to `design`: "" when done, else why it was refused
    // (unknown block, link or parameter; a value outside the parameter's
    // rule), leaving `design` unchanged.
    std::string applyTo(Architecture& design) const;
    // "svc.instances = 6", "users -> svc.latency_ms = 2": for messages and test failures.
    std::string describe() const;

    bool operator==(const DesignEdit&) const = default;
};

} // namespace scalelab::model
