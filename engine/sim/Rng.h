#pragma once
// One random stream per block (xoshiro256++, seeded through splitmix64 from
// the run seed and the block id), so that editing one block does not
// reshuffle the random numbers every other block sees. Header-only because
// it sits on the hot path of every event.
#include <cmath>
#include <cstdint>
#include <string_view>

namespace scalelab::sim {

class Rng {
    __extension__ typedef unsigned __int128 Wide;

public:
    Rng() : Rng(0, "") {}
    Rng(uint64_t runSeed, std::string_view streamName)
    {
        uint64_t x = runSeed ^ fnv1a(streamName);
        for (auto& word : m_state)
            word = splitmix64(x);
    }

    uint64_t next()
    {
        const uint64_t result = rotl(m_state[0] + m_state[3], 23) + m_state[0];
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in (0, 1], safe for log().
    double uniformPositive() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }
    // Certain outcomes draw nothing, so a 100% read mix or a probability-1
    // link costs no random number.
    bool bernoulli(double p) { return p >= 1.0 || (p > 0.0 && uniform() < p); }
    // Uniform integer in [0, n), Lemire's multiply-shift (bias < 2^-64 * n).
    uint64_t below(uint64_t n) { return static_cast<uint64_t>((static_cast<Wide>(next()) * n) >> 64); }

    double exponential(double mean) { return -mean * std::log(uniformPositive()); }

    double standardNormal()
    {
        if (m_hasSpareNormal) {
            m_hasSpareNormal = false;
            return m_spareNormal;
        }
        // Box-Muller; the second value is kept for the next call.
        const double radius = std::sqrt(-2.0 * std::log(uniformPositive()));
        const double angle = 2.0 * M_PI * uniform();
        m_spareNormal = radius * std::sin(angle);
        m_hasSpareNormal = true;
        return radius * std::cos(angle);
    }

    // Service-time distribution by coefficient of variation: 0 deterministic,
    // 1 exponential, anything else log-normal with that mean and CV.
    double withVariation(double mean, double cv)
    {
        if (cv <= 0 || mean <= 0)
            return mean;
        if (cv == 1.0)
            return exponential(mean);
        return logNormal(mean, cv);
    }

    // Out of line so that the exponential case, inlined into every service
    // time, does not carry Box-Muller's registers.
    [[gnu::noinline]] double logNormal(double mean, double cv)
    {
        const double sigma2 = std::log1p(cv * cv);
        const double mu = std::log(mean) - sigma2 / 2;
        return std::exp(mu + std::sqrt(sigma2) * standardNormal());
    }

    static uint64_t fnv1a(std::string_view text)
    {
        uint64_t hash = 0xcbf29ce484222325ULL;
        for (unsigned char c : text) {
            hash ^= c;
            hash *= 0x100000001b3ULL;
        }
        return hash;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static uint64_t splitmix64(uint64_t& x)
    {
        uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    uint64_t m_state[4]{};
    double m_spareNormal = 0;
    bool m_hasSpareNormal = false;
};

} // namespace scalelab::sim
