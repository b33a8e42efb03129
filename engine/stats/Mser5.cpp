#include "Mser5.h"

#include <algorithm>
#include <limits>

namespace scalelab::stats {

Mser5Result mser5(const std::vector<double>& observations)
{
    Mser5Result result;
    const size_t k = observations.size() / kMserBatchSize;
    result.batches = k;
    if (k < 2)
        return result;

    std::vector<double> batch(k, 0.0);
    for (size_t j = 0; j < k; ++j) {
        for (size_t i = 0; i < kMserBatchSize; ++i)
            batch[j] += observations[j * kMserBatchSize + i];
        batch[j] /= static_cast<double>(kMserBatchSize);
    }

    // Suffix sums of Z and Z^2 give each candidate's sum of squares in O(1).
    // Shifting by the overall mean first keeps the difference of the two sums
    // from cancelling catastrophically when the values are large and close.
    double shift = 0;
    for (double z : batch)
        shift += z;
    shift /= static_cast<double>(k);
    std::vector<double> sum(k + 1, 0.0), squares(k + 1, 0.0);
    for (size_t j = k; j-- > 0;) {
        const double z = batch[j] - shift;
        sum[j] = sum[j + 1] + z;
        squares[j] = squares[j + 1] + z * z;
    }

    const size_t lastCandidate = k / 2;
    double best = std::numeric_limits<double>::infinity();
    size_t bestD = 0;
    for (size_t d = 0; d <= lastCandidate; ++d) {
        const double remaining = static_cast<double>(k - d);
        const double sumOfSquares = std::max(0.0, squares[d] - sum[d] * sum[d] / remaining);
        const double statistic = sumOfSquares / (remaining * remaining);
        if (statistic < best) {
            best = statistic;
            bestD = d;
        }
    }
    result.truncated = bestD * kMserBatchSize;
    result.statistic = best;
    result.atLimit = bestD == lastCandidate && lastCandidate > 0;
    return result;
}

} // namespace scalelab::stats
