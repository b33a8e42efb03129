#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab plan FILE [--target-utilization 0.7] [--json]`: the analytic model of a design.
int planCommand(const QStringList& arguments);

} // namespace scalelab::cli
