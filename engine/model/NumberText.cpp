#include "NumberText.h"

#include <cmath>
#include <cstdio>

namespace scalelab::model {

namespace {

std::string formatted(const char* format, double value)
{
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

// One decimal below 10, none above, and no ".0": 2.5k, 12k.
std::string trimmed(double value, const char* suffix)
{
    std::string text = formatted(value < 10 ? "%.1f" : "%.0f", value);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    return text + suffix;
}

} // namespace

std::string compactNumber(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1e6)
        return trimmed(value / 1e6, "M");
    if (magnitude >= 1e4)
        return trimmed(value / 1e3, "k");
    if (magnitude >= 1000) {
        std::string text = formatted("%.3f", value / 1000); // 1,234: a thousands separator, not a decimal
        text[text.find('.')] = ',';
        return text;
    }
    return formatted("%.4g", value);
}

std::string latencyText(double ms)
{
    if (ms >= 1000)
        return formatted("%.3g", ms / 1000) + " s";
    return formatted(ms < 10 ? "%.2g" : "%.3g", ms) + " ms";
}

std::string groupedNumber(unsigned long long value)
{
    const std::string digits = std::to_string(value);
    const size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    std::string text = digits.substr(0, lead);
    for (size_t at = lead; at < digits.size(); at += 3)
        text += "," + digits.substr(at, 3);
    return text;
}

} // namespace scalelab::model
