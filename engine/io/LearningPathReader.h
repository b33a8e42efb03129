#pragma once
// Reads resources/path/learning-path.json:
//
//   {"format": "scalelab-learning-path", "version": 1,
//    "tiers": [{"id": "foundations", "title": "Foundations",
//               "steps": [{"id": "lesson:caching", "kind": "lesson", "ref": "caching",
//                          "title": "...", "why": "one sentence",
//                          "requires": ["lesson:golden-rule"]}]}, ...]}
//
// Rules (each broken one is a LoadError naming the file, the JSON path and
// the rule): the four tiers in order foundations, intermediate, advanced,
// expert; a step's id is "<kind>:<ref>" and unique; kind is lesson,
// tradeoff, challenge or interview; "requires" names steps of the same or
// an earlier tier, never the step itself, and the requirements form no
// cycle. Whether a ref names a bundled file is the app's to check (the
// engine does not see the resources); LearningPathTest checks it.
#include "model/LearningPath.h"

#include <string>

namespace scalelab::io {

// Throws LoadError.
model::LearningPath parseLearningPath(const std::string& text, const std::string& fileName);

} // namespace scalelab::io
