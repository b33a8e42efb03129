#pragma once
// Pieces of the loader's error messages and of the writer's numbers, shared
// by every part of the .scalelab format (design, faults, library, challenge,
// lesson) so that all of them quote, clip and format the same way.
#include "model/MessageText.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace scalelab::io {

using model::clip;
using model::inQuotes;
// JSON paths: child("blocks[2]", "params") == "blocks[2].params".
std::string child(const std::string& path, const std::string& key);
std::string element(const std::string& path, std::size_t index);
std::string formatNumber(double value);
std::string listed(const std::vector<std::string>& words);
using model::didYouMean;
// A value as a message shows it: a quoted string, else its JSON type name.
std::string describe(const nlohmann::json& value);

// Whole numbers as integers ("workers": 8, not 8.0) for the people who read
// and diff these files. Throws std::runtime_error naming `what` for a
// non-finite value, which no JSON file can hold.
nlohmann::ordered_json numberJson(double value, const std::string& what);

} // namespace scalelab::io
