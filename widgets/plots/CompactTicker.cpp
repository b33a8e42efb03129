#include "CompactTicker.h"

#include "QtText.h"
#include "model/NumberText.h"

#include <cmath>

namespace scalelab::widgets {

QString CompactTicker::label(double value)
{
    // Ticks are multiples of a step summed in floating point: 0 can come out as 1e-17.
    constexpr double kZero = 1e-12;
    return toQString(model::compactNumber(std::abs(value) < kZero ? 0.0 : value));
}

QString CompactTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    return label(tick);
}

} // namespace scalelab::widgets
