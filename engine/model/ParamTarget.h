#pragma once
// "<block id>.<parameter>": how `--set`, challenge loads, lesson edits and
// the grader name one parameter of one block. One lookup and one set of
// messages for all of them.
#include "Architecture.h"
#include "ParamSpec.h"

#include <string>

namespace scalelab::model {

enum class TextParams { Allowed, Refused };

struct ParamTarget {
    std::string blockId;
    std::string key;
    const ParamSpec* param = nullptr; // null when `error` says why
    std::string error;
    explicit operator bool() const { return param != nullptr; }
};

// Resolves `target` against the blocks of `design` and the registry. The
// error reads `must be written <block id>.<parameter>, got "x"`,
// `no block with id "x" (did you mean "y"?)` or
// `a service has no parameter "x" (did you mean "y"?)`.
ParamTarget findParamTarget(const Architecture& design, const std::string& target,
                            TextParams text = TextParams::Refused);

// Sets a numeric parameter named by `target`; returns "" or the lookup's error.
std::string setParam(Architecture& design, const std::string& target, double value);

} // namespace scalelab::model
