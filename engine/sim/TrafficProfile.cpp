#include "TrafficProfile.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::sim {

namespace {
constexpr double kForever = std::numeric_limits<double>::infinity();
}

void TrafficProfile::configure(const model::Block& client)
{
    m_shape = client.choice<Shape>("profile");
    m_base = client.param("rate_rps");
    m_baseGapS = m_base > 0 ? 1.0 / m_base : 0;
    std::string error;
    m_stages = model::parseRampStages(client.text("ramp_stages"), error); // validated on load
    m_multiplier = client.param("spike_multiplier");
    m_spikeStart = client.param("spike_start_s");
    m_spikeDuration = client.param("spike_duration_s");
    m_amplitude = client.param("diurnal_amplitude");
    m_period = client.param("diurnal_period_s");
}

double TrafficProfile::rateAt(SimTime t) const
{
    return rateAtSeconds(toSeconds(t));
}

double TrafficProfile::rateAtSeconds(double s) const
{
    switch (m_shape) {
    case Shape::Constant:
        return m_base;
    case Shape::Ramp: {
        double from = m_base, at = 0;
        for (const auto& stage : m_stages) {
            if (s < at + stage.durationS)
                return from + (stage.targetRps - from) * (s - at) / stage.durationS;
            at += stage.durationS;
            from = stage.targetRps;
        }
        return from;
    }
    case Shape::Spike:
        return s >= m_spikeStart && s < m_spikeStart + m_spikeDuration ? m_base * m_multiplier : m_base;
    case Shape::Diurnal:
        return std::max(0.0, m_base * (1 + m_amplitude * std::sin(2 * M_PI * s / m_period)));
    }
    return m_base;
}

TrafficProfile::Piece TrafficProfile::pieceAt(double s) const
{
    switch (m_shape) {
    case Shape::Constant:
        return {0, kForever, m_base};
    case Shape::Ramp: {
        double from = m_base, at = 0;
        for (const auto& stage : m_stages) {
            if (s < at + stage.durationS)
                return {at, at + stage.durationS, std::max(from, stage.targetRps)};
            at += stage.durationS;
            from = stage.targetRps;
        }
        return {at, kForever, from};
    }
    case Shape::Spike: {
        const double spikeEnd = m_spikeStart + m_spikeDuration;
        if (s < m_spikeStart)
            return {0, m_spikeStart, m_base};
        if (s < spikeEnd)
            return {m_spikeStart, spikeEnd, m_base * m_multiplier};
        return {spikeEnd, kForever, m_base};
    }
    case Shape::Diurnal:
        return {0, kForever, m_base * (1 + m_amplitude)};
    }
    return {0, kForever, m_base};
}

SimTime TrafficProfile::nextArrivalThinned(SimTime now, Rng& rng) const
{
    double s = toSeconds(now);
    constexpr double horizonS = static_cast<double>(kHorizon) / static_cast<double>(kSecond);
    while (true) {
        // Past the horizon no run goes on; and an infinite candidate (a rate
        // so small that its mean gap overflows) would loop here for ever.
        if (!(s < horizonS))
            return kNever;
        const Piece piece = pieceAt(s);
        if (piece.bound <= 0) {
            if (piece.end == kForever)
                return kNever;
            s = piece.end;
            continue;
        }
        const double candidate = s + rng.exponential(1.0 / piece.bound);
        if (candidate >= piece.end) {
            s = piece.end;
            continue;
        }
        s = candidate;
        const double rate = rateAtSeconds(s);
        if (rate >= piece.bound || rng.uniform() * piece.bound < rate) {
            const SimTime at = fromSeconds(s);
            return at > now ? at : now + 1; // never in the past, never twice at one instant
        }
    }
}

double TrafficProfile::peakRate() const
{
    double peak = m_base;
    switch (m_shape) {
    case Shape::Constant:
        break;
    case Shape::Ramp:
        for (const auto& stage : m_stages)
            peak = std::max(peak, stage.targetRps);
        break;
    case Shape::Spike:
        peak = m_base * m_multiplier;
        break;
    case Shape::Diurnal:
        peak = m_base * (1 + m_amplitude);
        break;
    }
    return peak;
}

} // namespace scalelab::sim
