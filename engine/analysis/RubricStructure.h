#pragma once
// The rubric's structural readings of a design (no simulation): the
// synchronous critical path and the trade-offs dimension (read/write
// separation, protection where calls can cascade, asynchronous writes).
// Everything is read from BlockSpec tiers and behaviours, never kind names.
#include "Rubric.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

// The longest chain of synchronous calls from a client: the blocks on it,
// client excluded. A queue, stream or topic ends the synchronous path (it
// counts as the hop that accepts the work); guards (breakers, rate
// limiters) wrap a call rather than add one and are not counted.
std::vector<std::string> criticalPath(const model::Architecture& design);

// The trade-offs dimension, scored from the design's structure.
RubricScore tradeOffsScore(const model::Architecture& design);

// "Product API" (the block's name) or its id when it has none.
std::string blockLabel(const model::Architecture& design, const std::string& id);

} // namespace scalelab::analysis
