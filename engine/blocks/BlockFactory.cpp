#include "BlockFactory.h"

#include "AutoscalerBlock.h"
#include "CacheBlock.h"
#include "CircuitBreakerBlock.h"
#include "ClientBlock.h"
#include "FanoutBlock.h"
#include "GeoDnsBlock.h"
#include "LoadBalancerBlock.h"
#include "PoolBlock.h"
#include "QueueBlock.h"
#include "RateLimiterBlock.h"
#include "ReplicatedDatabaseBlock.h"
#include "ServerlessBlock.h"
#include "ShardedDatabaseBlock.h"
#include "TopicBlock.h"

#include <stdexcept>

namespace scalelab::blocks {

std::unique_ptr<sim::BlockRuntime> makeBlockRuntime(const model::Block& block, uint32_t index, uint64_t runSeed,
                                               size_t windowCapacity)
{
    if (block.kind == "client")
        return std::make_unique<ClientBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "load_balancer")
        return std::make_unique<LoadBalancerBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "service" || block.kind == "database")
        return std::make_unique<PoolBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "replicated_database")
        return std::make_unique<ReplicatedDatabaseBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "sharded_database")
        return std::make_unique<ShardedDatabaseBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "cache" || block.kind == "cdn")
        return std::make_unique<CacheBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "queue")
        return std::make_unique<QueueBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "topic")
        return std::make_unique<TopicBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "circuit_breaker")
        return std::make_unique<CircuitBreakerBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "rate_limiter")
        return std::make_unique<RateLimiterBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "geo_dns")
        return std::make_unique<GeoDnsBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "serverless")
        return std::make_unique<ServerlessBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "fanout")
        return std::make_unique<FanoutBlock>(block, index, runSeed, windowCapacity);
    if (block.kind == "autoscaler")
        return std::make_unique<AutoscalerBlock>(block, index, runSeed, windowCapacity);
    throw std::invalid_argument("no simulation behaviour for block kind \"" + block.kind + "\"");
}

} // namespace scalelab::blocks
