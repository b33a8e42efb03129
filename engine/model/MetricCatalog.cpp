#include "MetricCatalog.h"

#include "MessageText.h"
#include "Registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scalelab::model {

namespace {

const MetricSpec* findIn(const std::vector<MetricSpec>& specs, const std::string& name)
{
    auto it = std::find_if(specs.begin(), specs.end(), [&](const MetricSpec& spec) { return spec.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

std::vector<std::string> namesOf(const std::vector<MetricSpec>& specs)
{
    std::vector<std::string> names;
    for (const auto& spec : specs)
        names.push_back(spec.name);
    return names;
}

std::string hint(const std::string& word, const std::vector<std::string>& candidates)
{
    const std::string match = closestMatch(word, candidates);
    return match.empty() ? std::string{} : " (did you mean \"" + match + "\"?)";
}


std::string number(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// Enough digits to tell 0.95 from 0.96 and 183 from 184, never "0.000" or
// "70.0"; thousands grouped ("12,500") as people write money and rates.
std::string compact(double value)
{
    const double size = std::fabs(value);
    std::string text = number(value, size >= 100 || size == 0 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    const std::size_t digitsEnd = std::min(text.find('.'), text.size());
    const std::size_t digitsStart = text[0] == '-' ? 1 : 0;
    for (std::size_t at = digitsEnd; at > digitsStart + 3; at -= 3)
        text.insert(at - 3, ",");
    return text;
}

} // namespace

const std::vector<MetricSpec>& runMetrics()
{
    static const std::vector<MetricSpec> specs = {
        {"throughput_rps", "throughput", "rps"},
        {"mean_ms", "mean latency", "ms"},
        {"p50_ms", "p50 latency", "ms"},
        {"p95_ms", "p95 latency", "ms"},
        {"p99_ms", "p99 latency", "ms"},
        {"p999_ms", "p99.9 latency", "ms"},
        {"max_ms", "max latency", "ms"},
        {"error_rate", "error rate", "", true},
        {"timeout_rate", "timeout rate", "", true},
        {"rejected_rate", "rejected (503) rate", "", true},
        {"cost_per_hour", "cost per hour", "$"},
        {"cost_per_month", "cost per month", "$"},
    };
    return specs;
}

const std::vector<MetricSpec>& blockMetrics()
{
    static const std::vector<MetricSpec> specs = {
        {"utilization", "utilisation", "", true},
        {"mean_queue", "mean queue", ""},
        {"arrival_rps", "arrivals", "rps"},
        {"throughput_rps", "completed", "rps"},
        {"error_rate", "error rate", "", true},
        {"mean_ms", "mean time", "ms"},
        {"p95_ms", "p95 time", "ms"},
        {"p99_ms", "p99 time", "ms"},
        {"instances", "instances", ""},
        {"cost_per_hour", "cost per hour", "$"},
    };
    return specs;
}

const MetricSpec* metricSpec(const std::string& metric)
{
    const auto dot = metric.find('.');
    return dot == std::string::npos ? findIn(runMetrics(), metric) : findIn(blockMetrics(), metric.substr(dot + 1));
}

std::string metricRefusal(const std::string& metric, const Architecture& design)
{
    const auto dot = metric.find('.');
    if (dot == std::string::npos) {
        if (findIn(runMetrics(), metric))
            return {};
        return "unknown figure " + inQuotes(metric) + hint(metric, namesOf(runMetrics())) +
               "; a block's figure is written <block id>.<figure>";
    }
    const std::string id = metric.substr(0, dot), figure = metric.substr(dot + 1);
    if (!design.findBlock(id)) {
        std::vector<std::string> ids;
        for (const auto& block : design.blocks)
            ids.push_back(block.id);
        return "no block with id " + inQuotes(id) + hint(id, ids);
    }
    const bool word = !figure.empty() && std::all_of(figure.begin(), figure.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!word)
        return inQuotes(figure) + " is not a figure name (lower-case letters, digits and _)";
    return {};
}

std::string metricLabel(const std::string& metric, const Architecture& design)
{
    const auto dot = metric.find('.');
    const MetricSpec* spec = metricSpec(metric);
    if (dot == std::string::npos)
        return spec ? spec->label : metric;
    const Block* block = design.findBlock(metric.substr(0, dot));
    const std::string owner = block ? block->name : metric.substr(0, dot);
    return owner + ": " + (spec ? spec->label : metric.substr(dot + 1));
}

std::string formatMetric(const std::string& metric, double value)
{
    if (!std::isfinite(value))
        return "n/a";
    const MetricSpec* spec = metricSpec(metric);
    if (spec && spec->ratio)
        return compact(value * 100) + "%";
    if (spec && spec->unit == "$")
        return "$" + compact(value);
    return compact(value) + (spec && !spec->unit.empty() ? " " + spec->unit : "");
}

std::string formatEstimate(const std::string& metric, double mean, double halfWidth)
{
    if (!std::isfinite(mean))
        return "n/a";
    return formatMetric(metric, mean) + " ± " + (std::isfinite(halfWidth) ? formatMetric(metric, halfWidth) : "∞");
}

std::string formatDifference(const std::string& metric, double mean, double halfWidth)
{
    if (!std::isfinite(mean))
        return "n/a";
    // The sign in front of the unit: "-$141", never "$-141".
    const std::string sign = mean > 0 ? "+" : mean < 0 ? "-" : "";
    return sign + formatEstimate(metric, std::abs(mean), halfWidth);
}

std::string checkLabel(const Check& check, const Architecture& design)
{
    if (!check.label.empty())
        return check.label;
    std::string text = metricLabel(check.metric, design);
    if (check.min && check.max)
        return text + " between " + formatMetric(check.metric, *check.min) + " and " +
               formatMetric(check.metric, *check.max);
    if (check.min)
        return text + " >= " + formatMetric(check.metric, *check.min);
    if (check.max)
        return text + " <= " + formatMetric(check.metric, *check.max);
    return text;
}

} // namespace scalelab::model
