#include "MinMaxDecimation.h"

#include <algorithm>
#include <cmath>

namespace scalelab::widgets::decimation {

std::vector<size_t> minMaxRows(size_t first, size_t last, int buckets, int seriesCount,
                               const std::function<double(size_t row)>& key,
                               const std::function<double(size_t row, int series)>& value)
{
    std::vector<size_t> picked;
    if (first >= last)
        return picked;
    const auto series = static_cast<size_t>(std::max(0, seriesCount));
    const double from = key(first);
    const double span = key(last - 1) - from;
    const int bucketCount = std::max(1, buckets);
    constexpr size_t kNone = static_cast<size_t>(-1);
    // Per series: the rows of the slice's minimum, maximum and first gap.
    std::vector<size_t> lowest(series, kNone), highest(series, kNone), gap(series, kNone);
    std::vector<double> low(series), high(series);
    std::vector<size_t> slice;
    slice.reserve(3 * series + 1);
    auto flush = [&] {
        slice.clear();
        for (size_t s = 0; s < series; ++s)
            for (size_t row : {lowest[s], highest[s], gap[s]})
                if (row != kNone)
                    slice.push_back(row);
        std::sort(slice.begin(), slice.end());
        slice.erase(std::unique(slice.begin(), slice.end()), slice.end());
        picked.insert(picked.end(), slice.begin(), slice.end());
        std::fill(lowest.begin(), lowest.end(), kNone);
        std::fill(highest.begin(), highest.end(), kNone);
        std::fill(gap.begin(), gap.end(), kNone);
    };
    int current = -1;
    for (size_t row = first; row < last; ++row) {
        const double position = span > 0 ? (key(row) - from) / span : 0;
        const int bucket = std::clamp(static_cast<int>(position * bucketCount), 0, bucketCount - 1);
        if (bucket != current) {
            if (current >= 0)
                flush();
            current = bucket;
        }
        for (size_t s = 0; s < series; ++s) {
            const double v = value(row, static_cast<int>(s));
            if (!std::isfinite(v)) {
                if (gap[s] == kNone)
                    gap[s] = row;
                continue;
            }
            if (lowest[s] == kNone || v < low[s]) {
                lowest[s] = row;
                low[s] = v;
            }
            if (highest[s] == kNone || v > high[s]) {
                highest[s] = row;
                high[s] = v;
            }
        }
    }
    flush();
    return picked;
}

} // namespace scalelab::widgets::decimation
