#pragma once
// The key figures a card shows under the block's name, e.g.
// "3 × 8 workers, 20 ms". Derived from the registry's ParamSpecs by type
// (pool shape, rates, choices, times, ratios), so a new block kind gets
// sensible figures without a per-kind list here.
#include "model/Architecture.h"

#include <QString>
#include <QStringList>

namespace scalelab::widgets {

class BlockFigures {
public:
    static QStringList parts(const model::Block& block);
    // A number as people read it on a diagram: 950, 1,200, 25k, 1.5M.
    static QString compactNumber(double value);
};

} // namespace scalelab::widgets
