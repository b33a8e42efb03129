#include "ResponseMix.h"

namespace scalelab::analysis {

double mixByTraffic(const BlockPlan& here, double readMs, double writeMs)
{
    const double arrivals = here.arrivalRps();
    if (arrivals <= 0)
        return readMs;
    return ((here.readRps > 0 ? here.readRps * readMs : 0) + (here.writeRps > 0 ? here.writeRps * writeMs : 0)) /
           arrivals;
}

void setResponses(BlockPlan& here, double readMs, double writeMs)
{
    here.readResponseMs = readMs;
    here.writeResponseMs = writeMs;
    here.responseMs = mixByTraffic(here, readMs, writeMs);
}

} // namespace scalelab::analysis
