#pragma once
// Durations as people type them: "90", "90s", "1.5m", "2h", "250ms" (a bare
// number is seconds). Used by the CLI's --duration and by ramp stages.
#include <optional>
#include <string>

namespace scalelab::model {

// Seconds, or nullopt with `error` saying why (negative, not a duration, too long).
std::optional<double> parseDurationSeconds(const std::string& text, std::string& error);

} // namespace scalelab::model
