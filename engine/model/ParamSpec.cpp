#include "ParamSpec.h"

#include "MessageText.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace scalelab::model {

const char* paramTypeName(ParamType type)
{
    switch (type) {
    case ParamType::Int: return "integer";
    case ParamType::Double: return "number";
    case ParamType::Bool: return "boolean";
    case ParamType::Enum: return "choice";
    case ParamType::Duration: return "duration";
    case ParamType::Rate: return "rate";
    case ParamType::Text: return "text";
    }
    return "number";
}

std::optional<int> ParamSpec::choiceIndex(const std::string& name) const
{
    for (size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == name)
            return static_cast<int>(i);
    return std::nullopt;
}

std::string ParamSpec::choiceName(double value) const
{
    const auto index = static_cast<long long>(value);
    if (index < 0 || index >= static_cast<long long>(choices.size()))
        return {};
    return choices[static_cast<size_t>(index)];
}

static std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

std::string ParamSpec::checkValue(double value) const
{
    if (!std::isfinite(value))
        return "must be a finite number";
    if (isIntegral() && value != std::floor(value))
        return "must be a whole number, got " + formatNumber(value);
    if (type == ParamType::Enum) {
        if (value < 0 || value >= static_cast<double>(choices.size()))
            return "must be one of the listed choices";
        return {};
    }
    if (value < min)
        return "must be >= " + formatNumber(min) + ", got " + formatNumber(value);
    if (value > max)
        return "must be <= " + formatNumber(max) + ", got " + formatNumber(value);
    return {};
}

std::optional<double> ParamSpec::parseValue(const std::string& text, std::string& error) const
{
    if (type == ParamType::Enum) {
        if (auto index = choiceIndex(text))
            return *index;
        if (choiceRule)
            if (error = choiceRule(text); !error.empty())
                return std::nullopt;
        std::string list;
        for (const auto& choice : choices)
            list += (list.empty() ? "" : ", ") + choice;
        error = "must be one of " + list + ", got " + inQuotes(text);
        return std::nullopt;
    }
    if (type == ParamType::Bool) {
        if (text == "true" || text == "1" || text == "on")
            return 1.0;
        if (text == "false" || text == "0" || text == "off")
            return 0.0;
        error = "must be true or false, got " + inQuotes(text);
        return std::nullopt;
    }
    double value = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end) {
        error = std::string("must be a ") + paramTypeName(type) + ", got " + inQuotes(text);
        return std::nullopt;
    }
    error = checkValue(value);
    if (!error.empty())
        return std::nullopt;
    return value;
}

std::string ParamSpec::formatValue(double value) const
{
    if (type == ParamType::Enum)
        return choiceName(value);
    if (type == ParamType::Bool)
        return value != 0 ? "true" : "false";
    return formatNumber(value);
}

} // namespace scalelab::model
