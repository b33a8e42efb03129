#pragma once
// Writes the teaching sections of a .scalelab file in the shape
// TeachingReader reads (see there). Throws std::runtime_error for values no
// file can hold. ("interview" has its own writer: InterviewWriter.h.)
#include "model/Architecture.h"

#include <nlohmann/json.hpp>

namespace scalelab::io {

nlohmann::ordered_json libraryJson(const model::LibraryInfo& library);
nlohmann::ordered_json challengeJson(const model::Challenge& challenge, const model::Architecture& design);
nlohmann::ordered_json lessonJson(const model::Lesson& lesson, const model::Architecture& design);
nlohmann::ordered_json challengeLoadJson(const model::ChallengeLoad& load, const model::Architecture& design);

} // namespace scalelab::io
