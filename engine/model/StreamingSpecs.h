#pragma once
// Registry entries of the kinds that hold long-lived state for many
// readers or users: the partitioned log (stream) and the connection
// server. Registry's constructor takes them in after the resilience kinds.
#include "BlockSpec.h"

#include <vector>

namespace scalelab::model {

std::vector<BlockSpec> streamingSpecs();

} // namespace scalelab::model
