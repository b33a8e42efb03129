#include "FanoutModel.h"

#include "model/Choices.h"

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
    if (mode == Write) {
        load.timelinesPerPost = (1 - share) * mean + share * celebrity;
    } else if (mode == Hybrid) {
        const double q = mean / (mean + 1);
        const double regularPushed = mean - std::pow(q, threshold + 1) * (threshold + 1 + mean);
        load.timelinesPerPost = (1 - share) * regularPushed + (celebrity <= threshold ? share * celebrity : 0.0);
    }
    load.mergedPerRead = mode == Read     ? block.param("followees_mean")
                         : mode == Hybrid ? block.param("celebrity_followees")
                                          : 0.0;
    return load;
}

} // namespace scalelab::blocks
