#pragma once
// The benchmark network as an engine design, built from the same
// configuration the minimal loop runs, so both sides simulate one network.
#include "MinimalLoop.h"
#include "model/Architecture.h"

namespace scalelab::bench {

model::Architecture benchDesign(const MinimalLoopConfig& config);

} // namespace scalelab::bench
