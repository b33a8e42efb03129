#pragma once
// The inter-region latency matrix of a GeoDNS block, written as pairs:
// "us-east/eu-west=80, us-east/ap-south=190" (one-way milliseconds,
// symmetric). A pair not listed takes the block's default.
#include <map>
#include <string>
#include <utility>

namespace scalelab::model {

using RegionLatency = std::map<std::pair<std::string, std::string>, double>; // (a, b) with a < b -> ms

// Parsed matrix; on a malformed text, empty with `error` set.
RegionLatency parseRegionLatency(const std::string& text, std::string& error);
// The registry's rule for the matrix text: "" when it parses.
std::string regionLatencyRule(const std::string& text);
// One-way latency between two regions: 0 within a region, the listed
// value, or `fallbackMs` for a pair not listed.
double regionLatencyMs(const RegionLatency& matrix, const std::string& a, const std::string& b, double fallbackMs);

} // namespace scalelab::model
