#include "JsonText.h"

#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>

namespace scalelab::io {

using nlohmann::json;
using nlohmann::ordered_json;



std::string child(const std::string& path, const std::string& key)
{
    return path.empty() ? clip(key) : path + "." + clip(key);
}

std::string element(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

std::string listed(const std::vector<std::string>& words)
{
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : ", ") + word;
    return text;
}

std::string describe(const json& value)
{
    return value.is_string() ? inQuotes(value.get<std::string>()) : value.type_name();
}

ordered_json numberJson(double value, const std::string& what)
{
    if (!std::isfinite(value))
        throw std::runtime_error(what + " is not a finite number");
    // Below 2^53 a whole double is exactly an integer.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return static_cast<std::int64_t>(value);
    return value;
}

} // namespace scalelab::io
