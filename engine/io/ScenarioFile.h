#pragma once
// The .scalelab file: a versioned JSON document holding one design.
//
//   {"format": "scalelab", "version": 1, "name": "...", "description": "...",
//    "blocks": [{"id", "kind", "name", "region", "x", "y", "params": {...}}],
//    "links":  [{"from", "to", "params": {...}}],
//    "ui": {...}}
//
// Reading guarantees: a design comes back complete (every registry parameter
// of every block and link has a value; missing ones take the default) or not
// at all (LoadError naming the file, the JSON path and the rule broken).
// Files come from strangers, so the reader bounds its cost before trusting
// the content: at most kMaxScenarioBytes, nesting at most kMaxScenarioDepth
// (checked by a linear scan before anything is built; deeper documents would
// overflow the stack of code that walks them recursively),
// numbers must be finite doubles. Loading is O(n log n) in the file size.
//
// What the reader does NOT check: call cycles, blocks without targets and
// other design problems the editor must be able to open and show; those are
// model::validate's job.
//
// Writing is atomic: the file is written beside the target, flushed to disk
// and renamed over it, so a crash or a full disk never leaves half a design.
#include "model/Architecture.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace scalelab::io {

inline constexpr int kScenarioVersion = 1;
inline constexpr std::size_t kMaxScenarioBytes = 16 * 1024 * 1024;
inline constexpr int kMaxScenarioDepth = 64;

// The text of the file at `path`, refused (LoadError) when it is not a
// regular file or larger than kMaxScenarioBytes. For every JSON file the
// app reads (designs, trade-off cards...).
std::string readBoundedFile(const std::string& path);
// JSON text parsed under the same bounds as a design (size, nesting, syntax
// errors with line and column). Throws LoadError.
nlohmann::json parseBoundedJson(const std::string& text, const std::string& fileNameForErrors);

// Throws LoadError.
model::Architecture readScenario(const std::string& path);
// `fileNameForErrors` prefixes every message (its base name only). Throws LoadError.
model::Architecture parseScenario(const std::string& text, const std::string& fileNameForErrors);

// Throws std::runtime_error ("<file>: cannot save: <reason>") and leaves any
// existing file at `path` untouched.
void writeScenario(const model::Architecture& architecture, const std::string& path);
// Pretty JSON (2-space indent, fixed key order, parameters in registry order)
// so that saved designs diff well. Enum parameters are written as their choice
// name, bools as true/false. `uiJson` must hold a JSON object.
// parseScenario(serializeScenario(a)) == a for every design that loads, i.e.
// whose values are in range and whose uiJson is in the reader's canonical form
// (nlohmann's compact dump, keys sorted; the default "{}" is).
// Throws std::runtime_error for values no file can hold (non-finite numbers,
// unknown kinds, enum values without a choice, uiJson that is not an object).
std::string serializeScenario(const model::Architecture& architecture);

} // namespace scalelab::io
