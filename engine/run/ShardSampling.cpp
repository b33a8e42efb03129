#include "ShardSampling.h"

#include "blocks/ShardMap.h"
#include "model/InstanceTypes.h"
#include "model/Registry.h"
#include "sim/CellReduction.h"
#include "sim/Rng.h"
#include "sim/TrafficProfile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scalelab::sim {

namespace {

using model::ShardingStrategy;

// Kinds that may stand in front of the sharded tier: stateless per key, so
// running them at a share of the load changes nothing but their size.
bool isUpstream(const std::string& kind)
{
    return kind == "load_balancer" || kind == "service" || kind == "api_gateway";
}

class ShardKeyWeights final : public KeyWeights {
public:
    ShardKeyWeights(blocks::ShardMap map, std::vector<uint32_t> units)
        : m_map(std::move(map))
        , m_units(std::move(units))
    {
    }
    uint32_t weight(uint32_t key) const override { return m_units[static_cast<size_t>(m_map.shardOf(key, 0))]; }

private:
    // shardOf is not const only for the directory strategy, which is never sampled.
    mutable blocks::ShardMap m_map;
    std::vector<uint32_t> m_units;
};

std::string format(const char* pattern, double value)
{
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

// Integral of x^-s over [a, b]: the mass of a stretch of the Zipf tail.
double powerIntegral(double a, double b, double s)
{
    if (std::abs(s - 1) < 1e-12)
        return std::log(b / a);
    return (std::pow(b, 1 - s) - std::pow(a, 1 - s)) / (1 - s);
}

// Each shard's share of the requests: the Zipf mass of its keys. Exact for
// the 2^20 most requested keys; the tail beyond in 2^18 strata of equal
// width, each stratum's mass (the integral) given to its middle key's shard.
std::vector<double> shardShares(const model::Block& client, blocks::ShardMap& map)
{
    const auto keys = static_cast<uint64_t>(client.param("key_space"));
    const double s = client.param("key_skew");
    std::vector<double> shares(static_cast<size_t>(map.shards()), 0.0);
    const uint64_t exact = std::min<uint64_t>(keys, uint64_t{1} << 20);
    double total = 0;
    for (uint64_t rank = 1; rank <= exact; ++rank) {
        const double mass = std::pow(double(rank), -s);
        shares[static_cast<size_t>(map.shardOf(static_cast<uint32_t>(rank - 1), 0))] += mass;
        total += mass;
    }
    if (keys > exact) {
        constexpr int kStrata = 1 << 18;
        const double width = double(keys - exact) / kStrata;
        for (int stratum = 0; stratum < kStrata; ++stratum) {
            const double from = double(exact) + 0.5 + stratum * width, to = from + width;
            const double mass = powerIntegral(from, to, s);
            const auto key = static_cast<uint32_t>(std::min<double>(double(keys - 1), std::floor((from + to) / 2) - 1));
            shares[static_cast<size_t>(map.shardOf(key, 0))] += mass;
            total += mass;
        }
    }
    for (double& share : shares)
        share /= total;
    return shares;
}

// The expected share of the load simulated at threshold t.
double keptShare(const std::vector<double>& shares, double t)
{
    double kept = 0;
    for (double w : shares)
        kept += w >= t ? w : w * w / t;
    return kept;
}

double peakRate(const model::Block& client)
{
    TrafficProfile profile;
    profile.configure(client);
    return profile.peakRate();
}

// The hottest shard's offered load over its capacity (its workers over the
// clients' mix of read and write times): at `rps` requests a second.
double hottestShardLoad(const model::Architecture& design, const model::Block& tier, double rps)
{
    double weightedReadRatio = 0, rate = 0;
    for (const model::Block& block : design.blocks)
        if (block.kind == "client") {
            weightedReadRatio += peakRate(block) * block.param("read_ratio");
            rate += peakRate(block);
        }
    const double readRatio = rate > 0 ? weightedReadRatio / rate : 1;
    const model::Block shard = model::withInstanceType(tier);
    const double serviceSeconds =
        (readRatio * shard.param("read_time_ms") + (1 - readRatio) * shard.param("write_time_ms")) / 1000;
    const double workers = std::max(1.0, shard.param("workers"));
    return rps * serviceSeconds / workers;
}

} // namespace

std::string samplingObstacle(const model::Architecture& design)
{
    if (design.cells > 1)
        return "the design is already reduced to identical cells (\"scale\": {\"cells\": K})";
    if (!design.faults.empty())
        return "it has scheduled faults, which act on instances a sampled run holds in other proportions";
    std::vector<const model::Block*> sharded, clients;
    const model::Block* keyDependent = nullptr; // the first block a sample would distort
    for (const model::Block& block : design.blocks) {
        if (block.kind == "sharded_database")
            sharded.push_back(&block);
        else if (block.kind == "client")
            clients.push_back(&block);
        else if (!isUpstream(block.kind) && !keyDependent)
            keyDependent = &block;
    }
    // The missing tier first: without one, what else the design holds is beside the point.
    if (sharded.empty())
        return "it has no sharded database to sample";
    if (keyDependent) {
        const model::BlockSpec* spec = model::Registry::instance().find(keyDependent->kind);
        return "block " + keyDependent->id + " is a " + (spec ? spec->displayName : keyDependent->kind) +
               ": only load balancers, API gateways and services may stand in front of the sharded tier "
               "(the others hold state or load that depends on the keys a sample leaves out)";
    }
    if (sharded.size() > 1)
        return "it has more than one keyed tier (" + sharded[0]->id + ", " + sharded[1]->id +
               "): one shard sample cannot serve two shard maps";
    const model::Block& tier = *sharded.front();
    const auto strategy = tier.choice<ShardingStrategy>("strategy");
    if (strategy == ShardingStrategy::Directory)
        return tier.id + " uses a directory, which places each key by the keys it saw before: its shards are "
                         "not independent of the keys a sample leaves out";
    if (strategy == ShardingStrategy::Geographic)
        return tier.id + " places requests by their origin, not by key";
    if (tier.param("cross_shard_ratio") > 0)
        return tier.id + " has cross-shard reads, which touch every shard";
    for (const model::Link& link : design.links)
        if (link.from == tier.id)
            return tier.id + " calls further blocks, which would see only the sampled shards' calls";
    if (clients.empty())
        return "it has no clients";
    for (const model::Block* client : clients) {
        if (client->choice<model::ArrivalModel>("arrival_model") != model::ArrivalModel::Open)
            return "client " + client->id + " has closed-loop users, whose load is not a Poisson stream that thins";
        if (client->param("key_space") != clients[0]->param("key_space") ||
            client->param("key_skew") != clients[0]->param("key_skew"))
            return "clients " + clients[0]->id + " and " + client->id + " draw their keys differently";
    }
    return {};
}

SamplingPlan planSampling(const model::Architecture& design, uint64_t seed, double budgetRps)
{
    SamplingPlan plan;
    if (design.sampling == model::ShardSampling::Off)
        return plan;
    double rate = 0;
    for (const model::Block& block : design.blocks)
        if (block.kind == "client" && block.choice<model::ArrivalModel>("arrival_model") == model::ArrivalModel::Open)
            rate += peakRate(block);
    const bool asked = design.sampling == model::ShardSampling::On;
    if (!asked && (rate <= budgetRps || design.cells > 1))
        return plan; // runs live as it is, or the user chose cells
    if (std::string obstacle = samplingObstacle(design); !obstacle.empty()) {
        plan.note = "Shard sampling not used: " + obstacle + ".";
        return plan;
    }
    const model::Block* tier = nullptr;
    const model::Block* client = nullptr;
    for (const model::Block& block : design.blocks) {
        if (block.kind == "sharded_database")
            tier = &block;
        else if (block.kind == "client" && !client)
            client = &block;
    }
    blocks::ShardMap map;
    map.configure(tier->choice<ShardingStrategy>("strategy"), static_cast<int>(tier->param("shards")),
                  static_cast<int>(tier->param("virtual_nodes")), static_cast<uint32_t>(tier->param("key_range")));
    const std::vector<double> shares = shardShares(*client, map);

    // The threshold: the expected simulated share is the budget's share of
    // the load, or as near as keeping the hottest shard alone allows.
    const double target = rate > 0 ? std::min(1.0, budgetRps / rate) : 1.0;
    const double hottest = *std::max_element(shares.begin(), shares.end());
    if (const double busy = hottestShardLoad(design, *tier, rate * hottest); busy >= kMostHotShardLoad) {
        plan.note = "Shard sampling not used: the hottest shard of " + tier->id + " is offered " +
                    format("%.0f%%", 100 * busy) + " of its capacity. Its queue would hold the workers of the " +
                    "scaled-down blocks in front of it, which a sample gives a far larger share of hot-shard " +
                    "requests than the whole design has: they would saturate, the whole design's do not.";
        return plan;
    }
    double threshold = 0; // 0: every shard simulated
    if (target < 1) {
        if (keptShare(shares, hottest) >= target) {
            threshold = hottest;
        } else {
            double low = 0, high = hottest; // keptShare falls as t grows
            for (int step = 0; step < 100; ++step) {
                const double mid = (low + high) / 2;
                (keptShare(shares, mid) > target ? low : high) = mid;
            }
            threshold = high;
        }
    }
    // Systematic PPS over the shards below the threshold, in an order drawn
    // from the seed: points u, u+1, u+2... along their cumulated inclusion
    // probabilities pick each shard with probability exactly pi_i.
    plan.shardWeights.assign(shares.size(), 0.0);
    std::vector<size_t> cold;
    for (size_t shard = 0; shard < shares.size(); ++shard) {
        if (shares[shard] >= threshold && shares[shard] > 0)
            plan.shardWeights[shard] = 1;
        else if (shares[shard] > 0)
            cold.push_back(shard);
    }
    Rng rng(seed, "shard_sampling");
    for (size_t i = cold.size(); i > 1; --i)
        std::swap(cold[i - 1], cold[static_cast<size_t>(rng.uniform() * double(i))]);
    const double start = rng.uniform();
    double cumulated = 0;
    int sampled = 0;
    double lightest = 0, heaviest = 0;
    for (size_t shard : cold) {
        const double pi = shares[shard] / threshold;
        const double before = cumulated;
        cumulated += pi;
        if (std::floor(cumulated - start) > std::floor(before - start)) {
            plan.shardWeights[shard] = 1 / pi;
            lightest = sampled ? std::min(lightest, 1 / pi) : 1 / pi;
            heaviest = std::max(heaviest, 1 / pi);
            ++sampled;
        }
    }
    // Calibration: the cold shards' total share is known exactly, so their
    // weights are scaled to reproduce it (sum of w_i * weight_i over the
    // sample = their share). Without it a systematic sample of n or n + 1
    // shards makes the total load jump by one threshold's worth between
    // seeds; with it the cold load is exact and only the shards' own mix
    // varies (a ratio estimator: consistent, its bias O(1/n)).
    double coldShare = 0, coldEstimate = 0;
    for (size_t shard : cold) {
        coldShare += shares[shard];
        coldEstimate += shares[shard] * plan.shardWeights[shard];
    }
    if (coldEstimate > 0) {
        const double calibration = coldShare / coldEstimate;
        for (size_t shard : cold)
            plan.shardWeights[shard] *= calibration;
        lightest *= calibration;
        heaviest *= calibration;
    }
    plan.keptShare = 0;
    std::vector<uint32_t> units(shares.size(), 0);
    int hot = 0;
    for (size_t shard = 0; shard < shares.size(); ++shard) {
        if (plan.shardWeights[shard] == 0)
            continue;
        plan.keptShare += shares[shard];
        hot += shares[shard] >= threshold;
        units[shard] = std::max<uint32_t>(
            1, static_cast<uint32_t>(std::lround(plan.shardWeights[shard] * KeyWeights::kUnit)));
    }
    plan.active = true;
    plan.shardedBlockId = tier->id;
    plan.keyWeights = std::make_shared<ShardKeyWeights>(map, std::move(units));
    for (const model::Block& block : design.blocks)
        if (block.id != tier->id)
            if (std::string note = roundedCount(block, 1 / plan.keptShare); !note.empty())
                plan.roundings.push_back(std::move(note));

    std::string& note = plan.note;
    note = "Approximate (shard sampling): in " + tier->id + ", " + std::to_string(hot) + " hot shard" +
           (hot == 1 ? "" : "s") + " simulated exactly, " + std::to_string(sampled) + " of " +
           std::to_string(cold.size()) + " other" + (cold.size() == 1 ? "" : "s") + " sampled";
    if (sampled > 0)
        note += lightest == heaviest ? format(" (weight %.1f)", lightest)
                                     : format(" (weights %.1f", lightest) + format("-%.1f)", heaviest);
    note += ", counters scaled; upstream runs at " + format("%.3g%%", 100 * plan.keptShare) + " of the load (" +
            format("%.0f", rate * plan.keptShare) + " of " + format("%.0f", rate) + " rps simulated)";
    if (!plan.roundings.empty()) {
        note += "; rounded: ";
        for (size_t i = 0; i < plan.roundings.size(); ++i)
            note += (i ? "; " : "") + plan.roundings[i];
    }
    return plan;
}

model::Block reduceForSampling(const model::Block& block, const SamplingPlan& plan)
{
    if (!plan.active || block.id == plan.shardedBlockId)
        return block;
    return reduceLoad(block, 1 / plan.keptShare);
}

double upstreamScale(const model::Block& block, const SamplingPlan& plan)
{
    if (!plan.active || !isUpstream(block.kind))
        return 1;
    // The design's instances over the simulated ones: 1/f up to rounding.
    const auto it = block.params.find("instances");
    if (it == block.params.end())
        return 1 / plan.keptShare;
    return it->second / reduceForSampling(block, plan).param("instances");
}

void scaleSampled(stats::Snapshot& snapshot, const SamplingPlan& plan, const model::Architecture& design)
{
    if (!plan.active)
        return;
    snapshot.sampled = true;
    snapshot.sampling = plan.note;
    const double unit = KeyWeights::kUnit;
    auto count = [&](uint64_t& value) { value = static_cast<uint64_t>(std::llround(double(value) / unit)); };
    auto counts = [&](stats::ErrorCounts& errors) {
        for (auto& value : errors.byKind)
            count(value);
    };
    auto rates = [&](std::vector<stats::WindowSample>& series, double size, bool instances) {
        for (auto& sample : series) {
            sample.arrivalsPerSecond /= unit;
            sample.throughputPerSecond /= unit;
            for (double& rate : sample.errorsPerSecond)
                rate /= unit;
            sample.meanQueue *= size;
            if (instances)
                sample.instances *= size;
            sample.costPerHour *= size; // the per-request part too: an approximation of the series only
        }
    };
    count(snapshot.requests);
    count(snapshot.completed);
    counts(snapshot.errors);
    count(snapshot.latency.count);
    snapshot.throughputRps /= unit;
    rates(snapshot.series, 1, false);
    for (auto& block : snapshot.blocks) {
        const model::Block* designBlock = design.findBlock(block.id);
        const double upstream = designBlock ? upstreamScale(*designBlock, plan) : 1;
        count(block.arrivals);
        count(block.completed);
        counts(block.errors);
        count(block.latency.count);
        const bool scaled = isUpstream(block.kind);
        rates(block.series, scaled ? upstream : 1, scaled && block.hasWorkers);
        if (!scaled)
            continue;
        if (block.hasWorkers)
            block.instances = static_cast<int>(std::lround(block.instances * upstream));
        block.meanQueue *= upstream;
        block.inFlight = static_cast<int>(std::lround(block.inFlight * upstream));
    }
    // The design's cost series: its blocks' again, now that they are scaled
    // (blocks added while running have shorter series: align on the end).
    for (size_t i = 0; i < snapshot.series.size(); ++i) {
        const size_t fromEnd = snapshot.series.size() - i;
        double cost = 0;
        for (const auto& block : snapshot.blocks)
            if (block.series.size() >= fromEnd)
                cost += block.series[block.series.size() - fromEnd].costPerHour;
        snapshot.series[i].costPerHour = cost;
    }
}

} // namespace scalelab::sim
