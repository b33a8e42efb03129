// `scalelab plan` against `scalelab run` on every bundled design (examples,
// challenges, lessons, interviews): wherever the plan lists no caveat (no
// traffic profile, no scheduled fault, no autoscaler, nothing saturated,
// no choice it only bounds), its mean end-to-end latency and its
// throughput agree with a simulated run within the planner's stated 3%,
// on top of the run's 95% confidence interval. A design with caveats is
// skipped with them as the reason, so the report shows what is left out.
//
// The run is one long simulation, its windows the batches of the interval.
// It is warmed up long enough for what the plan assumes is steady: every
// key a capacity cache will hold asked for a few times, and two TTLs where
// the TTL changes the hit ratio (the first expiries come all at once).
#include "SimTestSupport.h"

#include "analysis/CacheModel.h"
#include "analysis/NetworkModel.h"
#include "io/ScenarioFile.h"
#include "model/Choices.h"
#include "model/Registry.h"

#include <QDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

constexpr double kPlanTolerance = 0.03; // the planner's approximations (as in PlannerTest)
constexpr double kMeasureS = 60, kWindowS = 5, kMinWarmupS = 20;
#ifdef SCALELAB_SANITIZED
// Under the sanitizers the engine runs several times slower; they look for
// memory errors, which the short runs find as well. Accuracy is the optimised build's job.
constexpr double kRequestBudget = 2e6;
#endif

// Popularity of the key of rank `rank` (1 = hottest) among `keys` Zipf(skew) keys.
double popularityOfRank(uint64_t keys, double skew, double rank)
{
    double seen = 0;
    const auto classes = analysis::zipfClasses(keys, skew);
    for (const auto& c : classes) {
        seen += c.count;
        if (seen >= rank)
            return c.p;
    }
    return classes.back().p;
}

// How long the design needs before its capacity caches are in steady state (see above).
double warmupFor(const model::Architecture& design, const analysis::NetworkPlan& plan)
{
    const model::Block* reader = nullptr; // the client whose keys the caches see
    for (const auto& block : design.blocks)
        if (block.kind == "client" &&
            (!reader || block.param("rate_rps") * block.param("read_ratio") >
                            reader->param("rate_rps") * reader->param("read_ratio")))
            reader = &block;
    double warmup = kMinWarmupS;
    for (const auto& block : design.blocks) {
        const model::BlockSpec& spec = *model::Registry::instance().find(block.kind);
        if (spec.behaviour != model::Behaviour::Cache || !reader ||
            block.choice<model::HitModel>("hit_model") != model::HitModel::Capacity)
            continue;
        const analysis::BlockPlan& planned = *plan.find(block.id);
        const double lookups = spec.cachesStaticOnly ? planned.staticRps : planned.readRps;
        const auto keys = static_cast<uint64_t>(reader->param("key_space"));
        const double skew = reader->param("key_skew"), capacity = block.param("capacity");
        if (lookups <= 0)
            continue;
        const double lastKept = std::min(capacity, static_cast<double>(keys));
        warmup = std::max(warmup, 5 / (popularityOfRank(keys, skew, lastKept) * lookups));
        const double ttlS = block.param("ttl_s");
        const auto classes = analysis::zipfClasses(keys, skew);
        if (ttlS > 0 && std::abs(analysis::lruTtlHitRatio(classes, capacity, ttlS * lookups) -
                                 analysis::lruTtlHitRatio(classes, capacity, 0)) > 1e-3)
            warmup = std::max(warmup, 2 * ttlS);
    }
    return std::ceil(warmup / kWindowS) * kWindowS;
}

bool agrees(double planned, const stats::ConfidenceInterval& run)
{
    return std::abs(planned - run.mean) <= kPlanTolerance * run.mean + run.halfWidth;
}

QString compared(const char* what, double planned, const stats::ConfidenceInterval& run)
{
    return QString("%1: plan %2, run %3 +/- %4 (95% CI over %5 windows; bar 3%)")
        .arg(what)
        .arg(planned)
        .arg(run.mean)
        .arg(run.halfWidth)
        .arg(run.samples);
}

} // namespace

class PlanAgreementTest : public QObject {
    Q_OBJECT

private slots:
    void plan_agrees_with_run_wherever_theory_applies_data()
    {
        QTest::addColumn<QString>("path");
        int files = 0;
        for (const char* folder : {"examples", "challenges", "lessons", "interviews"}) {
            const QDir dir(QString(SCALELAB_SOURCE_DIR "/resources/") + folder);
            for (const QString& name : dir.entryList({"*.scalelab"}, QDir::Files, QDir::Name)) {
                QTest::newRow(qPrintable(QString(folder) + "/" + name)) << dir.filePath(name);
                ++files;
            }
        }
        QVERIFY2(files > 60, "the bundled designs were not found");
    }

    void plan_agrees_with_run_wherever_theory_applies()
    {
        QFETCH(QString, path);
        const model::Architecture design = io::readScenario(path.toStdString());
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        if (!plan.caveats.empty())
            QSKIP(qPrintable("beyond the plan's model: " + QString::fromStdString(plan.caveats.front())));
        const double warmupS = warmupFor(design, plan);
#ifdef SCALELAB_SANITIZED
        if ((warmupS + kMeasureS) * plan.offeredRps > kRequestBudget)
            QSKIP("too many requests for a sanitizer build; the optimised build checks it");
#endif
        const stats::Snapshot run = simulate(design, warmupS, kMeasureS, 1, kWindowS);
        const auto windows = measuredWindows(run.series, warmupS);
        std::vector<double> means, completions, throughput;
        for (const auto& window : windows) {
            means.push_back(window.meanMs);
            completions.push_back(window.throughputPerSecond);
            throughput.push_back(window.throughputPerSecond);
        }
        const stats::ConfidenceInterval meanMs = stats::batchMeansInterval(means, completions, 0.95);
        const stats::ConfidenceInterval rps = stats::batchMeansInterval(throughput, 0.95);
        const QString latency = compared("mean ms", plan.endToEndMs, meanMs);
        const QString rate = compared("throughput", plan.offeredRps, rps);
        qInfo().noquote() << latency << "|" << rate << "| warm-up" << warmupS << "s";
        QVERIFY2(agrees(plan.endToEndMs, meanMs), qPrintable(latency));
        QVERIFY2(agrees(plan.offeredRps, rps), qPrintable(rate));
    }
};

QTEST_APPLESS_MAIN(PlanAgreementTest)
#include "PlanAgreementTest.moc"
