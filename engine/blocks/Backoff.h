#pragma once
// Exponential backoff with jitter, as AWS's "Exponential Backoff and
// Jitter" describes it: the wait before retry n is base x 2^(n-1); full
// jitter draws it uniformly from [0, that], equal jitter keeps half and
// draws the other half. Without jitter, callers that failed together
// retry together (a retry storm). Used by clients and by services' calls.
#include "model/Choices.h"
#include "sim/Rng.h"
#include "core/SimTime.h"

namespace scalelab::blocks {

using Jitter = model::RetryJitter;

inline sim::SimTime backoff(sim::SimTime base, int retry, Jitter jitter, sim::Rng& rng)
{
    const sim::SimTime wait = base << (retry - 1);
    switch (jitter) {
    case Jitter::None:
        return wait;
    case Jitter::Full:
        return static_cast<sim::SimTime>(rng.uniform() * static_cast<double>(wait));
    case Jitter::Equal:
        return wait / 2 + static_cast<sim::SimTime>(rng.uniform() * static_cast<double>(wait / 2));
    }
    return wait;
}

} // namespace scalelab::blocks
