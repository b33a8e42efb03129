#include "RubricOutput.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace scalelab::cli {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", std::fabs(value) >= 100 || value == std::floor(value) ? 0 : 1, value);
    return text;
}

std::string figureText(const analysis::RubricEvidence& evidence)
{
    if (!std::isfinite(evidence.value))
        return "";
    const bool money = evidence.unit == "$/month";
    const std::string currency = money ? "$" : "";
    std::string text = currency + number(evidence.value);
    if (evidence.halfWidth > 0)
        text += " ± " + currency + number(evidence.halfWidth);
    if (money)
        text += " a month";
    else if (!evidence.unit.empty())
        text += (evidence.unit == "%" ? "" : " ") + evidence.unit;
    return text;
}

std::string lessonName(const std::string& lesson)
{
    const auto slash = lesson.rfind('/');
    return slash == std::string::npos ? lesson : lesson.substr(slash + 1);
}

} // namespace

void printRubricTable(const model::Challenge& challenge, const analysis::RubricResult& result)
{
    std::printf("%s (level %d): rubric\n", challenge.title.c_str(), challenge.level);
    for (const auto& dimension : result.dimensions) {
        std::printf("\n%-13s %5s / %.0f\n", analysis::rubricDimensionName(dimension.dimension),
                    number(dimension.points).c_str(), analysis::kRubricDimensionPoints);
        for (const auto& evidence : dimension.evidence) {
            std::printf("  [%4s/%s] %s", number(evidence.points).c_str(), number(evidence.maxPoints).c_str(),
                        evidence.criterion.c_str());
            if (const std::string figure = figureText(evidence); !figure.empty())
                std::printf(": %s", figure.c_str());
            std::printf("  (%s)\n", evidence.run.c_str());
            if (!evidence.detail.empty())
                std::printf("           %s\n", evidence.detail.c_str());
        }
    }
    const analysis::RubricScore& weakest = result.weakest();
    std::printf("\nTotal: %s / 100, %s\n", number(result.total()).c_str(),
                analysis::rubricVerdictName(result.verdict()));
    std::printf("Weakest: %s (%s / 20); study the lesson %s\n", analysis::rubricDimensionName(weakest.dimension),
                number(weakest.points).c_str(), lessonName(weakest.lesson).c_str());
}

void printRubricJson(const model::Challenge& challenge, const analysis::RubricResult& result)
{
    using json = nlohmann::ordered_json;
    json dimensions = json::array();
    for (const auto& dimension : result.dimensions) {
        json evidence = json::array();
        for (const auto& e : dimension.evidence)
            evidence.push_back({{"criterion", e.criterion},
                                {"run", e.run},
                                {"value", std::isfinite(e.value) ? json(e.value) : json(nullptr)},
                                {"half_width", e.halfWidth},
                                {"unit", e.unit},
                                {"points", e.points},
                                {"max_points", e.maxPoints},
                                {"met", e.met()},
                                {"detail", e.detail}});
        dimensions.push_back({{"dimension", analysis::rubricDimensionName(dimension.dimension)},
                              {"points", dimension.points},
                              {"max_points", analysis::kRubricDimensionPoints},
                              {"lesson", dimension.lesson},
                              {"evidence", evidence}});
    }
    const analysis::RubricScore& weakest = result.weakest();
    const json out{{"title", challenge.title},
                   {"level", challenge.level},
                   {"total", result.total()},
                   {"verdict", analysis::rubricVerdictName(result.verdict())},
                   {"weakest", {{"dimension", analysis::rubricDimensionName(weakest.dimension)},
                                {"points", weakest.points},
                                {"lesson", weakest.lesson}}},
                   {"dimensions", dimensions}};
    std::printf("%s\n", out.dump(2).c_str());
}

} // namespace scalelab::cli
