#include "LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace scalelab::stats {

namespace {

// 2^7 sub-buckets per power of two; values below 2 * 128 are exact.
constexpr int kSubBucketBits = 7;
constexpr size_t kSubBuckets = size_t{1} << kSubBucketBits;
constexpr size_t kExactBuckets = 2 * kSubBuckets;

int bucketShift(size_t index)
{
    return index < kExactBuckets ? 0 : static_cast<int>(index / kSubBuckets) - 1;
}

} // namespace

LatencyHistogram::LatencyHistogram(int64_t highestTrackable)
    : m_highestTrackable(std::max(highestTrackable, static_cast<int64_t>(kExactBuckets) - 1))
{
    m_counts.assign(bucketIndex(m_highestTrackable) + 1, 0);
}

int64_t LatencyHistogram::bucketLowest(size_t index)
{
    if (index < kExactBuckets)
        return static_cast<int64_t>(index);
    const int shift = bucketShift(index);
    return static_cast<int64_t>((index % kSubBuckets + kSubBuckets) << shift);
}

int64_t LatencyHistogram::bucketHighest(size_t index)
{
    // lowest + (width - 1): the top bucket ends exactly at INT64_MAX.
    return bucketLowest(index) + ((int64_t{1} << bucketShift(index)) - 1);
}

void LatencyHistogram::merge(const LatencyHistogram& other)
{
    if (other.m_count == 0)
        return;
    // Bucket boundaries do not depend on the range, so index i means the
    // same values in both; only other's buckets beyond our top need folding.
    const size_t shared = std::min(m_counts.size(), other.m_counts.size());
    for (size_t i = 0; i < shared; ++i)
        m_counts[i] += other.m_counts[i];
    for (size_t i = shared; i < other.m_counts.size(); ++i)
        m_counts.back() += other.m_counts[i];
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void LatencyHistogram::reset()
{
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_count = 0;
    m_sum = 0;
    m_min = INT64_MAX;
    m_max = 0;
}

double LatencyHistogram::mean() const
{
    if (m_count == 0)
        return 0.0;
    // Whole part in integers, so only the fraction is ever rounded.
    const Sum whole = m_sum / m_count;
    const Sum remainder = m_sum % m_count;
    return static_cast<double>(whole) + static_cast<double>(remainder) / static_cast<double>(m_count);
}

int64_t LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return 0;
    // !(q > 0) also sends NaN to the minimum rather than to an arbitrary bucket.
    if (!(q > 0))
        return m_min;
    if (q >= 1)
        return m_max;
    // Nearest rank: the smallest value with at least q*n values at or below it.
    const auto rank = std::clamp<uint64_t>(static_cast<uint64_t>(std::ceil(q * static_cast<double>(m_count))),
                                           1, m_count);
    uint64_t seen = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank) {
            const int64_t lowest = bucketLowest(i);
            const int64_t middle = lowest + (bucketHighest(i) - lowest) / 2;
            return std::clamp(middle, m_min, m_max);
        }
    }
    return m_max; // unreachable: the counts sum to m_count
}

} // namespace scalelab::stats
