#pragma once
// Every choice parameter of the registry as a C++ enum, with its names in
// the file format (see ChoiceNames.h), and the named states of gauges. Enumerators are in the order of the
// names, which is the order the parameter stores.
#include "ChoiceNames.h"

namespace scalelab::model {

#define SCALELAB_CHOICE_NAMES(Enum, ...)                                                                               \
    template <>                                                                                                        \
    struct ChoiceNames<Enum> {                                                                                         \
        static constexpr std::array names = std::to_array<std::string_view>({__VA_ARGS__});                            \
    }

// Client
enum class RetryJitter { None, Full, Equal };
SCALELAB_CHOICE_NAMES(RetryJitter, "none", "full", "equal");
enum class ArrivalModel { Open, Closed };
SCALELAB_CHOICE_NAMES(ArrivalModel, "open", "closed");
enum class TrafficShape { Constant, Ramp, Spike, Diurnal };
SCALELAB_CHOICE_NAMES(TrafficShape, "constant", "ramp", "spike", "diurnal");

// A design's "scale": {"sampling": ...} (run/ShardSampling.h)
enum class ShardSampling { Auto, Off, On };
SCALELAB_CHOICE_NAMES(ShardSampling, "auto", "off", "on");

// Load balancer
enum class BalancerAlgorithm { RoundRobin, WeightedRoundRobin, LeastConnections, Random, IpHash, PowerOfTwo };
SCALELAB_CHOICE_NAMES(BalancerAlgorithm, "round_robin", "weighted_round_robin", "least_connections", "random",
                      "ip_hash", "power_of_two");

// Service: where users' login sessions live
enum class SessionState { None, InInstance, SharedStore };
SCALELAB_CHOICE_NAMES(SessionState, "none", "in_instance", "shared_store");

// Database with replicas
enum class Replication { Async, SemiSync, Sync };
SCALELAB_CHOICE_NAMES(Replication, "async", "semi_sync", "sync");
enum class ReadRouting { Replicas, Primary, ReadYourWrites };
SCALELAB_CHOICE_NAMES(ReadRouting, "replicas", "primary", "read_your_writes");
enum class ReplicaTopology { PrimaryReplica, MultiPrimary };
SCALELAB_CHOICE_NAMES(ReplicaTopology, "primary_replica", "multi_primary");

// Sharded database
enum class ShardingStrategy { Range, HashModulo, ConsistentHash, Geographic, Directory };
SCALELAB_CHOICE_NAMES(ShardingStrategy, "range", "hash_modulo", "consistent_hash", "geographic", "directory");

// Key-value store: capacity bought ahead per partition, or paid per request
enum class CapacityMode { Provisioned, OnDemand };
SCALELAB_CHOICE_NAMES(CapacityMode, "provisioned", "on_demand");

// Cache and CDN
enum class HitModel { FixedRatio, Capacity };
SCALELAB_CHOICE_NAMES(HitModel, "fixed_ratio", "capacity");
enum class Eviction { Lru, Lfu };
SCALELAB_CHOICE_NAMES(Eviction, "lru", "lfu");
enum class CacheStrategy { CacheAside, ReadThrough, WriteThrough, WriteBehind, RefreshAhead };
SCALELAB_CHOICE_NAMES(CacheStrategy, "cache_aside", "read_through", "write_through", "write_behind", "refresh_ahead");
enum class StampedeProtection { None, Lock, EarlyExpiration };
SCALELAB_CHOICE_NAMES(StampedeProtection, "none", "lock", "early_expiration");

// Circuit breaker and rate limiter
enum class BreakerFallback { Error, FallbackResponse };
SCALELAB_CHOICE_NAMES(BreakerFallback, "error", "fallback_response");
enum class LimiterAlgorithm { TokenBucket, SlidingWindow };
SCALELAB_CHOICE_NAMES(LimiterAlgorithm, "token_bucket", "sliding_window");
enum class LimitScope { Global, PerKey };
SCALELAB_CHOICE_NAMES(LimitScope, "global", "per_key");

// Autoscaler
enum class ScalingMetric { Cpu, RequestsPerInstance, QueueDepth, P95Latency };
SCALELAB_CHOICE_NAMES(ScalingMetric, "cpu", "requests_per_instance", "queue_depth", "p95_latency");
enum class ScalingPolicy { TargetTracking, Step };
SCALELAB_CHOICE_NAMES(ScalingPolicy, "target_tracking", "step");
enum class ScalingForecast { None, Trend };
SCALELAB_CHOICE_NAMES(ScalingForecast, "none", "trend");

// GeoDNS
enum class RegionPolicy { Nearest, ActivePassive };
SCALELAB_CHOICE_NAMES(RegionPolicy, "nearest", "active_passive");

// Timeline fan-out
enum class FanoutMode { Write, Read, Hybrid };
SCALELAB_CHOICE_NAMES(FanoutMode, "write", "read", "hybrid");

// Event store (CQRS read model): reads while a lost projection is rebuilt
enum class ReplayReads { Refuse, ServeStale };
SCALELAB_CHOICE_NAMES(ReplayReads, "refuse", "serve_stale");

// Gauge states (BlockSpec::gauge.states), named the same way.
enum class BreakerState { Closed, HalfOpen, Open };
SCALELAB_CHOICE_NAMES(BreakerState, "closed", "half-open", "open");

#undef SCALELAB_CHOICE_NAMES

} // namespace scalelab::model
