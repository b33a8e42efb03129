#pragma once
// `scalelab bench --memory`: peak resident memory, each measurement in a
// child process of its own (a process's peak never falls, so measurements
// in one process would hide each other), against a baseline measured in the
// same run: the binary with the bench design run for one simulated second.
//   - run length: the bench design after 1 simulated minute and after 1 hour
//     (memory must stay flat in run length);
//   - design size: 1,000 generated blocks, and one pool of 100,000 instances
//     x 10 workers (1M workers; 100,000 is the registry's cap on instances).
#include "bench/MinimalLoop.h"

namespace scalelab::cli {

int memoryBench(const bench::MinimalLoopConfig& config, bool json);

} // namespace scalelab::cli
