#pragma once
// The design's parts as the .scalelab file writes them: parameters in
// registry order, enums as their choice name, bools as true/false, whole
// numbers as integers. Shared by the design and its teaching sections.
// Every function throws std::runtime_error naming the part for a value no
// file can hold (non-finite number, enum value without a choice, unknown kind).
#include "model/Architecture.h"
#include "model/ParamSpec.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace scalelab::io {

nlohmann::ordered_json paramJson(const model::ParamSpec& spec, double value, const std::string& what);
nlohmann::ordered_json paramsJson(const std::vector<model::ParamSpec>& specs, const model::ParamValues& values,
                                  const std::string& owner, const model::TextValues& texts = {});
nlohmann::ordered_json blockJson(const model::Block& block);
nlohmann::ordered_json linkJson(const model::Link& link);
// `withTime` false for faults injected at once (lesson edits).
nlohmann::ordered_json faultJson(const model::Fault& fault, bool withTime = true);

} // namespace scalelab::io
