#pragma once
// The benchmark network as an engine design, built from the same
// configuration the minimal loop runs, so both sides simulate one network.
#include "MinimalLoop.h"
#include "model/Architecture.h"

namespace scalelab::bench {

model::Architecture benchDesign(const MinimalLoopConfig& config);
// The same network with the defaults a user gets from the palette (client
// and service timeouts, the balancer's overhead, link latencies): what a
// drawn design of this size costs, beside the stripped one the loop matches.
model::Architecture benchDesignWithDefaults(const MinimalLoopConfig& config);

} // namespace scalelab::bench
