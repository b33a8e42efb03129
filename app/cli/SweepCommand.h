#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab sweep FILE [--from 10] [--to 150] [--steps 15] [--duration 30s] [--warmup 5s] [--seed N]
// [--set ID.PARAM=VALUE]... [--json]`: the capacity sweep, simulated and analytic, with the knee.
int sweepCommand(const QStringList& arguments);

} // namespace scalelab::cli
