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

} // namespace scalelab::model
