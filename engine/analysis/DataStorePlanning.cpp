#include "DataStorePlanning.h"

#include "CacheModel.h"
#include "Queueing.h"
#include "blocks/SearchIndexBlock.h"
#include "blocks/ShardMap.h"
#include "blocks/StoreLimits.h"
#include "model/Choices.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::analysis {

namespace {

double harmonic(int n)
{
    double sum = 0;
    for (int k = 1; k <= n; ++k)
        sum += 1.0 / k;
    return sum;
}

// Mean of the largest of n independent sojourns of mean `meanMs` and CV `cv`
// (exact for cv = 1, exponential; for cv = 0, constant).
double slowestOf(int n, double meanMs, double cv)
{
    return meanMs * (1 + std::min(cv, 1.0) * (harmonic(n) - 1));
}

} // namespace

double poissonExcess(double mean, double capacity)
{
    const double c = std::floor(std::max(0.0, capacity));
    if (mean <= 0)
        return 0;
    const double spread = 40 * std::sqrt(mean) + 40;
    if (c > mean + spread)
        return 0;
    if (c < mean - spread)
        return mean - c;
    const double logMean = std::log(mean);
    double logPmf = -mean; // log P(N = n), n = 0 first
    if (c < mean) {
        // E[(N - c)+] = E[N - c] + E[(c - N)+], the second a finite sum.
        double below = 0;
        for (double n = 0; n < c; ++n) {
            below += (c - n) * std::exp(logPmf);
            logPmf += logMean - std::log(n + 1);
        }
        return mean - c + below;
    }
    // Above the mean: the tail itself, no cancellation.
    for (double n = 0; n <= c; ++n)
        logPmf += logMean - std::log(n + 1); // ends at log P(N = c + 1)
    double above = 0;
    for (double n = c + 1;; ++n) {
        const double term = (n - c) * std::exp(logPmf);
        above += term;
        if (term <= 1e-17 * above || n > c + spread)
            return above;
        logPmf += logMean - std::log(n + 1);
    }
}

std::vector<double> partitionShares(uint64_t keys, double skew, int partitions)
{
    blocks::ShardMap map; // the store's own hash (PartitionedStoreBlock)
    map.configure(model::ShardingStrategy::HashModulo, partitions, 1, 1);
    std::vector<double> shares(static_cast<size_t>(partitions), 0.0);
    const std::vector<PopularityClass> classes = zipfClasses(std::max<uint64_t>(1, keys), skew);
    uint32_t key = 0;
    for (const PopularityClass& group : classes) {
        if (group.count == 1 && key < 1000)
            shares[static_cast<size_t>(map.shardOf(key, 0))] += group.p;
        else
            for (double& share : shares)
                share += group.p * group.count / partitions;
        key += static_cast<uint32_t>(group.count);
    }
    return shares;
}

void planPartitionedStore(const model::Block& block, BlockPlan& here, const model::Block* keyClient)
{
    const blocks::StoreLimits limits = blocks::StoreLimits::of(block);
    const int partitions = limits.partitions;
    const std::vector<double> shares =
        keyClient ? partitionShares(static_cast<uint64_t>(keyClient->param("key_space")),
                                    keyClient->param("key_skew"), partitions)
                  : std::vector<double>(static_cast<size_t>(partitions), 1.0 / partitions);
    double throttled = 0;
    for (const double share : shares)
        throttled += poissonExcess(here.readRps * share, limits.readsPerPartition) +
                     poissonExcess(here.writeRps * share, limits.writesPerPartition);
    here.throttledRatio = here.arrivalRps() > 0 ? throttled / here.arrivalRps() : 0;
    const double readMs = block.param("read_time_ms") + limits.transferMs;
    const double writeMs = block.param("write_time_ms") + limits.transferMs;
    const double arrivals = here.arrivalRps();
    here.serviceMs = arrivals > 0 ? (here.readRps * readMs + here.writeRps * writeMs) / arrivals : readMs;
    here.readResponseMs = readMs;
    here.writeResponseMs = writeMs;
    here.responseMs = here.serviceMs;
    here.responseSdMs = block.param("service_cv") * here.serviceMs;
}

void planSearchIndex(const model::Block& block, BlockPlan& here, double targetUtilization)
{
    const int shards = static_cast<int>(block.param("shards"));
    const int copies = 1 + static_cast<int>(block.param("replicas"));
    const double cv = block.param("service_cv");
    const double queryMs = blocks::SearchIndexBlock::shardQueryMs(block);
    const double indexMs = block.param("write_time_ms");
    here.hasCapacity = true;
    here.instances = shards * copies;
    here.workers = static_cast<int>(block.param("workers"));
    // Each node: its copy's share of every search's part for its shard, and
    // every write to its shard.
    const double partsRps = here.readRps / copies + here.writeRps / shards;
    here.serviceMs = partsRps > 0 ? (here.readRps / copies * queryMs + here.writeRps / shards * indexMs) / partsRps
                                  : queryMs;
    here.holdingMs = here.serviceMs;
    here.utilization = partsRps * here.serviceMs / 1000 / here.workers;
    here.saturated = here.utilization >= 1;
    here.waitMs = here.saturated   ? std::numeric_limits<double>::infinity()
                  : partsRps <= 0 ? 0
                                  : ggcApprox(partsRps, here.serviceMs / 1000, 1, cv, here.workers).meanWait * 1000;
    here.readResponseMs = slowestOf(shards, here.waitMs + queryMs, cv);
    here.writeResponseMs = slowestOf(copies, here.waitMs + indexMs, cv);
    const double arrivals = here.arrivalRps();
    here.responseMs = arrivals > 0 ? (here.readRps * here.readResponseMs + here.writeRps * here.writeResponseMs) / arrivals
                                   : here.readResponseMs;
    here.responseSdMs = cv * here.responseMs;
    // Nodes for the target: the work of every part, in whole copies of every shard.
    const double workS = (here.readRps * shards * queryMs + here.writeRps * copies * indexMs) / 1000;
    const double nodes = std::ceil(workS / (here.workers * targetUtilization));
    here.requiredInstances = shards * std::max(1, static_cast<int>(std::ceil(nodes / shards)));
}

} // namespace scalelab::analysis
