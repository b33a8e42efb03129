#include "CompareOutput.h"

#include "ReplicationReport.h"
#include "model/MetricCatalog.h"

#include <cmath>
#include <cstdio>

namespace scalelab::cli {

namespace {

using analysis::FigureDifference;

std::string estimateText(const std::string& metric, const stats::ConfidenceInterval& interval)
{
    return model::formatEstimate(metric, interval.mean, interval.halfWidth);
}

std::string differenceText(const FigureDifference& figure)
{
    return model::formatDifference(figure.metricA, figure.difference.mean, figure.difference.halfWidth);
}

nlohmann::ordered_json figureJson(const FigureDifference& figure)
{
    return {{"metric_a", figure.metricA},
            {"metric_b", figure.metricB},
            {"label", figure.label},
            {"label_b", figure.labelB.empty() ? figure.label : figure.labelB},
            {"unit", figure.ratio ? "ratio" : figure.unit},
            {"a", estimateToJson(figure.a)},
            {"b", estimateToJson(figure.b)},
            {"difference", estimateToJson(figure.difference)},
            {"significant", figure.significant()}};
}

std::string sideName(const CompareReport& report, bool b)
{
    const std::string& file = b ? report.fileB : report.fileA;
    if (!report.card)
        return file;
    return (b ? report.card->b.label : report.card->a.label) + " (" + file + ")";
}

} // namespace

nlohmann::ordered_json compareToJson(const CompareReport& report)
{
    const auto& plan = report.plan;
    nlohmann::ordered_json json{{"a", report.fileA},
                                {"b", report.fileB},
                                {"replications", report.result.comparison.replications},
                                {"first_seed", plan.firstSeed},
                                {"warmup_s", sim::toSeconds(plan.warmup)},
                                {"duration_s", sim::toSeconds(plan.duration)},
                                {"confidence", plan.confidence}};
    if (report.card) {
        json["title"] = report.card->title;
        json["label_a"] = report.card->a.label;
        json["label_b"] = report.card->b.label;
    }
    nlohmann::ordered_json figures = nlohmann::ordered_json::array();
    for (const auto& figure : report.result.comparison.figures)
        figures.push_back(figureJson(figure));
    json["figures"] = figures;
    if (report.card) {
        nlohmann::ordered_json claims = nlohmann::ordered_json::array();
        for (const auto& claim : report.result.claims)
            claims.push_back({{"text", claim.claim.text},
                              {"metric", claim.claim.metric},
                              {"metric_b", claim.claim.metricB},
                              {"expect", model::expectName(claim.claim.expect)},
                              {"difference", estimateToJson(claim.figure.difference)},
                              {"holds", claim.holds}});
        json["claims"] = claims;
        json["all_hold"] = report.result.allHold();
    }
    return json;
}

void printCompareTable(const CompareReport& report)
{
    const auto& plan = report.plan;
    if (report.card)
        std::printf("%s\n%s\n\n", report.card->title.c_str(), report.card->question.c_str());
    std::printf("A: %s\nB: %s\n", sideName(report, false).c_str(), sideName(report, true).c_str());
    std::printf("%d paired replications (seeds %llu to %llu, the same in A and B), %.0f s measured after %.0f s; "
                "95%% intervals, * = the difference excludes zero\n\n",
                report.result.comparison.replications, static_cast<unsigned long long>(plan.firstSeed),
                static_cast<unsigned long long>(plan.firstSeed + plan.replications - 1), sim::toSeconds(plan.duration),
                sim::toSeconds(plan.warmup));
    std::printf("%-30s %-22s %-22s %s\n", "figure", "A", "B", "B - A");
    for (const auto& figure : report.result.comparison.figures) {
        std::string label = figure.label;
        if (!figure.labelB.empty())
            label += " / " + figure.labelB;
        if (label.size() > 30) { // its own line, the figures aligned below it
            std::printf("%s\n", label.c_str());
            label.clear();
        }
        std::printf("%-30s %-22s %-22s %s%s\n", label.c_str(), estimateText(figure.metricA, figure.a).c_str(),
                    estimateText(figure.metricB, figure.b).c_str(), differenceText(figure).c_str(),
                    figure.significant() ? " *" : "");
    }
    if (!report.card)
        return;
    std::printf("\nClaims:\n");
    for (const auto& claim : report.result.claims)
        std::printf("  %s %s\n      %s, B - A = %s (expected %s)\n", claim.holds ? "holds:" : "FAILS:",
                    claim.claim.text.c_str(),
                    (claim.figure.label + (claim.figure.labelB.empty() ? "" : " / " + claim.figure.labelB)).c_str(), differenceText(claim.figure).c_str(),
                    model::expectName(claim.claim.expect));
    std::printf("\nLook for: %s\n", report.card->lookFor.c_str());
}

} // namespace scalelab::cli
