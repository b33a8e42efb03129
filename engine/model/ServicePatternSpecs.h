#pragma once
// Registry entries of the patterns of large service architectures (the
// seeds' scaling-path stage 4): the event store with its CQRS read model,
// the API gateway, the saga orchestrator.
#include "BlockSpec.h"

#include <vector>

namespace scalelab::model {

std::vector<BlockSpec> servicePatternSpecs();

} // namespace scalelab::model
