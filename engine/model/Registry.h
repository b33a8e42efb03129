#pragma once
// The single source of truth for block kinds and their parameters.
// Adding a block kind = one entry in Registry.cpp + one behaviour class in
// engine/blocks + tests. Nothing else in the product lists parameters.
#include "BlockSpec.h"

#include <string>
#include <vector>

namespace scalelab::model {

class Registry {
public:
    static const Registry& instance();

    const std::vector<BlockSpec>& blocks() const { return m_blocks; }
    const BlockSpec* find(const std::string& kind) const;
    // Parameters every link carries, whatever its ends.
    const std::vector<ParamSpec>& linkParams() const { return m_linkParams; }
    const ParamSpec* linkParam(const std::string& key) const;
    // Palette categories in display order.
    std::vector<std::string> categories() const;
    // Empty when a link from `fromKind` to `toKind` is allowed; otherwise the
    // reason, in words a user understands.
    std::string linkRefusal(const std::string& fromKind, const std::string& toKind) const;

private:
    Registry();
    std::vector<BlockSpec> m_blocks;
    std::vector<ParamSpec> m_linkParams;
};

// The closest of `candidates` to `word` by edit distance, for "did you mean"
// hints; empty when nothing is close enough to be a plausible typo.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

} // namespace scalelab::model
