#include "Envelope.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace scalelab::analysis {

namespace {

void requireAtLeast(double value, double least, bool inclusive, const char* what)
{
    const bool ok = std::isfinite(value) && (inclusive ? value >= least : value > least);
    if (!ok)
        throw std::invalid_argument(std::string(what) + (inclusive ? " must be >= " : " must be > ")
                                    + formatNumber(least) + ", got " + std::to_string(value));
}

} // namespace

std::string formatBytes(double bytes)
{
    static const char* const kUnits[] = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
    int unit = 0;
    while (std::abs(bytes) >= 1000 && unit < 6) {
        bytes /= 1000;
        ++unit;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, bytes >= 100 || unit == 0 ? "%.0f %s" : "%.3g %s", bytes, kUnits[unit]);
    return buffer;
}

EnvelopeFigures envelope(const model::EnvelopeInputs& in, double buffer, int redundancy)
{
    requireAtLeast(in.dailyUsers, 0, false, "daily users");
    requireAtLeast(in.requestsPerUserPerDay, 0, false, "requests per user per day");
    requireAtLeast(in.peakFactor, 1, true, "peak factor");
    requireAtLeast(in.writeShare, 0, true, "write share");
    if (in.writeShare > 1)
        throw std::invalid_argument("write share must be <= 1, got " + std::to_string(in.writeShare));
    requireAtLeast(in.bytesPerWrite, 0, true, "bytes per write");

    EnvelopeFigures f;
    const double requestsPerDay = in.dailyUsers * in.requestsPerUserPerDay;
    f.averageRps = requestsPerDay / kSecondsPerDay;
    f.peakRps = f.averageRps * in.peakFactor;
    f.peakWritesPerS = f.peakRps * in.writeShare;
    const double writesPerDay = requestsPerDay * in.writeShare;
    f.storageBytesPerYear = writesPerDay * in.bytesPerWrite * kDaysPerYear;
    f.servers = capacityPlan(f.peakRps, in.latencyMs, in.concurrencyPerServer, buffer, redundancy);

    f.steps = {
        {"Average traffic",
         formatNumber(in.dailyUsers) + " users × " + formatNumber(in.requestsPerUserPerDay) + " requests ÷ 86,400 s = "
             + formatNumber(f.averageRps) + " rps",
         f.averageRps},
        {"Peak traffic", formatNumber(f.averageRps) + " rps × " + formatNumber(in.peakFactor) + " = "
                             + formatNumber(f.peakRps) + " rps", f.peakRps},
        {"Writes at peak", formatNumber(f.peakRps) + " rps × " + formatNumber(in.writeShare) + " = "
                               + formatNumber(f.peakWritesPerS) + " writes/s", f.peakWritesPerS},
        {"Storage per year", formatNumber(writesPerDay) + " writes/day × " + formatBytes(in.bytesPerWrite)
                                 + " × 365 = " + formatBytes(f.storageBytesPerYear), f.storageBytesPerYear},
    };
    f.steps.insert(f.steps.end(), f.servers.steps.begin(), f.servers.steps.end());
    return f;
}

} // namespace scalelab::analysis
