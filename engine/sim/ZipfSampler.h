#pragma once
// Zipf-distributed keys in [0, n) with exponent s (s = 0 is uniform), by
// Hoermann and Derflinger's rejection-inversion: O(1) memory and expected
// O(1) time whatever n is, so a client may address a billion keys. The
// structure follows Apache Commons RNG's RejectionInversionZipfSampler.
#include "Rng.h"

#include <cmath>
#include <cstdint>

namespace scalelab::sim {

class ZipfSampler {
public:
    ZipfSampler(uint64_t n = 1, double exponent = 0) { configure(n, exponent); }

    void configure(uint64_t n, double exponent)
    {
        m_n = n < 1 ? 1 : n;
        m_s = exponent;
        if (m_s <= 0)
            return;
        m_hIntegralX1 = hIntegral(1.5) - 1.0;
        m_hIntegralN = hIntegral(static_cast<double>(m_n) + 0.5);
        m_sCut = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    }

    uint64_t sample(Rng& rng) const
    {
        if (m_s <= 0)
            return rng.below(m_n);
        return sampleSkewed(rng);
    }

private:
    // Out of line: the uniform case above is inlined into every request.
    [[gnu::noinline]] uint64_t sampleSkewed(Rng& rng) const
    {
        while (true) {
            const double u = m_hIntegralN + rng.uniform() * (m_hIntegralX1 - m_hIntegralN);
            const double x = hIntegralInverse(u);
            double k = std::floor(x + 0.5);
            if (k < 1)
                k = 1;
            else if (k > static_cast<double>(m_n))
                k = static_cast<double>(m_n);
            if (k - x <= m_sCut || u >= hIntegral(k + 0.5) - h(k))
                return static_cast<uint64_t>(k) - 1;
        }
    }

    double h(double x) const { return std::exp(-m_s * std::log(x)); }
    double hIntegral(double x) const
    {
        const double logX = std::log(x);
        return expm1OverX((1.0 - m_s) * logX) * logX;
    }
    double hIntegralInverse(double x) const
    {
        double t = x * (1.0 - m_s);
        if (t < -1.0)
            t = -1.0; // rounding may push t just below -1
        return std::exp(log1pOverX(t) * x);
    }
    static double expm1OverX(double x) { return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x * 0.5; }
    static double log1pOverX(double x) { return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x * 0.5; }

    uint64_t m_n = 1;
    double m_s = 0;
    double m_hIntegralX1 = 0, m_hIntegralN = 0, m_sCut = 0;
};

} // namespace scalelab::sim
