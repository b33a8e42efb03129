#include "PoolDispatch.h"

#include "model/Choices.h"
#include "model/Registry.h"

#include <algorithm>
#include <cmath>

namespace scalelab::analysis {

using model::Behaviour;

int instancesOf(const model::Block& block)
{
    switch (model::behaviourOf(block)) {
    case Behaviour::ReplicatedDatabase:
        return 1 + static_cast<int>(block.param("replicas"));
    case Behaviour::EventStore:
        return 1 + static_cast<int>(block.param("read_instances"));
    case Behaviour::ShardedDatabase:
        return static_cast<int>(block.param("shards"));
    case Behaviour::SearchIndex: // a node per copy of each shard
        return static_cast<int>(block.param("shards")) * (1 + static_cast<int>(block.param("replicas")));
    case Behaviour::Pool:
    case Behaviour::Fanout:
    case Behaviour::ConnectionServer:
    case Behaviour::ApiGateway:
    case Behaviour::Saga:
        return static_cast<int>(block.param("instances"));
    case Behaviour::Client:
    case Behaviour::LoadBalancer:
    case Behaviour::Cache:
    case Behaviour::Queue:
    case Behaviour::Topic:
    case Behaviour::CircuitBreaker:
    case Behaviour::RateLimiter:
    case Behaviour::Autoscaler:
    case Behaviour::Serverless:
    case Behaviour::GeoDns:
    case Behaviour::PartitionedStore:
    case Behaviour::Stream:
        break;
    }
    return 1;
}

std::vector<double> balancerShares(const model::Architecture& design, const model::Block& balancer)
{
    const auto links = design.linksFrom(balancer.id);
    const bool weighted =
        balancer.choice<model::BalancerAlgorithm>("algorithm") == model::BalancerAlgorithm::WeightedRoundRobin;
    std::vector<double> shares;
    double total = 0;
    for (const model::Link* link : links) {
        const double share = instancesOf(*design.findBlock(link->to)) * (weighted ? link->param("weight") : 1.0);
        shares.push_back(share);
        total += share;
    }
    for (double& share : shares)
        share = total > 0 ? share / total : 0;
    return shares;
}

// Who picks a pool's instance: the pool itself takes them in turn when it
// is called directly; a balancer in front picks by its algorithm. Callers
// of both kinds at once mix the two: planned as Poisson.
Dispatch dispatchOf(const model::Architecture& design, const model::Block& pool)
{
    const double instances = std::max(1, instancesOf(pool));
    const model::Block* balancer = nullptr;
    bool direct = false;
    for (const auto& link : design.links) {
        if (link.to != pool.id)
            continue;
        const model::Block* from = design.findBlock(link.from);
        const Behaviour behaviour = model::behaviourOf(*from);
        if (behaviour == Behaviour::Autoscaler) // steers the pool, sends it nothing
            continue;
        if (behaviour != Behaviour::LoadBalancer)
            direct = true;
        else if (balancer && balancer != from)
            return {}; // two balancers' streams merge
        else
            balancer = from;
    }
    if (direct && balancer)
        return {};
    if (!balancer)
        return {std::sqrt(1 / instances), false}; // every N-th request: Erlang-N gaps
    switch (balancer->choice<model::BalancerAlgorithm>("algorithm")) {
    case model::BalancerAlgorithm::RoundRobin:
    case model::BalancerAlgorithm::WeightedRoundRobin: {
        // Round robin over all the balancer's backends: an instance with
        // share s of its traffic gets about every (1/s)-th request.
        const auto links = design.linksFrom(balancer->id);
        const std::vector<double> shares = balancerShares(design, *balancer);
        double share = 0;
        for (size_t l = 0; l < links.size(); ++l)
            if (links[l]->to == pool.id)
                share += shares[l] / instances;
        return {std::sqrt(std::clamp(share, 0.0, 1.0)), false};
    }
    case model::BalancerAlgorithm::LeastConnections:
        return {1, true};
    case model::BalancerAlgorithm::Random:
    case model::BalancerAlgorithm::IpHash:
    case model::BalancerAlgorithm::PowerOfTwo: // planned as random: an upper bound on its wait
        break;
    }
    return {};
}


} // namespace scalelab::analysis
