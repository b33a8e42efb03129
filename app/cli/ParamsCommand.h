#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab params [--json]`: every block kind and parameter the registry
// knows, as Markdown tables (the README's reference is this output) or as
// JSON for tools.
int paramsCommand(const QStringList& arguments);

} // namespace scalelab::cli
