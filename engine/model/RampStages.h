#pragma once
// Ramp stages of a client's traffic profile, written as k6 users write
// them: "30s:1000, 1m:5000, 30s:0" means "move linearly to 1,000 rps over
// 30 s, then to 5,000 rps over a minute, then down to 0 over 30 s".
#include <string>
#include <vector>

namespace scalelab::model {

struct RampStage {
    double durationS = 0;
    double targetRps = 0;
};

// Parsed stages; on a malformed text, empty with `error` set.
std::vector<RampStage> parseRampStages(const std::string& text, std::string& error);
// The registry's rule for ramp_stages: "" when `text` parses.
std::string rampStagesRule(const std::string& text);

} // namespace scalelab::model
