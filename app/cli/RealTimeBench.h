#pragma once
// `scalelab bench --realtime`: how much faster than real time each bundled
// example runs headless (simulated seconds / wall seconds, one core), and
// a generated 1M rps design with skewed keys over 256 shards, which cells
// cannot split: run with shard sampling (run/ShardSampling.h), as the app
// runs it, and whole for a few simulated seconds to show what sampling buys.
namespace scalelab::cli {

int realTimeBench(double exampleSeconds, double rateRps, bool json);

} // namespace scalelab::cli
