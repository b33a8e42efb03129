#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab params [--markdown]`: every block kind and parameter the
// registry knows, as the README's file-format reference is generated.
int paramsCommand(const QStringList& arguments);

} // namespace scalelab::cli
