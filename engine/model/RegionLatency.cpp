#include "RegionLatency.h"

#include "MessageText.h"
#include "Trimmed.h"

#include <cstdlib>
#include <sstream>

namespace scalelab::model {

namespace {

std::pair<std::string, std::string> ordered(const std::string& a, const std::string& b)
{
    return a < b ? std::pair(a, b) : std::pair(b, a);
}

} // namespace

RegionLatency parseRegionLatency(const std::string& text, std::string& error)
{
    RegionLatency matrix;
    std::istringstream entries(text);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
        entry = trimmed(entry);
        if (entry.empty())
            continue;
        const size_t slash = entry.find('/'), equals = entry.find('=');
        if (slash == std::string::npos || equals == std::string::npos || equals < slash) {
            error = "entry " + inQuotes(entry) + " is not REGION/REGION=MS, e.g. us-east/eu-west=80";
            return {};
        }
        const std::string a = trimmed(entry.substr(0, slash)), b = trimmed(entry.substr(slash + 1, equals - slash - 1));
        const std::string number = trimmed(entry.substr(equals + 1));
        char* end = nullptr;
        const double ms = std::strtod(number.c_str(), &end);
        if (a.empty() || b.empty() || number.empty() || *end != '\0' || !(ms >= 0 && ms <= 60'000)) {
            error = "entry " + inQuotes(entry) + " needs two region names and a latency from 0 to 60000 ms";
            return {};
        }
        matrix[ordered(a, b)] = ms;
    }
    error.clear();
    return matrix;
}

std::string regionLatencyRule(const std::string& text)
{
    std::string error;
    parseRegionLatency(text, error);
    return error;
}

double regionLatencyMs(const RegionLatency& matrix, const std::string& a, const std::string& b, double fallbackMs)
{
    if (a == b || a.empty() || b.empty())
        return 0;
    auto it = matrix.find(ordered(a, b));
    return it == matrix.end() ? fallbackMs : it->second;
}

} // namespace scalelab::model
