#include "DataStoreSpecs.h"

#include "Choices.h"
#include "NumberText.h"
#include "SpecBuilders.h"
#include "core/FigureNames.h"

#include <cmath>

namespace scalelab::model {

namespace {

using namespace specs;

double extra(const std::map<std::string, double>& extras, const char* key)
{
    const auto it = extras.find(key);
    return it == extras.end() ? 0.0 : it->second;
}

// A partitioned store's card: the requests it throttled in the last second.
StateBadge throttleBadge(double throttledPerSecond, const std::map<std::string, double>&)
{
    if (throttledPerSecond < 1)
        return {};
    return {"throttling " + compactNumber(std::round(throttledPerSecond)) + "/s", true, false};
}

// A search index's card: the share of searches that missed a write not yet refreshed.
StateBadge staleSearchBadge(double, const std::map<std::string, double>& extras)
{
    const double stale = extra(extras, figures::kStaleSearchRatio);
    if (stale < 0.001)
        return {};
    return {compactNumber(std::round(stale * 1000) / 10) + "% stale searches", false, false};
}

std::string searchCellApproximation(const Block& block, const BlockSpec&, int cellCount)
{
    return block.id + ": each cell's index has every shard and replica but 1/" + std::to_string(cellCount) +
           " of the queries (utilisation understated)";
}

// What object storage and the key-value store share (Behaviour::PartitionedStore):
// keys hashed over partitions, each with its own per-second request limits;
// no queue (the service is wide enough), only the time each request takes.
std::vector<ParamSpec> partitionedStoreParams(const char* partitionsLabel, double partitions, double readLimit,
                                              double writeLimit, double readMs, double writeMs, double cv)
{
    return {
        perCell(number("partitions", partitionsLabel, ParamType::Int, "", partitions, 1, 100'000, 1,
                       "How many partitions the keys are hashed over; each has its own request-rate limits, so "
                       "the total limit is partitions x the per-partition limit, if the keys spread evenly. A hot "
                       "key's partition reaches its limit first.")),
        number("partition_read_rps", "Reads per partition", ParamType::Rate, "rps", readLimit, 1, 10'000'000, 100,
               "Reads one partition serves in a second. Beyond it, the second's further reads are throttled "
               "(error throttled) and the client must back off and retry."),
        number("partition_write_rps", "Writes per partition", ParamType::Rate, "rps", writeLimit, 1, 10'000'000,
               100, "Writes one partition serves in a second; beyond it they are throttled."),
        number("read_time_ms", "Read latency", ParamType::Duration, "ms", readMs, 0, kHour, 1,
               "Mean time to answer a read (to the first byte). Requests do not queue: the service serves "
               "them all at once, up to the limits."),
        number("write_time_ms", "Write latency", ParamType::Duration, "ms", writeMs, 0, kHour, 1,
               "Mean time to acknowledge a write (durably stored on several nodes)."),
        number("service_cv", "Latency variability", ParamType::Double, "", cv, 0, 10, 0.1,
               "Coefficient of variation of the latency: 0 = constant, 1 = exponential, other values = "
               "log-normal with that CV (a long tail)."),
    };
}

std::vector<ParamSpec> storagePriceParams(double storedGb, double perGbMonth, double perMillionReads,
                                          double perMillionWrites)
{
    return {
        number("stored_gb", "Data stored", ParamType::Double, "GB", storedGb, 0, 1e9, 100,
               "How much data the store holds: what the monthly storage price is charged on."),
        number("cost_per_gb_month", "Cost per GB-month", ParamType::Double, "$", perGbMonth, 0, 100, 0.001,
               "Price of keeping one GB for a month (730 hours)."),
        number("cost_per_million", "Cost per million reads", ParamType::Double, "$", perMillionReads, 0, 10'000,
               0.05, "Price of a million reads (GETs); throttled requests are not charged."),
        number("cost_per_million_writes", "Cost per million writes", ParamType::Double, "$", perMillionWrites, 0,
               10'000, 0.05, "Price of a million writes (PUTs)."),
    };
}

BlockSpec objectStorageSpec()
{
    BlockSpec spec;
    spec.kind = "object_storage";
    spec.displayName = "Object storage";
    spec.category = "Data";
    spec.icon = "object_storage";
    spec.summary = "S3-like blob store: tens of ms to the first byte, then transfer time; near-unlimited parallel "
                   "requests up to a rate per prefix; priced per GB-month and per request.";
    spec.pattern = "Object storage for blobs (images, video, backups)";
    spec.tier = Tier::Database;
    spec.behaviour = Behaviour::PartitionedStore;
    spec.faults = {"slow"};
    spec.gauge = {"Throttled requests per second", {}, &throttleBadge};
    // S3: 5,500 GET and 3,500 PUT per second per prefix; ~30 ms to the first
    // byte of a small object; ~90 MB/s per connection; S3 Standard prices.
    spec.params = partitionedStoreParams("Prefixes", 1, 5500, 3500, 30, 50, 1);
    spec.params[0].help = "Key prefixes the objects are spread over (S3 partitions by prefix); each prefix has "
                          "its own request-rate limits. Beyond them S3 answers 503 SlowDown (error throttled).";
    spec.params.insert(spec.params.begin() + 6,
                       {number("object_size_mb", "Object size", ParamType::Double, "MB", 1, 0, 5'000'000, 0.5,
                               "Mean size of an object read or written: its transfer adds size / throughput to the "
                               "first-byte latency."),
                        number("transfer_rate", "Throughput per request", ParamType::Double, "MB/s", 90, 0.1,
                               100'000, 10,
                               "Transfer rate of one request's connection (S3: about 90 MB/s); big objects go "
                               "faster in parallel ranged requests.")});
    for (ParamSpec& param : storagePriceParams(1000, 0.023, 0.40, 5.00))
        spec.params.push_back(std::move(param));
    return spec;
}

BlockSpec kvStoreSpec()
{
    BlockSpec spec;
    spec.kind = "kv_store";
    spec.displayName = "Key-value store";
    spec.category = "Data";
    spec.icon = "kv_store";
    spec.summary = "DynamoDB-like: single-digit-ms reads and writes, keys hashed over partitions with a "
                   "capacity each; a hot key throttles its partition long before the table is full.";
    spec.pattern = "NoSQL key-value store (partitioned, provisioned capacity)";
    spec.tier = Tier::Database;
    spec.behaviour = Behaviour::PartitionedStore;
    spec.faults = {"slow"};
    spec.gauge = {"Throttled requests per second", {}, &throttleBadge};
    // DynamoDB: at most 3,000 read and 1,000 write units per partition per
    // second (one unit: a strongly consistent read of up to 4 KB, a write of
    // up to 1 KB); us-east-1 prices.
    spec.params = partitionedStoreParams("Partitions", 4, 3000, 1000, 4, 6, 0.5);
    spec.params[1].help = "The hard limit of one partition, in read units per second (DynamoDB: 3,000; one "
                          "unit = one strongly consistent read of up to 4 KB). Whatever the capacity bought, a "
                          "partition never serves more: a hot key is limited by it.";
    spec.params[2].help = "The hard limit of one partition in write units per second (DynamoDB: 1,000; one unit "
                          "= a write of up to 1 KB).";
    spec.params[3].help = "Mean time to answer a read (DynamoDB: a few ms). Requests do not queue: the service "
                          "serves them all at once, up to the limits.";
    spec.params.insert(spec.params.begin() + 1,
                       {choice("capacity_mode", "Capacity mode", CapacityMode::Provisioned,
                               "Provisioned: you buy read and write capacity per second for the table, spread "
                               "evenly over its partitions, and pay for it by the hour whether used or not. "
                               "On-demand: no capacity to plan, each partition up to its hard limit, paid per "
                               "request (about 7x the provisioned price at full use)."),
                        perCell(number("read_capacity_rps", "Provisioned reads", ParamType::Rate, "rps", 4000, 1,
                                       100'000'000, 100,
                                       "Provisioned mode: read units per second for the whole table; each "
                                       "partition gets an equal share (at most its hard limit).")),
                        perCell(number("write_capacity_rps", "Provisioned writes", ParamType::Rate, "rps", 1000, 1,
                                       100'000'000, 100,
                                       "Provisioned mode: write units per second for the whole table, shared "
                                       "evenly by the partitions."))});
    for (ParamSpec& param : storagePriceParams(25, 0.25, 0.125, 0.625)) {
        if (param.key == "cost_per_million" || param.key == "cost_per_million_writes")
            param.help = "On-demand mode: p" + param.help.substr(1);
        spec.params.push_back(std::move(param));
    }
    spec.params.push_back(number("cost_per_rcu_hour", "Cost per read unit-hour", ParamType::Double, "$", 0.00013,
                                 0, 1, 0.00001, "Provisioned mode: price of one read unit per second for an hour."));
    spec.params.push_back(number("cost_per_wcu_hour", "Cost per write unit-hour", ParamType::Double, "$", 0.00065,
                                 0, 1, 0.00001, "Provisioned mode: price of one write unit per second for an hour."));
    return spec;
}

BlockSpec searchIndexSpec()
{
    BlockSpec spec;
    spec.kind = "search_index";
    spec.displayName = "Search index";
    spec.category = "Data";
    spec.icon = "search_index";
    spec.summary = "Elasticsearch-like: a query fans out to every shard and waits for the slowest; writes become "
                   "searchable only at the next refresh; replicas add read capacity.";
    spec.pattern = "Search index (inverted index, sharded and replicated)";
    spec.tier = Tier::Database;
    spec.behaviour = Behaviour::SearchIndex;
    spec.faults = {"slow"};
    spec.gauge = {"Writes not yet searchable", {}, &staleSearchBadge};
    spec.pricePerHour = 0.17; // a search node (r6g.large.search)
    spec.cellApproximation = searchCellApproximation;
    spec.params = {
        number("shards", "Primary shards", ParamType::Int, "", 3, 1, 1024, 1,
               "The index is split over this many shards. Every query asks all of them and waits for the "
               "slowest: more shards make each smaller and faster, but the wait for the slowest grows."),
        number("replicas", "Replicas per shard", ParamType::Int, "", 1, 0, 100, 1,
               "Copies of each shard besides the primary, each on its own node. A query's shard part goes to "
               "the least busy copy, so replicas add read capacity; every write is indexed on every copy."),
        number("documents_millions", "Documents", ParamType::Double, "M", 10, 0, 1e6, 1,
               "Documents in the index, in millions, spread evenly over the shards."),
        number("query_base_ms", "Query base time", ParamType::Duration, "ms", 2, 0, kHour, 0.5,
               "Time a shard spends on any query, however small it is (parse, merge, network)."),
        number("query_ms_per_million_docs", "Query time per million docs", ParamType::Duration, "ms", 5, 0, kHour,
               0.5, "What each million documents on a shard adds to its query time (postings to scan and score)."),
        number("write_time_ms", "Index time", ParamType::Duration, "ms", 3, 0, kHour, 0.5,
               "Time one copy needs to index a written document."),
        number("service_cv", "Time variability", ParamType::Double, "", 1, 0, 10, 0.1,
               "Coefficient of variation of a shard's query and index times: 0 = constant, 1 = exponential."),
        number("refresh_interval_s", "Refresh interval", ParamType::Double, "s", 1, 0, 3600, 1,
               "New documents become searchable at the next refresh (Elasticsearch: every second). A search "
               "for a key written since the last refresh misses it: counted as stale_search_ratio. 0 = at once."),
        number("workers", "Search threads per node", ParamType::Int, "", 4, 1, 10'000, 1,
               "Shard queries one node runs at once; the others wait in its queue."),
        number("queue_capacity", "Queue per node", ParamType::Int, "", 1000, 0, 10'000'000, 100,
               "Shard requests that may wait per node (Elasticsearch's search queue: 1,000). One more is "
               "rejected with 503."),
        number("timeout_ms", "Timeout", ParamType::Duration, "ms", 0, 0, kHour, 10,
               "Longest a query or write may take here before it fails with a timeout. 0 = never."),
    };
    return spec;
}

} // namespace

std::vector<BlockSpec> dataStoreSpecs()
{
    return {objectStorageSpec(), kvStoreSpec(), searchIndexSpec()};
}

} // namespace scalelab::model
