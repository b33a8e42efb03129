#pragma once
// Parsing of the small value languages the CLI accepts: durations such as
// "60s" or "500ms", and `--set ID.PARAM=VALUE` overrides checked against the
// registry. Each returns a message naming the rule broken instead of throwing.
#include "model/Architecture.h"
#include "core/SimTime.h"

#include <optional>
#include <string>

namespace scalelab::cli {

// "90", "90s", "1.5m", "2h", "250ms" -> simulated time. Plain numbers are seconds.
std::optional<sim::SimTime> parseDuration(const std::string& text, std::string& error);

// Applies "ID.PARAM=VALUE", or "FROM->TO.PARAM=VALUE" for a link, to the design;
// returns an error message or "".
std::string applyOverride(model::Architecture& architecture, const std::string& assignment);

} // namespace scalelab::cli
