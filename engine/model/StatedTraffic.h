#pragma once
// The design a challenge is played and graded at: its stated traffic (the
// challenge's "traffic" overrides) set on top of whatever the file's blocks
// say. The grader runs every load from this design, and the window starts
// Play from it, so "what the grader uses" and "what Play runs" are one
// function rather than two readings of the challenge.
#include "Architecture.h"

#include <string>

namespace scalelab::model {

struct OverrideError {
    std::string target;  // "users.rate_rps"
    std::string message; // the ParamTarget lookup's reason
};

// Sets every override on `design`; stops at the first one that cannot be set
// (its block was removed or is of another kind) and says which.
std::optional<OverrideError> applyOverrides(Architecture& design, const ParamOverrides& overrides);

// Sets the design's challenge's stated traffic on `design` (nothing without a challenge).
std::optional<OverrideError> applyStatedTraffic(Architecture& design);

// True when `design` already runs at its challenge's stated traffic (or has no challenge).
bool runsStatedTraffic(const Architecture& design);

// "Users: 600 rps" for each stated override, with the registry's label and
// unit; empty without a challenge or stated traffic.
std::string statedTrafficText(const Architecture& design);

} // namespace scalelab::model
