#include "CapacityFormula.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace scalelab::analysis {

namespace {

void requirePositive(double value, const char* what)
{
    if (!(value > 0) || !std::isfinite(value))
        throw std::invalid_argument(std::string(what) + " must be a number > 0, got " + std::to_string(value));
}

bool nearInteger(double x)
{
    return std::abs(x - std::round(x)) <= 1e-9 * std::max(1.0, std::abs(x));
}

// ceil that treats a value within rounding noise of an integer as that
// integer: 50 x 1.1 computes to 55.00000000000001 and must not need 56.
int ceilCount(double x, const char* what)
{
    const double rounded = nearInteger(x) ? std::round(x) : std::ceil(x);
    if (rounded > INT_MAX)
        throw std::out_of_range(std::string(what) + " exceeds " + std::to_string(INT_MAX) + " servers");
    return static_cast<int>(rounded);
}

// Built by appending, not std::string::insert, which trips a false
// -Wrestrict warning in GCC 12.
std::string withThousandsSeparators(const std::string& digits)
{
    const size_t start = digits[0] == '-' ? 1 : 0;
    const size_t point = std::min(digits.find('.'), digits.size());
    std::string out = digits.substr(0, start);
    for (size_t i = start; i < point; ++i) {
        if (i > start && (point - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    out += digits.substr(point);
    return out;
}

} // namespace

std::string formatNumber(double x)
{
    char buffer[64];
    if (nearInteger(x)) {
        std::snprintf(buffer, sizeof buffer, "%.0f", std::round(x));
        return withThousandsSeparators(buffer);
    }
    if (std::abs(x) >= 1) {
        std::snprintf(buffer, sizeof buffer, "%.2f", x);
        std::string text = buffer;
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
        return withThousandsSeparators(text);
    }
    std::snprintf(buffer, sizeof buffer, "%.3g", x);
    return buffer;
}

namespace {

// "2.5 → 3" when rounding changed the figure, "3" when it did not.
std::string roundedText(double exact, int rounded)
{
    if (nearInteger(exact))
        return formatNumber(rounded);
    return formatNumber(exact) + " → " + formatNumber(rounded);
}

} // namespace

CapacityPlan capacityPlan(double peakRps, double latencyMs, double concurrencyPerServer, double buffer,
                          int redundancy)
{
    requirePositive(peakRps, "peak requests per second");
    requirePositive(latencyMs, "latency (ms)");
    requirePositive(concurrencyPerServer, "concurrent connections per server");
    if (!(buffer >= 0) || !std::isfinite(buffer))
        throw std::invalid_argument("buffer must be a fraction >= 0 (0.5 = +50%), got " + std::to_string(buffer));
    if (redundancy < 1)
        throw std::invalid_argument("redundancy must be >= 1, got " + std::to_string(redundancy));

    // Multiply before converting ms to s: 100,000 x 200 / 1000 is exact,
    // 100,000 x 0.2 need not be.
    const double concurrent = peakRps * latencyMs / 1000.0;
    CapacityPlan plan{};
    plan.baseServers = concurrent / concurrencyPerServer;
    plan.baseRounded = ceilCount(plan.baseServers, "base server count");
    const double buffered = plan.baseServers * (1.0 + buffer);
    plan.withBuffer = ceilCount(buffered, "server count with buffer");
    if (plan.withBuffer > INT_MAX / redundancy)
        throw std::out_of_range("server count with redundancy exceeds " + std::to_string(INT_MAX) + " servers");
    plan.withRedundancy = plan.withBuffer * redundancy;

    plan.steps = {
        {"Concurrent requests",
         formatNumber(peakRps) + " × " + formatNumber(latencyMs / 1000.0) + " s = " + formatNumber(concurrent)
             + " concurrent requests",
         concurrent},
        {"Base servers",
         formatNumber(concurrent) + " ÷ " + formatNumber(concurrencyPerServer) + " = "
             + roundedText(plan.baseServers, plan.baseRounded) + " servers",
         double(plan.baseRounded)},
        {"With buffer",
         formatNumber(plan.baseServers) + " × " + formatNumber(1.0 + buffer) + " = "
             + roundedText(buffered, plan.withBuffer) + " servers (+" + formatNumber(buffer * 100) + "% buffer)",
         double(plan.withBuffer)},
        {"With redundancy",
         formatNumber(plan.withBuffer) + " × " + std::to_string(redundancy) + " = "
             + formatNumber(plan.withRedundancy) + " servers (redundancy " + std::to_string(redundancy) + ")",
         double(plan.withRedundancy)},
    };
    return plan;
}

} // namespace scalelab::analysis
