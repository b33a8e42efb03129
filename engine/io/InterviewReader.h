#pragma once
// Reads a design's "interview" section, by the same rules and with the same
// errors (file, JSON path, rule) as the design itself:
//
//   "interview": {"prompt", "source", "minutes": 45, "requirements": ["..."],
//                 "envelope": {"daily_users", "requests_per_user_per_day", "peak_factor",
//                              "write_share", "bytes_per_write", "latency_ms",
//                              "concurrency_per_server"},
//                 "functional": ["..."], "non_functional": ["..."],
//                 "scale": {"daily_users", "peak_rps", "read_share", "storage_gb"},
//                 "constraints": ["..."], "budget_per_month": 1500,
//                 "hints": ["a nudge", "the pattern's name", "the fix"],
//                 "guide": {"estimation": "...", "api": "...", "data_model": "..."},
//                 "changes": [{"at_minute": 25, "announcement": "...",
//                              "load": {...a challenge load...}}],
//                 "notes": {"requirements": "...", ..., "deep_dive": "..."}}
//
// Every key but "prompt" is optional. A change's load names blocks and
// parameters of the design, like a challenge's loads.
#include "DesignReader.h"
#include "model/Architecture.h"

#include <nlohmann/json.hpp>

#include <string>

namespace scalelab::io {

model::Interview readInterview(const DesignReader& reader, const nlohmann::json& value, const std::string& path,
                               const model::Architecture& design);

} // namespace scalelab::io
