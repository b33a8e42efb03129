#pragma once
// How a cost rate reads wherever the window shows one (cost dock, block
// dock): dollars per hour, and per month as cloud bills count it, so the
// same figure never appears with two roundings.
#include "stats/Snapshot.h"

#include <QCoreApplication>
#include <QString>

#include <cmath>

namespace scalelab::widgets::costtext {

// "$0.20/h", "$12.40/h", "$1234/h": cents while they matter.
inline QString perHour(double dollarsPerHour)
{
    const double value = std::isfinite(dollarsPerHour) ? dollarsPerHour : 0;
    return QCoreApplication::translate("CostText", "$%1/h").arg(value, 0, 'f', value < 1000 ? 2 : 0);
}

// "$146/month" at 730 hours a month; cents only below ten dollars.
inline QString perMonth(double dollarsPerHour)
{
    const double value = (std::isfinite(dollarsPerHour) ? dollarsPerHour : 0) * stats::kHoursPerMonth;
    return QCoreApplication::translate("CostText", "$%1/month").arg(value, 0, 'f', value < 10 ? 2 : 0);
}

// "$0.20/h now · $146/month"
inline QString now(double dollarsPerHour)
{
    return QCoreApplication::translate("CostText", "%1 now · %2").arg(perHour(dollarsPerHour), perMonth(dollarsPerHour));
}

} // namespace scalelab::widgets::costtext
