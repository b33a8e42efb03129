#include "FanoutModel.h"

#include "model/Choices.h"

#include <algorithm>
#include <cmath>

namespace scalelab::blocks {

FanoutLoad fanoutLoad(const model::Block& block)
{
    using enum model::FanoutMode;
    const auto mode = block.choice<model::FanoutMode>("mode");
    const double share = block.param("celebrity_share");
    const double mean = block.param("followers_mean");
    const double celebrity = block.param("celebrity_followers");
    const double threshold = block.param("hybrid_threshold");
    FanoutLoad load;
    // The followers a regular account has that the threshold pushes: E[K; K <= T].
    const double q = mean / (mean + 1);
    const double regularPushed = mean - std::pow(q, threshold + 1) * (threshold + 1 + mean);
    if (mode == Write)
        load.timelinesPerPost = (1 - share) * mean + share * celebrity;
    else if (mode == Hybrid)
        load.timelinesPerPost = (1 - share) * regularPushed + (celebrity <= threshold ? share * celebrity : 0.0);
    if (mode == Read) {
        load.mergedPerRead = block.param("followees_mean");
    } else if (mode == Hybrid) {
        // A reader follows an account in proportion to its followers, so the
        // share of a reader's regular followees above the threshold is the
        // size-biased tail E[K; K > T] / m: lower the threshold and reads
        // merge more timelines while the writers push fewer.
        const double celebrities = celebrity > threshold ? block.param("celebrity_followees") : 0.0;
        const double regulars = std::max(0.0, block.param("followees_mean") - block.param("celebrity_followees"));
        const double tail = mean > 0 ? (mean - regularPushed) / mean : 0.0;
        load.mergedPerRead = celebrities + regulars * tail;
    }
    return load;
}

} // namespace scalelab::blocks
