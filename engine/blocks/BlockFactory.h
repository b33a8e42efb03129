#pragma once
#include "sim/BlockRuntime.h"

#include <memory>

namespace scalelab::blocks {

// The behaviour object for a registry kind, by its BlockSpec::behaviour.
// Throws std::invalid_argument for a kind the registry does not know.
std::unique_ptr<sim::BlockRuntime> makeBlockRuntime(const model::Block& block, uint32_t index, uint64_t runSeed,
                                               size_t windowCapacity);

} // namespace scalelab::blocks
