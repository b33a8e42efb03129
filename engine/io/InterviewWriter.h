#pragma once
// Writes a design's "interview" section in the shape InterviewReader reads
// (see there), leaving out what is empty. Throws std::runtime_error for
// values no file can hold.
#include "model/Architecture.h"

#include <nlohmann/json.hpp>

namespace scalelab::io {

nlohmann::ordered_json interviewJson(const model::Interview& interview, const model::Architecture& design);

} // namespace scalelab::io
