#pragma once
// The weight a sampled run gives a request, by its key (run/ShardSampling.h
// draws only keys of simulated shards and gives each the inverse of its
// shard's inclusion probability). Weights are whole numbers in units of
// kUnit, so counters and histograms stay integers: every count a sampled
// run records is kUnit times the estimate it stands for, and the snapshot
// divides it back. A key of a shard that is not simulated weighs 0.
#include <cstdint>

namespace scalelab::sim {

class KeyWeights {
public:
    // 1024: a weight's rounding error is below 0.05% (weights are >= 1).
    static constexpr uint32_t kUnit = 1024;

    virtual ~KeyWeights() = default;
    virtual uint32_t weight(uint32_t key) const = 0;
};

} // namespace scalelab::sim
