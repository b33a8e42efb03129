#include "PairedComparison.h"

#include "MetricValue.h"
#include "model/MetricCatalog.h"
#include "run/Replications.h"

#include <cmath>
#include <limits>

namespace scalelab::analysis {

namespace {

double valueOr(const stats::Snapshot& snapshot, const std::string& metric)
{
    return metricValue(snapshot, metric).value_or(std::numeric_limits<double>::quiet_NaN());
}

FigureDifference compareFigure(const std::vector<stats::Snapshot>& a, const std::vector<stats::Snapshot>& b,
                               const std::string& metricA, const std::string& metricB,
                               const model::Architecture& designA, const model::Architecture& designB,
                               double confidence)
{
    FigureDifference figure;
    figure.metricA = metricA;
    figure.metricB = metricB;
    figure.label = model::metricLabel(metricA, designA);
    if (metricB != metricA)
        figure.labelB = model::metricLabel(metricB, designB);
    if (const model::MetricSpec* spec = model::metricSpec(metricA)) {
        figure.unit = spec->unit;
        figure.ratio = spec->ratio;
    }
    std::vector<double> valuesA, valuesB, differences;
    const size_t pairs = std::min(a.size(), b.size());
    for (size_t i = 0; i < pairs; ++i) {
        const double x = valueOr(a[i], metricA), y = valueOr(b[i], metricB);
        valuesA.push_back(x);
        valuesB.push_back(y);
        differences.push_back(y - x);
    }
    figure.a = stats::batchMeansInterval(valuesA, confidence);
    figure.b = stats::batchMeansInterval(valuesB, confidence);
    figure.difference = stats::batchMeansInterval(differences, confidence);
    return figure;
}

} // namespace

const FigureDifference* Comparison::find(const std::string& metricA, const std::string& metricB) const
{
    for (const auto& figure : figures)
        if (figure.metricA == metricA && figure.metricB == metricB)
            return &figure;
    return nullptr;
}

const std::vector<std::string>& defaultComparedMetrics()
{
    static const std::vector<std::string> metrics{"p50_ms",       "p95_ms",        "p99_ms",
                                                  "throughput_rps", "error_rate",  "timeout_rate",
                                                  "rejected_rate",  "cost_per_month"};
    return metrics;
}

Comparison compareSnapshots(const std::vector<stats::Snapshot>& a, const std::vector<stats::Snapshot>& b,
                            const model::Architecture& designA, const model::Architecture& designB,
                            const std::vector<std::pair<std::string, std::string>>& extraFigures, double confidence)
{
    Comparison comparison;
    comparison.replications = static_cast<int>(std::min(a.size(), b.size()));
    for (const std::string& metric : defaultComparedMetrics())
        comparison.figures.push_back(compareFigure(a, b, metric, metric, designA, designB, confidence));
    for (const auto& [metricA, metricB] : extraFigures)
        if (!comparison.find(metricA, metricB))
            comparison.figures.push_back(compareFigure(a, b, metricA, metricB, designA, designB, confidence));
    return comparison;
}

Comparison compareDesigns(const model::Architecture& a, const model::Architecture& b, const ComparePlan& plan,
                          const std::vector<std::pair<std::string, std::string>>& extraFigures,
                          const std::atomic<bool>* cancel, const std::function<void(int done, int total)>& progress)
{
    sim::ReplicationPlan replications;
    replications.warmup = plan.warmup;
    replications.duration = plan.duration;
    replications.replications = plan.replications;
    replications.firstSeed = plan.firstSeed; // the same seeds for both: the pairing
    replications.threads = plan.threads;
    const int total = 2 * plan.replications;
    std::atomic<int> finished{0};
    auto report = [&](int) {
        const int done = ++finished;
        if (progress)
            progress(done, total);
    };
    const auto runsA = sim::runReplications(a, replications, cancel, report);
    const auto runsB = sim::runReplications(b, replications, cancel, report);
    return compareSnapshots(runsA, runsB, a, b, extraFigures, plan.confidence);
}

} // namespace scalelab::analysis
