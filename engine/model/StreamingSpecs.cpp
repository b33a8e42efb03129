#include "StreamingSpecs.h"

#include "ConsumerGroups.h"
#include "NumberText.h"
#include "SpecBuilders.h"

#include <cmath>

namespace scalelab::model {

namespace {

using namespace specs;

double extraOf(const std::map<std::string, double>& extras, const char* key)
{
    const auto it = extras.find(key);
    return it == extras.end() ? 0.0 : it->second;
}

// The slowest group's lag, and whether it is losing messages to retention.
StateBadge streamBadge(double gauge, const std::map<std::string, double>& extras)
{
    const double expired = extraOf(extras, "expired");
    std::string text = "lag " + compactNumber(std::round(gauge));
    if (expired > 0)
        text += ", " + compactNumber(expired) + " expired";
    return {text, expired > 0, false};
}

StateBadge connectionBadge(double gauge, const std::map<std::string, double>& extras)
{
    const double capacity = extraOf(extras, "connection_capacity");
    return {compactNumber(std::round(gauge)) + " / " + compactNumber(capacity) + " conns",
            capacity > 0 && gauge >= capacity, false};
}

std::string streamCellApproximation(const Block& block, const BlockSpec&, int)
{
    return block.id + ": every cell keeps all partitions and consumers (they are not divided), so each group "
                      "keeps up more easily than in the whole design";
}

// Kafka / Kinesis: an append-only log split into partitions, read by
// consumer groups that each see every message.
BlockSpec streamSpec()
{
    BlockSpec spec;
    spec.kind = "stream";
    spec.displayName = "Event stream";
    spec.category = "Async";
    spec.icon = "stream";
    spec.summary = "A partitioned log (Kafka, Kinesis): every consumer group reads every message, one consumer "
                   "per partition at most; lag is what a group has not read yet.";
    spec.pattern = "Event streaming (partitions, consumer groups, lag)";
    spec.tier = Tier::Stream;
    spec.behaviour = Behaviour::Stream;
    spec.calls = {Tier::Router, Tier::Compute, Tier::Database, Tier::Cache, Tier::Guard, Tier::Topic};
    spec.pricePerHour = 0.015;    // per partition (a Kinesis shard-hour)
    spec.pricePerMillion = 0.014; // Kinesis PUT payload units
    spec.cellApproximation = streamCellApproximation;
    spec.gauge = {"Consumer lag (slowest group)", {}, &streamBadge};
    spec.params = {
        number("partitions", "Partitions", ParamType::Int, "", 6, 1, 10'000, 1,
               "The log is split into this many partitions; a message goes to the partition its key hashes to. "
               "Within a group a partition is read by one consumer at most, so a group's throughput is capped "
               "at partitions x one consumer's rate, and consumers beyond the partition count sit idle."),
        text("groups", "Consumer groups", "realtime:4:5, warehouse:2:50", "NAME:CONSUMERS:MS, ...",
             &consumerGroupsRule,
             "Consumer groups as NAME:CONSUMERS:MS entries: each group reads every message, with that many "
             "consumers each spending MS milliseconds on a message (before the block's downstream calls). A "
             "group with fewer consumers than partitions gives each consumer several partitions."),
        number("append_ms", "Append time", ParamType::Duration, "ms", 2, 0, 60'000, 0.5,
               "Time for the broker to write a message to its partition (replicated) before it acknowledges "
               "the producer."),
        number("retention_s", "Retention", ParamType::Double, "s", 604'800, 1, 10'000'000, 3600,
               "How long a message stays in the log (Kafka's default: 7 days). A group lagging further behind "
               "than this loses the messages that expire before it reads them (counted as expired)."),
        number("service_cv", "Processing variability", ParamType::Double, "", 1, 0, 10, 0.1,
               "Coefficient of variation of a consumer's processing time: 0 = deterministic, 1 = exponential."),
    };
    return spec;
}

// WebSocket, chat and push servers: each user holds one connection for
// minutes, so memory, not CPU, decides how many an instance can take.
BlockSpec connectionServerSpec()
{
    BlockSpec spec;
    spec.kind = "connection_server";
    spec.displayName = "Connection server";
    spec.category = "Compute";
    spec.icon = "connection_server";
    spec.summary = "Long-lived WebSocket / chat / push connections: each instance holds as many as its memory "
                   "allows; a crash drops them and they reconnect onto the rest.";
    spec.pattern = "Long-lived connections (WebSocket, chat, push)";
    spec.tier = Tier::Connections;
    spec.behaviour = Behaviour::ConnectionServer;
    spec.faults = {"crash", "slow"};
    spec.pricePerHour = 0.20;
    spec.gauge = {"Open connections", {}, &connectionBadge};
    spec.params = {
        perCell(number("instances", "Instances", ParamType::Int, "", 4, 1, 100'000, 1,
               "Connection server instances. A new connection goes to the instance holding the fewest.")),
        number("memory_gb", "Memory per instance", ParamType::Double, "GB", 8, 0.001, 10'000, 1,
               "Memory an instance can give to connections."),
        number("memory_per_connection_kb", "Memory per connection", ParamType::Double, "KB", 100, 0.1, 1'000'000,
               10, "Memory one open connection holds (socket buffers, session state). An instance takes at most "
               "memory / this many connections (1 GB = 1,000,000 KB); one more is refused with 503."),
        number("connection_duration_s", "Connection duration", ParamType::Double, "s", 300, 0.001, 604'800, 30,
               "Mean time a user stays connected (exponential). By Little's law the open connections are the "
               "connect rate x this."),
        number("handshake_ms", "Handshake time", ParamType::Duration, "ms", 5, 0, 60'000, 1,
               "Time to accept a connection (TLS, upgrade, authentication): the connect call's response."),
        number("message_rate", "Messages per connection", ParamType::Double, "msg/s", 0.1, 0, 10'000,
               0.05, "Messages each open connection sends per second (Poisson); the instance's workers handle them."),
        number("message_time_ms", "Message time", ParamType::Duration, "ms", 2, 0, kHour, 0.5,
               "Mean work per message on one worker (exponential)."),
        number("workers", "Workers per instance", ParamType::Int, "", 4, 1, 100'000, 1,
               "Messages one instance handles at the same time; the rest wait in its queue."),
        number("reconnect_within_s", "Reconnect within", ParamType::Double, "s", 5, 0, 3600, 1,
               "After their instance crashes, dropped users reconnect at a uniformly random moment within "
               "this time (clients' jittered backoff); 0 = all at once, the harshest reconnect storm."),
    };
    return spec;
}

} // namespace

std::vector<BlockSpec> streamingSpecs()
{
    return {streamSpec(), connectionServerSpec()};
}

} // namespace scalelab::model
