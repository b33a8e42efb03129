#pragma once
// Designs generated at sizes no example reaches: for the memory bench (how
// the engine's memory grows with the design, not with the run) and the
// real-time bench (huge designs that cells cannot split).
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
// Unequal instances, which cells cannot split: one client at `rateRps` ->
// a weighted round-robin balancer -> an old fleet (8 workers, 4 ms) and a
// new one (16 workers, 2 ms, weight 4: four times the capacity), both at
// about 70% busy. The engine runs it whole.
model::Architecture unequalFleetsDesign(double rateRps);
// A hot celebrity: one client at `rateRps` (95% timeline reads) -> a
// timeline fan-out on write where 1 post in 10,000 is a celebrity's, pushed
// to 50M followers (the seed's figures), sized as the twitter-fanout
// examples per 10K rps. The engine runs it whole.
model::Architecture celebrityFanoutDesign(double rateRps);

} // namespace scalelab::bench
