#include "DurationText.h"

#include "MessageText.h"
#include "core/SimTime.h"

#include <charconv>
#include <cmath>

namespace scalelab::model {

std::optional<double> parseDurationSeconds(const std::string& text, std::string& error)
{
    struct Unit {
        const char* suffix;
        double seconds;
    };
    // Longest suffixes first so that "ms" is not read as "s".
    static constexpr Unit units[] = {{"ms", 1e-3}, {"s", 1}, {"m", 60}, {"h", 3600}, {"", 1}};
    for (const Unit& unit : units) {
        const std::string suffix = unit.suffix;
        if (text.size() <= suffix.size() || text.compare(text.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string number = text.substr(0, text.size() - suffix.size());
        double value = 0;
        auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
        if (ec != std::errc() || ptr != number.data() + number.size())
            continue;
        const double seconds = value * unit.seconds;
        if (!std::isfinite(seconds) || seconds < 0 || seconds > sim::kLongestSpanSeconds) {
            error = "duration " + inQuotes(text) + " must be between 0 and 10,000,000 seconds";
            return std::nullopt;
        }
        return seconds;
    }
    error = "cannot read " + inQuotes(text) + " as a duration (examples: 60s, 500ms, 5m, 1h)";
    return std::nullopt;
}

} // namespace scalelab::model
