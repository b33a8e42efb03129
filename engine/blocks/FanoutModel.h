#pragma once
// Expected work of a timeline fan-out block (see blocks/FanoutBlock.h) per
// post and per read, from its parameters: what the analytic plan uses.
#include "model/Architecture.h"

namespace scalelab::blocks {

struct FanoutLoad {
    double timelinesPerPost = 0; // timeline writes one post causes, on average
    double mergedPerRead = 0;    // followees' timelines merged by one read
};

// Followers per regular post are geometric with mean m, so the share of a
// post's pushed timelines is a closed form: E[K; K <= T] = m - q^(T+1) (T+1+m),
// q = m / (m + 1) (a geometric beyond T is T + 1 plus a fresh geometric).
// A hybrid read merges the celebrities a reader follows (when they are above
// the threshold) and the regular followees above it: the size-biased tail
// (m - E[K; K <= T]) / m of its other followees.
FanoutLoad fanoutLoad(const model::Block& block);

} // namespace scalelab::blocks
