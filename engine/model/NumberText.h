#pragma once
// Numbers as a block card and a badge show them, short enough for a small
// label: the same text wherever the product writes one (the canvas, the
// registry's state badges).
#include <string>

namespace scalelab::model {

// 12, 2.5, 1,234, 12.5k, 3M: at most four significant digits.
std::string compactNumber(double value);
// 850 ms, 1.2 ms, 2.5 s.
std::string latencyText(double ms);
// Every digit, grouped by thousands: 1,234,567. For counts in messages,
// which are read, not parsed.
std::string groupedNumber(unsigned long long value);

} // namespace scalelab::model
