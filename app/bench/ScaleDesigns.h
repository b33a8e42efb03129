#pragma once
// Designs generated at sizes no example reaches, for the memory bench: how
// the engine's memory grows with the design, not with the run.
#include "model/Architecture.h"

namespace scalelab::bench {

// `pairs` independent client -> service pairs (2 x pairs blocks), each
// client at its own rate so no two are alike (the cell reduction cannot
// fold them into one).
model::Architecture manyBlocksDesign(int pairs);
// One client at `rateRps` into one pool of `instances` x `workers`.
model::Architecture hugePoolDesign(int instances, int workers, double rateRps);
// Skewed keys over shards, which cells cannot split: one client at
// `rateRps` (Zipf `keySkew` over 1M keys) -> a load balancer -> a service
// pool sized for the rate -> `shards` hash shards, each with workers enough
// for the hottest one at about 80%. Shard sampling's bench design.
model::Architecture skewedShardDesign(double rateRps, int shards, double keySkew);

} // namespace scalelab::bench
