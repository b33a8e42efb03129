#include "CacheModel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace scalelab::analysis {

std::vector<double> zipfPopularity(uint64_t keys, double exponent)
{
    if (keys == 0 || keys > 100'000'000)
        throw std::invalid_argument("zipfPopularity needs 1 to 100,000,000 keys");
    std::vector<double> popularity(keys);
    double total = 0;
    for (uint64_t i = 0; i < keys; ++i) {
        popularity[i] = std::pow(static_cast<double>(i + 1), -exponent);
        total += popularity[i];
    }
    for (double& p : popularity)
        p /= total;
    return popularity;
}

double lruHitRatioChe(const std::vector<double>& popularity, double capacity)
{
    if (capacity <= 0)
        return 0;
    if (capacity >= static_cast<double>(popularity.size()))
        return 1;
    auto occupancy = [&](double t) {
        double sum = 0;
        for (double p : popularity)
            sum += -std::expm1(-p * t);
        return sum;
    };
    // occupancy(T) rises from 0 to n: bracket the root, then bisect.
    double low = 0, high = 1;
    while (occupancy(high) < capacity)
        high *= 2;
    for (int i = 0; i < 100 && high - low > 1e-9 * high; ++i) {
        const double mid = (low + high) / 2;
        (occupancy(mid) < capacity ? low : high) = mid;
    }
    const double t = (low + high) / 2;
    double hit = 0;
    for (double p : popularity)
        hit += p * -std::expm1(-p * t);
    return hit;
}

std::vector<PopularityClass> zipfClasses(uint64_t keys, double exponent)
{
    if (keys == 0)
        throw std::invalid_argument("zipfClasses needs at least one key");
    constexpr uint64_t kExactRanks = 1'000;
    constexpr double kGroupWidth = 1.01;
    std::vector<std::pair<double, double>> groups; // (first rank, ranks in group)
    for (uint64_t rank = 1; rank <= std::min(keys, kExactRanks); ++rank)
        groups.emplace_back(static_cast<double>(rank), 1.0);
    for (double first = static_cast<double>(kExactRanks) + 1; first <= static_cast<double>(keys);) {
        const double last = std::min(static_cast<double>(keys), std::floor(first * kGroupWidth));
        groups.emplace_back(first, last - first + 1);
        first = last + 1;
    }
    std::vector<PopularityClass> classes;
    double total = 0;
    for (const auto& [first, count] : groups) {
        // The group's mean of k^-s over its ranks, by the integral of x^-s over [first - 1/2, last + 1/2].
        const double a = first - 0.5, b = first + count - 0.5;
        const double mean = count == 1 ? std::pow(first, -exponent)
                            : std::abs(exponent - 1) < 1e-12
                                ? std::log(b / a) / count
                                : (std::pow(b, 1 - exponent) - std::pow(a, 1 - exponent)) / (1 - exponent) / count;
        classes.push_back({mean, count});
        total += mean * count;
    }
    for (auto& c : classes)
        c.p /= total;
    return classes;
}

namespace {

// A key's hits per fetch (see the header), for LRU time t and TTL l in requests.
double hitsPerFetch(double p, double t, double l)
{
    const double a = p * t;
    if (!std::isfinite(a))
        return l > 0 ? p * l : std::numeric_limits<double>::infinity();
    if (l <= 0)
        return std::expm1(a);
    if (a > 30) // e^{-pT} negligible: only the TTL ends the entry's life
        return p * l;
    return std::expm1(a) * -std::expm1(-p * l * std::exp(-a));
}

double keyHitRatio(double p, double t, double l)
{
    const double hits = hitsPerFetch(p, t, l);
    return std::isfinite(hits) ? hits / (1 + hits) : 1.0;
}

// Keys in the cache: those asked for within the last t requests (Che). An
// expired entry keeps its slot until it is next asked for (and fetched
// again) or evicted, so the TTL does not change who is in the cache.
double occupancy(const std::vector<PopularityClass>& popularity, double t)
{
    double sum = 0;
    for (const auto& c : popularity)
        sum += c.count * -std::expm1(-c.p * t);
    return sum;
}

} // namespace

double lruTtlHitRatio(const std::vector<PopularityClass>& popularity, double capacity, double ttlRequests)
{
    if (capacity <= 0)
        return 0;
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    double t = kInfinity; // no evictions: every key fits
    if (occupancy(popularity, kInfinity) > capacity) {
        double low = 0, high = 1;
        while (occupancy(popularity, high) < capacity)
            high *= 2;
        for (int i = 0; i < 100 && high - low > 1e-9 * high; ++i) {
            const double mid = (low + high) / 2;
            (occupancy(popularity, mid) < capacity ? low : high) = mid;
        }
        t = (low + high) / 2;
    }
    double hit = 0;
    for (const auto& c : popularity)
        hit += c.count * c.p * keyHitRatio(c.p, t, ttlRequests);
    return hit;
}

} // namespace scalelab::analysis
