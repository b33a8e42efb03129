#include "BlockFactory.h"

#include "ApiGatewayBlock.h"
#include "AutoscalerBlock.h"
#include "CacheBlock.h"
#include "CircuitBreakerBlock.h"
#include "ConnectionServerBlock.h"
#include "ClientBlock.h"
#include "EventStoreBlock.h"
#include "FanoutBlock.h"
#include "GeoDnsBlock.h"
#include "LoadBalancerBlock.h"
#include "PartitionedStoreBlock.h"
#include "PoolBlock.h"
#include "QueueBlock.h"
#include "RateLimiterBlock.h"
#include "ReplicatedDatabaseBlock.h"
#include "SearchIndexBlock.h"
#include "SagaBlock.h"
#include "ServerlessBlock.h"
#include "ShardedDatabaseBlock.h"
#include "StreamBlock.h"
#include "TopicBlock.h"
#include "model/Registry.h"

#include <stdexcept>

namespace scalelab::blocks {

namespace {

template <class Runtime>
std::unique_ptr<sim::BlockRuntime> make(const model::Block& block, uint32_t index, uint64_t runSeed,
                                        size_t windowCapacity)
{
    return std::make_unique<Runtime>(block, index, runSeed, windowCapacity);
}

} // namespace

std::unique_ptr<sim::BlockRuntime> makeBlockRuntime(const model::Block& block, uint32_t index, uint64_t runSeed,
                                                    size_t windowCapacity)
{
    const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
    if (!spec)
        throw std::invalid_argument("no simulation behaviour for block kind \"" + block.kind + "\"");
    using B = model::Behaviour;
    switch (spec->behaviour) { // no default: the compiler names a behaviour without a class
    case B::Client: return make<ClientBlock>(block, index, runSeed, windowCapacity);
    case B::LoadBalancer: return make<LoadBalancerBlock>(block, index, runSeed, windowCapacity);
    case B::Pool: return make<PoolBlock>(block, index, runSeed, windowCapacity);
    case B::ReplicatedDatabase: return make<ReplicatedDatabaseBlock>(block, index, runSeed, windowCapacity);
    case B::ShardedDatabase: return make<ShardedDatabaseBlock>(block, index, runSeed, windowCapacity);
    case B::Cache: return make<CacheBlock>(block, index, runSeed, windowCapacity);
    case B::Queue: return make<QueueBlock>(block, index, runSeed, windowCapacity);
    case B::Topic: return make<TopicBlock>(block, index, runSeed, windowCapacity);
    case B::CircuitBreaker: return make<CircuitBreakerBlock>(block, index, runSeed, windowCapacity);
    case B::RateLimiter: return make<RateLimiterBlock>(block, index, runSeed, windowCapacity);
    case B::Autoscaler: return make<AutoscalerBlock>(block, index, runSeed, windowCapacity);
    case B::Serverless: return make<ServerlessBlock>(block, index, runSeed, windowCapacity);
    case B::GeoDns: return make<GeoDnsBlock>(block, index, runSeed, windowCapacity);
    case B::Fanout: return make<FanoutBlock>(block, index, runSeed, windowCapacity);
    case B::PartitionedStore: return make<PartitionedStoreBlock>(block, index, runSeed, windowCapacity);
    case B::SearchIndex: return make<SearchIndexBlock>(block, index, runSeed, windowCapacity);
    case B::Stream: return make<StreamBlock>(block, index, runSeed, windowCapacity);
    case B::ConnectionServer: return make<ConnectionServerBlock>(block, index, runSeed, windowCapacity);
    case B::EventStore: return make<EventStoreBlock>(block, index, runSeed, windowCapacity);
    case B::ApiGateway: return make<ApiGatewayBlock>(block, index, runSeed, windowCapacity);
    case B::Saga: return make<SagaBlock>(block, index, runSeed, windowCapacity);
    }
    throw std::invalid_argument("no simulation behaviour for block kind \"" + block.kind + "\"");
}

} // namespace scalelab::blocks
