#pragma once
// Log-linear (HDR-style) histogram of latencies in integer nanoseconds: every
// block keeps one per measurement window, so it must be cheap to fill, cheap
// to merge and small.
//
// Layout: values 0..255 each have their own bucket (exact). Above that, each
// power of two [2^e, 2^(e+1)) is split into 128 equal sub-buckets of width
// 2^(e-7), so a bucket is never wider than 1/128 of its lower bound.
//
// Guarantees
//   - quantile(q) is the midpoint of the bucket holding the nearest-rank
//     sample (rank ceil(q*n)), clamped to [min, max]: its relative error
//     against that sample is at most 1/256 (0.39%), for any value up to
//     highestTrackable(). quantile(0) == min(), quantile(1) == max() exactly.
//   - count, min, max are exact; so is the running sum (a 128-bit integer:
//     a double would start rounding once the sum passes 2^53 ns, 104 days of
//     summed latency), so mean is the exact mean up to one double rounding.
//   - Negative values are recorded as 0. Values above highestTrackable() are
//     counted in the top bucket (their quantiles lose the bound) but still
//     update max and mean exactly.
//
// Cost
//   - record: O(1), a few shifts and one increment, never allocates.
//   - quantile: O(bucketCount()), a scan of the counts.
//   - merge: O(bucketCount()). reset: O(bucketCount()).
//   - memory: 8 bytes per bucket, fixed at construction. The default range
//     (to 2^42 ns, about 73 min) has 4609 buckets = 36 KiB; the full int64
//     range would have 7296 buckets = 57 KiB.
//
// Not thread-safe: one writer, readers only after it is done (or merge
// per-thread histograms).
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scalelab::stats {

class LatencyHistogram {
    __extension__ typedef unsigned __int128 Sum;

public:
    // Largest relative error of quantile() for values within range.
    static constexpr double kRelativeError = 1.0 / 256.0;
    static constexpr int64_t kDefaultHighestTrackable = int64_t{1} << 42;

    // Buckets cover 0..highestTrackable (at least 255, however small the
    // argument); allocated here, once.
    explicit LatencyHistogram(int64_t highestTrackable = kDefaultHighestTrackable);

    void record(int64_t ns) noexcept;
    // `count` values of `ns` at once: a weighted sample (run/ShardSampling.h
    // gives a request a whole-number weight). Quantiles then are those of
    // the weighted distribution.
    void record(int64_t ns, uint64_t count) noexcept;
    // Adds every value recorded into `other`. Histograms of different ranges
    // merge exactly where they overlap; other's excess goes to our top bucket.
    void merge(const LatencyHistogram& other);
    void reset();

    uint64_t count() const { return m_count; }
    // 0 when empty, like min(), max() and quantile().
    double mean() const;
    int64_t min() const { return m_count ? m_min : 0; }
    int64_t max() const { return m_count ? m_max : 0; }
    // q in [0, 1]; values outside are clamped. q = 0.5 is the median.
    int64_t quantile(double q) const;

    int64_t highestTrackable() const { return m_highestTrackable; }
    // For drawing the distribution and for checking that memory is fixed.
    size_t bucketCount() const { return m_counts.size(); }
    uint64_t countInBucket(size_t index) const { return m_counts[index]; }
    // Smallest and largest value that fall into bucket `index`.
    static int64_t bucketLowest(size_t index);
    static int64_t bucketHighest(size_t index);
    static size_t bucketIndex(int64_t ns);

private:
    std::vector<uint64_t> m_counts;
    int64_t m_highestTrackable;
    uint64_t m_count = 0;
    Sum m_sum = 0;
    // Empty: the identities of min and max (recorded values are >= 0), so
    // record() needs no first-sample branch. min() and max() hide them.
    int64_t m_min = INT64_MAX;
    int64_t m_max = 0;
};

// record() and bucketIndex() are inline, and record() always inlined: the
// engine records several latencies per simulated request, and a call would
// make each of its callers save registers around it.
inline size_t LatencyHistogram::bucketIndex(int64_t ns)
{
    constexpr int kSubBucketBits = 7; // 128 sub-buckets per power of two
    constexpr int kExactBits = kSubBucketBits + 1;
    const uint64_t value = ns < 0 ? 0 : static_cast<uint64_t>(ns);
    const int width = std::bit_width(value);
    const int shift = width > kExactBits ? width - kExactBits : 0;
    // (value >> shift) lies in [128, 256) once shifted, so each power of two
    // takes the next 128 indices after the exact range.
    return (static_cast<size_t>(shift) << kSubBucketBits) + static_cast<size_t>(value >> shift);
}

[[gnu::always_inline]] inline void LatencyHistogram::record(int64_t ns) noexcept
{
    ns = std::max<int64_t>(ns, 0);
    ++m_counts[bucketIndex(std::min(ns, m_highestTrackable))];
    m_min = std::min(m_min, ns);
    m_max = std::max(m_max, ns);
    ++m_count;
    m_sum += static_cast<uint64_t>(ns);
}

inline void LatencyHistogram::record(int64_t ns, uint64_t count) noexcept
{
    ns = std::max<int64_t>(ns, 0);
    m_counts[bucketIndex(std::min(ns, m_highestTrackable))] += count;
    m_min = std::min(m_min, ns);
    m_max = std::max(m_max, ns);
    m_count += count;
    m_sum += static_cast<Sum>(static_cast<uint64_t>(ns)) * count;
}

} // namespace scalelab::stats
