#include "CacheModel.h"

#include <cmath>
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

} // namespace scalelab::analysis
