#pragma once
// A client's offered rate over time (constant, ramp stages, spike, diurnal)
// and exact sampling of a Poisson process with that time-varying rate.
//
// Sampling is Lewis-Shedler thinning, piece by piece: within a piece the
// rate has an upper bound; candidate arrivals come at the bound's rate and
// each is kept with probability rate(t) / bound. A candidate beyond the
// piece's end restarts at the next piece (the exponential is memoryless).
// Rejected candidates cost a random number, never an event. Efficiency is
// the rate over its bound: 1 for constant pieces, >= 1/3 for a diurnal
// amplitude of 0.5.
#include "model/Choices.h"
#include "Rng.h"
#include "core/SimTime.h"
#include "model/Architecture.h"
#include "model/RampStages.h"

#include <algorithm>
#include <vector>

namespace scalelab::sim {

class TrafficProfile {
public:
    using Shape = model::TrafficShape;

    // Reads rate_rps and the profile parameters of a client block. The
    // profile's clock is simulated time since the run began, so a live edit
    // changes the curve without restarting it.
    void configure(const model::Block& client);

    double rateAt(SimTime t) const;
    // Time of the first arrival after `now`, or kNever when the rate stays 0.
    SimTime nextArrival(SimTime now, Rng& rng) const
    {
        // The common case, on the hot path of every open client: a
        // homogeneous Poisson stream needs no thinning.
        if (m_shape == Shape::Constant && m_base > 0)
            return now + std::max<SimTime>(1, fromSeconds(rng.exponential(m_baseGapS)));
        return nextArrivalThinned(now, rng);
    }
    // The largest rate the profile ever reaches.
    double peakRate() const;

private:
    struct Piece {
        double start = 0, end = 0; // seconds since the origin
        double bound = 0;          // no rate in [start, end) exceeds it
    };
    SimTime nextArrivalThinned(SimTime now, Rng& rng) const;
    Piece pieceAt(double seconds) const;
    double rateAtSeconds(double seconds) const;

    Shape m_shape = Shape::Constant;
    double m_base = 0;
    double m_baseGapS = 0; // 1 / m_base, divided once rather than per arrival
    std::vector<model::RampStage> m_stages;
    double m_multiplier = 1, m_spikeStart = 0, m_spikeDuration = 0;
    double m_amplitude = 0, m_period = 1;
};

} // namespace scalelab::sim
