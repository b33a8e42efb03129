#pragma once
// Semantic checks of a whole design: parameter ranges, link rules, cycles.
// The file loader reports structural errors itself; these are the problems a
// well-formed design can still have while the user edits it.
#include "Architecture.h"
#include "Problem.h"

#include <vector>

namespace scalelab::model {

std::vector<Problem> validate(const Architecture& architecture);
bool hasErrors(const std::vector<Problem>& problems);
// One line naming where and what: "blocks[2].params.rate_rps (web): Request
// rate must be <= 10000000, got 2e+07". A CLI puts the file name in front,
// as the loader's errors have it.
std::string describeProblem(const Problem& problem);

// Virtual users one simulated cell may hold at once in the closed model: each
// keeps a request, its calls and an event alive, about 350 bytes, so a
// million stay well inside a run's memory budget (sim/MemoryBudget.h).
inline constexpr double kMaxVirtualUsersPerCell = 1'000'000;

} // namespace scalelab::model
