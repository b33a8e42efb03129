#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab advise FILE [--duration 60s] [--warmup 5s] [--seed N] [--set ID.PARAM=VALUE]... [--json]`:
// simulates the design and names its bottleneck, the pattern that fixes
// it, and the anti-patterns it shows.
int adviseCommand(const QStringList& arguments);

} // namespace scalelab::cli
