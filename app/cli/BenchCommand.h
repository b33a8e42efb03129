#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab bench [--json] [--repeat N]`: the engine against the minimal
// hand-written loop of the same network, in the same process and run.
int benchCommand(const QStringList& arguments);

} // namespace scalelab::cli
