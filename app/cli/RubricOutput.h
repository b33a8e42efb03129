#pragma once
// `scalelab grade FILE --rubric [--json]`: the five dimensions, each
// criterion with its figure, 95% interval and run, the verdict and the
// weakest dimension with the lesson that teaches it.
#include "analysis/Rubric.h"

namespace scalelab::cli {

void printRubricTable(const model::Challenge& challenge, const analysis::RubricResult& result);
void printRubricJson(const model::Challenge& challenge, const analysis::RubricResult& result);

} // namespace scalelab::cli
