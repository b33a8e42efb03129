#include "SweepOutput.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace scalelab::cli {

namespace {

// "12.34" or, with replications, "12.34 ± 0.56", right-aligned in `width` columns.
std::string figure(double value, double halfWidth, int decimals, bool withHalfWidth, int width)
{
    char text[64];
    if (withHalfWidth)
        std::snprintf(text, sizeof text, "%.*f ± %.*f", decimals, value, decimals, halfWidth);
    else
        std::snprintf(text, sizeof text, "%.*f", decimals, value);
    // ± is two bytes but one column.
    char padded[80];
    std::snprintf(padded, sizeof padded, "%*s", width + (withHalfWidth ? 1 : 0), text);
    return padded;
}

} // namespace

nlohmann::ordered_json sweepPointJson(const analysis::SweepPoint& point)
{
    nlohmann::ordered_json row;
    for (const auto& field : analysis::sweepFields()) {
        const double value = point.*field.member;
        row[field.name] = std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
    }
    return row;
}

analysis::SweepPoint sweepPointFromJson(const nlohmann::json& json)
{
    analysis::SweepPoint point;
    for (const auto& field : analysis::sweepFields()) {
        const auto value = json.find(field.name);
        if (value == json.end() || !(value->is_number() || value->is_null()))
            throw std::runtime_error(std::string("the point has no number \"") + field.name + "\"");
        point.*field.member = value->is_null() ? std::numeric_limits<double>::infinity() : value->get<double>();
    }
    return point;
}

void printSweepJson(const std::string& file, const SweepSettings& settings, const std::vector<analysis::SweepPoint>& points,
               int knee)
{
    nlohmann::ordered_json json;
    json["file"] = file;
    json["seed"] = settings.seed;
    json["warmup_s"] = settings.warmupS;
    json["measure_s"] = settings.measureS;
    json["replications"] = settings.replications;
    json["confidence"] = analysis::kSweepConfidence;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& point : points)
        rows.push_back(sweepPointJson(point));
    json["points"] = std::move(rows);
    json["knee_index"] = knee >= 0 ? nlohmann::ordered_json(knee) : nlohmann::ordered_json(nullptr);
    json["knee_load_factor"] = knee >= 0 ? nlohmann::ordered_json(points[size_t(knee)].loadFactor)
                                         : nlohmann::ordered_json(nullptr);
    std::printf("%s\n", json.dump(2).c_str());
}

void printSweepTable(const std::string& file, const SweepSettings& settings,
                const std::vector<analysis::SweepPoint>& points, int knee)
{
    std::printf("%s: capacity sweep from %d%% to %d%% of today's load in %d steps, %.0f s measured after %.0f s "
                "warm-up each, seed %llu\n",
                file.c_str(), settings.fromPercent, settings.toPercent, settings.steps, settings.measureS,
                settings.warmupS, static_cast<unsigned long long>(settings.seed));
    const bool intervals = settings.replications > 1;
    if (intervals)
        std::printf("%d replications per point (seeds %llu..%llu): figures are means ± %.0f%% half-width\n",
                    settings.replications, static_cast<unsigned long long>(settings.seed),
                    static_cast<unsigned long long>(settings.seed + uint64_t(settings.replications) - 1),
                    analysis::kSweepConfidence * 100);
    std::printf("\n");
    const int wide = intervals ? 9 : 0; // room for " ± x.xx"
    std::printf("%6s %11s %*s %*s %*s %8s %12s %13s\n", "load", "offered/s", 11 + wide, "through/s", 9 + wide,
                "p95 ms", 9 + wide, "mean ms", "errors", "analytic ms", "busiest pool");
    for (size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        char analytic[16] = "saturated";
        if (std::isfinite(p.analyticMeanMs))
            std::snprintf(analytic, sizeof analytic, "%.2f", p.analyticMeanMs);
        std::printf("%5.0f%% %11.1f %s %s %s %7.2f%% %12s %12.1f%%%s\n", p.loadFactor * 100, p.offeredRps,
                    figure(p.throughputRps, p.throughputHalfWidthRps, 1, intervals, 11 + wide).c_str(),
                    figure(p.p95Ms, p.p95HalfWidthMs, 2, intervals, 9 + wide).c_str(),
                    figure(p.meanMs, p.meanHalfWidthMs, 2, intervals, 9 + wide).c_str(), p.errorRate * 100, analytic,
                    p.analyticBottleneckUtilization * 100, int(i) == knee ? "  <- knee" : "");
    }
    if (knee < 0) {
        std::printf("\nno knee up to %d%%: p95 stayed within 2x of its low-load value and throughput kept up\n",
                    settings.toPercent);
        return;
    }
    const auto& at = points[size_t(knee)];
    std::printf("\nknee at %.0f%% of today's load (%.1f rps offered): p95 %.2f ms (%.2f ms at low load), "
                "throughput %.1f%% of offered\n",
                at.loadFactor * 100, at.offeredRps, at.p95Ms, points.front().p95Ms,
                at.offeredRps > 0 ? 100 * at.throughputRps / at.offeredRps : 0.0);
}

} // namespace scalelab::cli
