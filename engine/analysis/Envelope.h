#pragma once
// The back-of-the-envelope sums of a system-design interview, from the
// seeds' "Capacity Planning" worked example:
//   average rps   = daily users x requests per user per day / 86,400 s
//   peak rps      = average x peak factor
//   writes/s      = peak rps x write share (sized for the peak, like servers)
//   storage/year  = daily users x requests x write share x bytes per write x 365
// then the capacity formula (CapacityFormula.h) on the peak:
//   servers = peak rps x latency / concurrency per server, + buffer, x redundancy.
// Pure arithmetic with the worked lines, so the interview panel only shows it.
#include "analysis/CapacityFormula.h"
#include "model/Interview.h"

#include <string>
#include <vector>

namespace scalelab::analysis {

inline constexpr double kSecondsPerDay = 86'400;
inline constexpr double kDaysPerYear = 365;

struct EnvelopeFigures {
    double averageRps = 0;
    double peakRps = 0;
    double peakWritesPerS = 0;
    double storageBytesPerYear = 0;
    CapacityPlan servers;            // the capacity formula on peakRps
    std::vector<CapacityStep> steps; // traffic lines, then the capacity formula's lines
};

// Inputs must be > 0 (write share and bytes per write >= 0, write share <= 1,
// buffer >= 0, redundancy >= 1); otherwise std::invalid_argument naming the input.
EnvelopeFigures envelope(const model::EnvelopeInputs& inputs, double buffer = 0.5, int redundancy = 2);

// "1.83 TB", "420 GB", "12 KB": decimal units, as capacity planning quotes them.
std::string formatBytes(double bytes);

} // namespace scalelab::analysis
