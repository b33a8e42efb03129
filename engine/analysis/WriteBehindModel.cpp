#include "WriteBehindModel.h"

#include <algorithm>
#include <cmath>

namespace scalelab::analysis {

WriteBehindFigures writeBehind(double writesPerSecond, int batchSize, double flushIntervalS)
{
    WriteBehindFigures figures;
    if (!(writesPerSecond > 0))
        return figures;
    const double m = writesPerSecond * std::max(0.0, flushIntervalS);
    // S_j = P(N >= j) = 1 - P(N <= j - 1), the pmf summed up in log space.
    double below = 0; // P(N <= j - 1)
    double rows = 1, first = 0, second = 0;
    for (int j = 1; j < batchSize; ++j) {
        const double k = j - 1;
        below += m > 0 ? std::exp(-m + k * std::log(m) - std::lgamma(k + 1)) : (k == 0 ? 1.0 : 0.0);
        const double survival = std::clamp(1.0 - below, 0.0, 1.0);
        if (survival < 1e-18 && k > m)
            break; // the rest add nothing
        rows += survival;
        first += j * survival;
        second += double(j) * j * survival;
    }
    figures.rowsPerBatch = rows;
    figures.batchesPerSecond = writesPerSecond / rows;
    figures.meanUnflushed = first / rows;
    figures.unflushedSd = std::sqrt(std::max(0.0, second / rows - figures.meanUnflushed * figures.meanUnflushed));
    return figures;
}

} // namespace scalelab::analysis
