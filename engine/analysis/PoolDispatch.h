#pragma once
// Which instance of a pool a request reaches, and so how the requests
// arriving at one instance are spread in time, which decides how long they
// queue (NetworkModel.h): Poisson behind a random or IP-hash balancer,
// every N-th request in round robin (the pool's own turn-taking when it is
// called directly), one pooled queue when the least loaded instance is picked.
#include "model/Architecture.h"

#include <vector>

namespace scalelab::analysis {

struct Dispatch {
    double arrivalCv = 1; // of the inter-arrival times at one instance (1: Poisson)
    bool pooled = false;  // each request goes to the least loaded instance: one queue for all
};

// Instances of a block that has them (pools, databases, shards, fan-out); 1 otherwise.
int instancesOf(const model::Block& block);

// Share of a load balancer's traffic that goes down each of its links (by
// the targets' instances, times the link weights for weighted round robin).
std::vector<double> balancerShares(const model::Architecture& design, const model::Block& balancer);

// How a pool's instances are picked. Power-of-two choices is planned as
// random, an upper bound on its wait.
Dispatch dispatchOf(const model::Architecture& design, const model::Block& pool);

} // namespace scalelab::analysis
