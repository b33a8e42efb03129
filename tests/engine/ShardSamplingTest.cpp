// Shard sampling (run/ShardSampling.h) against the full run it stands for:
// a design small enough to run whole (60K rps over 64 hash shards, key skew
// 1.0) is run whole and sampled (budget 15K rps, so about a quarter of the
// load is simulated) over several seeds. Each seed draws its own shard
// sample, so the spread of the sampled estimates between seeds holds both
// the simulation's noise and the sampling's own variance; the full runs'
// spread holds the simulation's. The sampled mean must lie within the
// Welch interval of the difference of the two means,
//   t_{0.995, df} * sqrt(s_full^2 / R + s_sampled^2 / R),
// i.e. the full run's 99% confidence interval widened by the sampled
// estimate's variance, sampling included (df by Welch-Satterthwaite).
// A bias the size of the noise, or larger, fails it.
#include "SimTestSupport.h"
#include "io/ScenarioFile.h"
#include "run/ShardSampling.h"
#include "stats/ConfidenceInterval.h"

#include <QTest>

#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr int kSeeds = 6;
constexpr double kBudgetRps = 15'000;

model::Architecture skewedShards(double rateRps)
{
    model::Architecture design;
    model::Block client = patientClient("client", rateRps);
    client.params["read_ratio"] = 0.9;
    client.params["key_skew"] = 1.0;
    client.params["key_space"] = 100'000;
    model::Block balancer = model::makeBlock("load_balancer", "lb");
    model::Block app = service("app", 60, 16, 2, 1);
    model::Block db = model::makeBlock("sharded_database", "db");
    db.params["shards"] = 64;
    db.params["strategy"] = choiceValue("sharded_database", "strategy", "hash_modulo");
    db.params["key_range"] = 100'000;
    // The hottest shard (about 9% of the load, 5,600 rps) near 85% busy;
    // its short queue rejects a little, so there is an error rate to compare.
    db.params["workers"] = 44;
    db.params["queue_capacity"] = 2;
    design.blocks = {client, balancer, app, db};
    design.links = {wire("client", "lb", 0.5), wire("lb", "app", 0.5), wire("app", "db", 0.5)};
    return design;
}

struct Figures {
    double throughput = 0, errorRate = 0, p50 = 0, p95 = 0, p99 = 0, hotUtilization = 0;
};

Figures run(const model::Architecture& design, uint64_t seed, bool* sampled = nullptr)
{
    sim::SimulatorOptions options;
    options.samplingBudgetRps = kBudgetRps;
    sim::Simulator simulator(design, seed, options);
    if (sampled)
        *sampled = simulator.sampling().active;
    simulator.runUntil(sim::fromSeconds(2));
    simulator.resetStats();
    simulator.runUntil(sim::fromSeconds(22));
    const stats::Snapshot snap = simulator.snapshot();
    Figures figures;
    figures.throughput = snap.throughputRps;
    figures.errorRate = double(snap.errors.total()) / double(snap.requests);
    figures.p50 = snap.latency.p50Ms;
    figures.p95 = snap.latency.p95Ms;
    figures.p99 = snap.latency.p99Ms;
    figures.hotUtilization = snap.blocks.back().extras.at("hottest_shard_utilization");
    return figures;
}

struct Spread {
    double mean = 0, variance = 0;
};

Spread spread(const std::vector<double>& values)
{
    Spread result;
    for (double value : values)
        result.mean += value / double(values.size());
    for (double value : values)
        result.variance += (value - result.mean) * (value - result.mean) / double(values.size() - 1);
    return result;
}

} // namespace

class ShardSamplingTest : public QObject {
    Q_OBJECT

private slots:
    void sampled_estimates_fall_within_the_full_runs_intervals()
    {
        model::Architecture full = skewedShards(60'000);
        full.sampling = model::ShardSampling::Off;
        model::Architecture sampled = full;
        sampled.sampling = model::ShardSampling::On;

        const sim::SamplingPlan plan = sim::planSampling(sampled, 1, kBudgetRps);
        QVERIFY2(plan.active, plan.note.c_str());
        int kept = 0;
        for (double weight : plan.shardWeights)
            kept += weight > 0;
        QVERIFY2(kept < 40 && plan.keptShare < 0.4, plan.note.c_str()); // it does sample
        qInfo("%s", plan.note.c_str());

        std::vector<Figures> fulls, samples;
        for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
            bool wasSampled = true;
            fulls.push_back(run(full, seed, &wasSampled));
            QVERIFY(!wasSampled);
            samples.push_back(run(sampled, seed, &wasSampled));
            QVERIFY(wasSampled);
        }
        // `floor`: a figure with (almost) no noise still gets the histogram's
        // and the weights' rounding as its tolerance (relative). `widest`:
        // the interval must say something, so it may not be wider than this
        // (relative): a sampled estimate that spread a lot would fail here.
        const auto check = [&](const char* name, double Figures::*field, double floor, double widest) {
            std::vector<double> a, b;
            for (int i = 0; i < kSeeds; ++i)
                a.push_back(fulls[size_t(i)].*field), b.push_back(samples[size_t(i)].*field);
            const Spread f = spread(a), s = spread(b);
            const double se2 = f.variance / kSeeds + s.variance / kSeeds;
            const double df = se2 * se2 /
                              (std::pow(f.variance / kSeeds, 2) / (kSeeds - 1) +
                               std::pow(s.variance / kSeeds, 2) / (kSeeds - 1) + 1e-300);
            const double tolerance =
                std::max(stats::studentTQuantile(0.995, static_cast<int>(std::max(1.0, std::floor(df)))) * std::sqrt(se2), floor * f.mean);
            const double error = s.mean - f.mean;
            qInfo("%-16s full %10.4f (sd %.4f)  sampled %10.4f (sd %.4f)  error %+.4f (%+.2f%%)  tolerance %.4f",
                  name, f.mean, std::sqrt(f.variance), s.mean, std::sqrt(s.variance), error,
                  f.mean != 0 ? 100 * error / f.mean : 0.0, tolerance);
            QVERIFY2(std::abs(error) <= tolerance,
                     qPrintable(QString("%1: sampled mean %2 differs from the full runs' %3 by more than %4")
                                    .arg(name)
                                    .arg(s.mean)
                                    .arg(f.mean)
                                    .arg(tolerance)));
            QVERIFY2(tolerance <= widest * std::abs(f.mean),
                     qPrintable(QString("%1: the interval (+-%2 around %3) is too wide to check anything")
                                    .arg(name)
                                    .arg(tolerance)
                                    .arg(f.mean)));
        };
        qInfo("error rate of the first full run: %.5f", fulls.front().errorRate);
        QVERIFY2(fulls.front().errorRate > 1e-3, "the design should reject some requests at its hottest shard");
        check("throughput_rps", &Figures::throughput, 0.001, 0.01);
        check("error_rate", &Figures::errorRate, 0.001, 0.2);
        check("p50_ms", &Figures::p50, 0.005, 0.02);
        check("p95_ms", &Figures::p95, 0.005, 0.02);
        check("p99_ms", &Figures::p99, 0.005, 0.03);
        check("hot_shard_util", &Figures::hotUtilization, 0.001, 0.02);
    }

    void a_design_with_a_cache_in_front_is_not_sampled()
    {
        model::Architecture design = skewedShards(60'000);
        model::Block cache = model::makeBlock("cache", "cache");
        design.blocks.insert(design.blocks.begin() + 3, cache);
        design.links.back() = wire("app", "cache");
        design.links.push_back(wire("cache", "db"));
        design.sampling = model::ShardSampling::On;
        const sim::SamplingPlan plan = sim::planSampling(design, 1, kBudgetRps);
        QVERIFY(!plan.active);
        QVERIFY2(plan.note.find("block cache is a") != std::string::npos, plan.note.c_str());
        sim::Simulator simulator(design, 1);
        QVERIFY(!simulator.sampling().active);
        QVERIFY(!simulator.snapshot().sampled);
    }

    void a_design_without_a_sharded_tier_is_told_so()
    {
        // Its cache would also stop a sample, but naming it would suggest
        // that removing it helps: the missing tier is the reason.
        model::Architecture design = skewedShards(60'000);
        design.blocks.back() = model::makeBlock("cache", "db");
        design.sampling = model::ShardSampling::On;
        const sim::SamplingPlan plan = sim::planSampling(design, 1, kBudgetRps);
        QVERIFY(!plan.active);
        QVERIFY2(plan.note == "Shard sampling not used: it has no sharded database to sample.", plan.note.c_str());
    }

    void a_saturated_hot_shard_is_not_sampled()
    {
        // 30 workers: the hottest shard (about 5,600 rps of 6.5 ms) is
        // offered about 121% of what it serves; with a long queue its
        // backlog would hold the scaled-down app tier's workers.
        model::Architecture design = skewedShards(60'000);
        design.blocks.back().params["workers"] = 30;
        design.blocks.back().params["queue_capacity"] = 500;
        design.sampling = model::ShardSampling::On;
        const sim::SamplingPlan plan = sim::planSampling(design, 1, kBudgetRps);
        QVERIFY(!plan.active);
        QVERIFY2(plan.note.find("the hottest shard of db is offered 12") != std::string::npos, plan.note.c_str());
        // Just below the limit it samples.
        design.blocks.back().params["workers"] = 44;
        QVERIFY2(sim::planSampling(design, 1, kBudgetRps).active, sim::planSampling(design, 1, kBudgetRps).note.c_str());
    }

    void auto_samples_only_above_the_budget()
    {
        model::Architecture design = skewedShards(10'000);
        QVERIFY(!sim::planSampling(design, 1, kBudgetRps).active); // fits: run whole
        QVERIFY(sim::planSampling(design, 1, kBudgetRps).note.empty());
        design = skewedShards(60'000);
        QVERIFY(sim::planSampling(design, 1, kBudgetRps).active);
        design.sampling = model::ShardSampling::Off;
        QVERIFY(!sim::planSampling(design, 1, kBudgetRps).active);
    }

    void sampled_snapshot_scales_upstream_back_and_says_so()
    {
        model::Architecture design = skewedShards(60'000);
        sim::SimulatorOptions options;
        options.samplingBudgetRps = kBudgetRps;
        sim::Simulator simulator(design, 3, options);
        simulator.runUntil(sim::fromSeconds(3));
        const stats::Snapshot snap = simulator.snapshot();
        QVERIFY(snap.sampled);
        QVERIFY2(snap.sampling.rfind("Approximate (shard sampling): ", 0) == 0, snap.sampling.c_str());
        QCOMPARE(snap.blocks[2].instances, 60); // the service, simulated smaller, reported whole
        QCOMPARE(snap.blocks[3].instances, 64); // every shard exists
        // Requests are an estimate of 60K rps over 3 s.
        QVERIFY2(std::abs(double(snap.requests) - 180'000) < 0.05 * 180'000, qPrintable(QString::number(snap.requests)));
        // Shards not simulated are not shown (idle) in the per-shard figures.
        const auto& extras = snap.blocks[3].extras;
        const sim::SamplingPlan& plan = simulator.sampling();
        for (size_t shard = 0; shard < plan.shardWeights.size(); ++shard)
            QCOMPARE(extras.count("shard_" + std::to_string(shard) + "_queries") == 1, plan.shardWeights[shard] > 0);
    }

    void the_file_option_round_trips_and_errors_name_the_path()
    {
        model::Architecture design = skewedShards(100);
        design.sampling = model::ShardSampling::On;
        const std::string text = io::serializeScenario(design);
        QVERIFY(text.find("\"sampling\": \"on\"") != std::string::npos);
        QVERIFY(io::parseScenario(text, "x.scalelab") == design);
        std::string bad = text;
        bad.replace(bad.find("\"on\""), 4, "\"sometimes\"");
        try {
            io::parseScenario(bad, "x.scalelab");
            QFAIL("an unknown sampling mode loaded");
        } catch (const std::exception& error) {
            QCOMPARE(std::string(error.what()),
                     std::string("x.scalelab: scale.sampling: must be \"auto\", \"off\" or \"on\", got \"sometimes\""));
        }
    }
};

QTEST_GUILESS_MAIN(ShardSamplingTest)
#include "ShardSamplingTest.moc"
