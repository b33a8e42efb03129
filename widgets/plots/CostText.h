#pragma once
// How a cost rate reads wherever the window shows one (cost dock, block
// dock): dollars per hour, and per month as cloud bills count it, so the
// same figure never appears with two roundings.
#include "model/NumberText.h"
#include "stats/Snapshot.h"

#include <QCoreApplication>
#include <QString>

#include <cmath>

namespace scalelab::widgets::costtext {

// "$1,234" from 1234.4; cents ("$12.40") below `centsBelow` dollars. A
// cost is never negative; a non-finite one (no rate yet) reads as $0.00.
inline QString dollars(double value, double centsBelow)
{
    if (!std::isfinite(value))
        value = 0;
    if (value < centsBelow)
        return QStringLiteral("$") + QString::number(value, 'f', 2);
    return QStringLiteral("$") +
           QString::fromStdString(model::groupedNumber(static_cast<unsigned long long>(std::llround(value))));
}

// "$0.20/h", "$12.40/h", "$1,234/h": cents while they matter.
inline QString perHour(double dollarsPerHour)
{
    return QCoreApplication::translate("CostText", "%1/h").arg(dollars(dollarsPerHour, 1000));
}

// "$146/month", "$3,951,026/month" at 730 hours a month; cents only below ten dollars.
inline QString perMonth(double dollarsPerHour)
{
    return QCoreApplication::translate("CostText", "%1/month").arg(dollars(dollarsPerHour * stats::kHoursPerMonth, 10));
}

// "$0.20/h now · $146/month"
inline QString now(double dollarsPerHour)
{
    return QCoreApplication::translate("CostText", "%1 now · %2").arg(perHour(dollarsPerHour), perMonth(dollarsPerHour));
}

} // namespace scalelab::widgets::costtext
