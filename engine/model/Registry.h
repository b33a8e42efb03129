#pragma once
// The single source of truth for block kinds: their parameters and
// everything else that differs per kind (BlockSpec). Nothing else in the
// product lists kinds or parameters; code asks a kind's spec.
//
// Adding a block kind = a BlockSpec function in Registry.cpp (data tier),
// ResilienceSpecs.cpp (traffic, async, resilience), StreamingSpecs.cpp
// (streams, long-lived connections), DataStoreSpecs.cpp (object storage,
// key-value stores, search) or ServicePatternSpecs.cpp (CQRS, gateways,
// sagas), named in Registry's constructor, an icon in resources/icons/, and tests.
// If it needs behaviour no existing class has, also a behaviour class in
// engine/blocks with a Behaviour value for it: blocks::makeBlockRuntime and
// the planner (analysis/BlockPlanning.cpp) switch over Behaviour, and the
// build refuses a switch that misses one (-Werror=switch).
// RegistryCompletenessTest checks that every kind can be created,
// simulated, planned, faulted and drawn, and that `params` lists it.
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

// The spec of a block of a registered kind: of a validated design, where
// every kind is known (find() is for kinds that may not be).
const BlockSpec& specOf(const Block& block);
// The stored value of choice `name` of kind `kind`'s parameter `key`
// ("hash_modulo" of sharded_database's "strategy"), for designs built in
// code (generated bench designs, tests). All three must exist.
double choiceValue(const std::string& kind, const std::string& key, const std::string& name);
// Its behaviour class (the analysis switches over it as the engine does).
inline Behaviour behaviourOf(const Block& block) { return specOf(block).behaviour; }

// The closest of `candidates` to `word` by edit distance, for "did you mean"
// hints; empty when nothing is close enough to be a plausible typo.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

} // namespace scalelab::model
