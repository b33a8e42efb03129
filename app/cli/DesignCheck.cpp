#include "DesignCheck.h"

#include "CliOutput.h"
#include "model/Validator.h"

#include <cstdio>

namespace scalelab::cli {

std::optional<int> refuseInvalidDesign(const model::Architecture& design, const std::string& path)
{
    bool refused = false;
    for (const model::Problem& problem : model::validate(design))
        if (problem.isError()) {
            std::fprintf(stderr, "scalelab: %s: %s\n", baseName(path).c_str(),
                         model::describeProblem(problem).c_str());
            refused = true;
        }
    return refused ? std::optional<int>(kExitFailure) : std::nullopt;
}

} // namespace scalelab::cli
