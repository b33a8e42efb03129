#include "RampStages.h"

#include "DurationText.h"
#include "MessageText.h"
#include "Trimmed.h"

#include <charconv>
#include <cmath>

namespace scalelab::model {

std::vector<RampStage> parseRampStages(const std::string& text, std::string& error)
{
    std::vector<RampStage> stages;
    for (const std::string& item : listItems(text)) {
        const size_t colon = item.find(':');
        if (colon == std::string::npos) {
            error = "stage " + inQuotes(item) + " must be DURATION:RPS, e.g. 30s:1000";
            return {};
        }
        const auto duration = parseDurationSeconds(trimmed(item.substr(0, colon)), error);
        if (!duration)
            return {};
        const std::string rate = trimmed(item.substr(colon + 1));
        double target = 0;
        auto [ptr, ec] = std::from_chars(rate.data(), rate.data() + rate.size(), target);
        if (ec != std::errc() || ptr != rate.data() + rate.size() || !std::isfinite(target) || target < 0 ||
            target > 1e8) {
            error = "stage " + inQuotes(item) + ": the target must be a rate from 0 to 100,000,000 rps";
            return {};
        }
        stages.push_back({*duration, target});
        if (stages.size() > 100) {
            error = "at most 100 stages";
            return {};
        }
    }
    return stages;
}

std::string rampStagesRule(const std::string& text)
{
    std::string error;
    parseRampStages(text, error);
    return error;
}

} // namespace scalelab::model
