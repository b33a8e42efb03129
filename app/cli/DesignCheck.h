#pragma once
// The one place the CLI turns validation problems into messages: every
// error of a design the user named is printed as the loader prints a bad
// file, with the file and the JSON path in front:
//   scalelab: shop.scalelab: blocks[2].params.rate_rps (web): Request rate must be <= ...
// so the 278 validator messages need not each know about files or paths.
#include "model/Architecture.h"

#include <optional>
#include <string>

namespace scalelab::cli {

// Prints each error of `design` (loaded from `path`, overrides applied) on
// its own line and returns kExitFailure; nullopt when it has none.
std::optional<int> refuseInvalidDesign(const model::Architecture& design, const std::string& path);

} // namespace scalelab::cli
