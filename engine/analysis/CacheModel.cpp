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

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// An entry's expected hits from its insertion until it is evicted, expires
// or is deleted (see the header): p the key's share of lookups, q its
// deletes per lookup, t the LRU time and l the TTL, both in lookups.
double hitsPerInsert(double p, double q, double t, double l)
{
    if (p <= 0)
        return 0;
    const double r = p + q;
    const double evictedAfterGap = std::isfinite(t) ? std::exp(-r * t) : 0.0;
    const double extends = p * -std::expm1(-r * t) / r; // a gap ends in a hit and the entry lives on
    const double ends = (q + p * evictedAfterGap) / r;  // 1 - extends, without the cancellation
    if (ends <= 0) // nothing ends the entry but its TTL
        return l > 0 ? p * l : kInfinity;
    return extends / ends * (l > 0 ? -std::expm1(-r * l * ends) : 1.0);
}

// J(a) = int_0^1 (1-w)^a e^{aw} dw, the fetch window's random part in units
// of m (header). It is e^a a^-(a+1) gamma(a+1, a), and the lower incomplete
// gamma's series gives J(a) = sum_n a^n / ((a+1)(a+2)...(a+n+1)): terms
// fall from 1/(a+1) by a/(a+n+2) each, like exp(-n^2 / 2a), so about
// 6 sqrt(a) of them reach double precision (J(1) = e - 2; J ~ sqrt(pi/2a)).
// No quadrature (the integrand's slope is infinite at w = 1 for a < 1).
double windowIntegral(double a)
{
    double term = 1 / (a + 1), sum = term;
    for (int n = 0; term > 1e-13 * sum && n < 10'000'000; ++n) {
        term *= a / (a + n + 2);
        sum += term;
    }
    return sum;
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

double lruCharacteristicTime(const std::vector<PopularityClass>& popularity, double capacity)
{
    if (capacity <= 0)
        return 0;
    if (occupancy(popularity, kInfinity) <= capacity)
        return kInfinity; // no evictions: every key fits
    double low = 0, high = 1;
    while (occupancy(popularity, high) < capacity)
        high *= 2;
    for (int i = 0; i < 100 && high - low > 1e-9 * high; ++i) {
        const double mid = (low + high) / 2;
        (occupancy(popularity, mid) < capacity ? low : high) = mid;
    }
    return (low + high) / 2;
}

CacheOutcome capacityCacheOutcome(const std::vector<PopularityClass>& popularity, double lruRequests,
                                  const KeyChurn& churn)
{
    CacheOutcome outcome;
    const double random = std::clamp(churn.fetchSdMs, 0.0, churn.fetchMs); // m in delta + Exp(m)
    const double fixed = churn.fetchMs - random;
    for (const auto& c : popularity) {
        const double share = c.count * c.p; // of all lookups
        const double hits = hitsPerInsert(c.p, c.p * churn.deletesPerLookup, lruRequests, churn.ttlRequests);
        if (!std::isfinite(hits)) {
            outcome.hit += share;
            continue;
        }
        // One insertion cycle: the miss that starts it, the misses while its
        // value is fetched, the hits of the fetches' tail, and the entry's life.
        const double rate = c.p * churn.lookupsPerMs;
        double window = churn.fetchMs, tail = 0;
        if (!churn.singleFlight && rate * churn.fetchMs > 1e-6) {
            window = fixed + random * windowIntegral(rate * random);
            tail = churn.fetchMs * -std::expm1(-rate * window);
        }
        const double others = rate * window;
        const double cycle = 1 + others + rate * tail + hits;
        outcome.hit += share * (rate * tail + hits) / cycle;
        outcome.fetch += share / cycle;
        (churn.singleFlight ? outcome.wait : outcome.fetch) += share * others / cycle;
    }
    return outcome;
}

double lruTtlHitRatio(const std::vector<PopularityClass>& popularity, double capacity, double ttlRequests)
{
    return capacityCacheOutcome(popularity, lruCharacteristicTime(popularity, capacity), KeyChurn{ttlRequests}).hit;
}

} // namespace scalelab::analysis
