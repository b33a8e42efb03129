#pragma once
// Registry entries of the traffic and resilience blocks: message queue,
// pub/sub topic, circuit breaker, rate limiter, autoscaler.
#include "BlockSpec.h"

#include <vector>

namespace scalelab::model {

std::vector<BlockSpec> resilienceSpecs();

} // namespace scalelab::model
