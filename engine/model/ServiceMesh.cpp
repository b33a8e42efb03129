#include "ServiceMesh.h"

namespace scalelab::model {

double sidecarMs(const Block& block)
{
    const auto found = block.params.find(kSidecarParam);
    return found == block.params.end() ? 0.0 : found->second;
}

double linkLatencyMs(const Architecture& design, const Link& link)
{
    double sidecars = 0;
    for (const std::string* end : {&link.from, &link.to})
        if (const Block* block = design.findBlock(*end))
            sidecars += sidecarMs(*block);
    return link.param("latency_ms") + sidecars / 2;
}

} // namespace scalelab::model
