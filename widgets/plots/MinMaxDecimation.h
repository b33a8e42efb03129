#pragma once
// Which rows of a long series a plot draws. An hour at one window a second
// is 3,600 rows per series, several per pixel on a dock-sized plot; drawing
// them all costs time and shows nothing more. The rows' time span is cut
// into `buckets` equal slices (one or two pixels each) and, in every slice,
// the rows holding each series' smallest and largest value are kept, plus
// the first row where a series has no value (NaN, a gap in the line).
//
// Guarantees: the rows returned are a subset of [first, last), in order; at
// most buckets x 3 x seriesCount of them; every slice's extremes survive, so
// a spike one window wide is still drawn at its full height, and the largest
// value of the whole range is always kept. Rows are picked whole (all series
// at once), so stacked areas stay consistent and every point drawn is a real
// window. Cost: O((last - first) x seriesCount), no allocation per row.
#include <cstddef>
#include <functional>
#include <vector>

namespace scalelab::widgets::decimation {

std::vector<size_t> minMaxRows(size_t first, size_t last, int buckets, int seriesCount,
                               const std::function<double(size_t row)>& key,
                               const std::function<double(size_t row, int series)>& value);

} // namespace scalelab::widgets::decimation
