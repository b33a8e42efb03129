#pragma once
#include <string>

namespace scalelab::model {

// One finding of validation, shown as a red badge on the canvas, in the
// Problems dock and by the CLI. A design with any error does not run.
struct Problem {
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    std::string blockId; // empty for design-wide problems
    std::string param;   // empty when not about one parameter
    std::string message;
    // Where the problem sits in the .scalelab file, as the loader's errors
    // name it: "blocks[2].params.rate_rps", "links[0]", "scale.cells";
    // empty for the design as a whole. Set by validate() for every problem.
    std::string path = {};

    bool isError() const { return severity == Severity::Error; }
};

} // namespace scalelab::model
