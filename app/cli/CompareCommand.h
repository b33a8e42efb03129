#pragma once
// `scalelab compare A.scalelab B.scalelab [--replications N] [--duration 60s]
// [--warmup 10s] [--seed S] [--json]`: both designs on the same seeds (common
// random numbers), every figure of A and of B with its 95% interval and the
// paired difference B - A with its own. `scalelab compare CARD.tradeoff`
// runs a trade-off card's pair by the card's settings and checks its claims:
// exit status 1 when one does not hold.
#include <QStringList>

namespace scalelab::cli {

int compareCommand(const QStringList& arguments);

} // namespace scalelab::cli
