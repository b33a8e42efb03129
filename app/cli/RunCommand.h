#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab run FILE [--duration 60s] [--warmup 5s|auto] [--seed N] [--replications N]
//  [--set ID.PARAM=VALUE]... [--json]`
int runCommand(const QStringList& arguments);

} // namespace scalelab::cli
