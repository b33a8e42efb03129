#pragma once
// Reads the teaching sections of a .scalelab file, by the same rules and
// with the same errors (file, JSON path, rule) as the design itself:
//
//   "library":   {"topic": "Caching", "what_to_try": "...", "order": 2}
//   "challenge": {"title", "brief", "level": 1-5, "duration_s", "warmup_s",
//                 "replications", "traffic": {"users.rate_rps": 1000},
//                 "allowed_kinds": ["service", ...],
//                 "goals": [{"metric": "p95_ms", "max": 200, "loads": ["stated"]}],
//                 "loads": [{"name": "spike", "hidden": true,
//                            "set": {"users.rate_rps": 3000}, "faults": [...]}]}
//   "lesson":    {"title", "family", "steps": [{"title", "explain", "instruction",
//                 "check": {"metric": "db.utilization", "max": 0.6, "on": "run"},
//                 "apply": [{"set": "db.instances", "value": 3},
//                           {"add_block": {...block...}}, {"remove_block": "id"},
//                           {"add_link": {"from", "to", "params"}},
//                           {"remove_link": {"from", "to"}},
//                           {"fault": {...fault, no at_s...}}, {"command": "cache.flush"}]}]}
//
// ("interview" has its own reader: InterviewReader.h.)
// Ids, parameters and metrics are checked against the design; a lesson's
// later steps may name blocks its earlier steps add.
#include "DesignReader.h"
#include "model/Architecture.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace scalelab::io {

model::LibraryInfo readLibrary(const DesignReader& reader, const nlohmann::json& value, const std::string& path);
model::Challenge readChallenge(const DesignReader& reader, const nlohmann::json& value, const std::string& path,
                               const model::Architecture& design);
model::Lesson readLesson(const DesignReader& reader, const nlohmann::json& value, const std::string& path,
                         const model::Architecture& design);
// One of a challenge's loads: {"name", "hidden", "set": {...}, "faults": [...]}.
model::ChallengeLoad readChallengeLoad(const DesignReader& reader, const nlohmann::json& value,
                                       const std::string& path, const model::Architecture& design);
std::vector<std::string> stringList(const DesignReader& reader, const nlohmann::json& value, const std::string& path);

} // namespace scalelab::io
