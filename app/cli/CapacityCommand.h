#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab capacity --peak-rps N --latency-ms N --concurrency N [--buffer 0.5] [--redundancy 2] [--json]`
int capacityCommand(const QStringList& arguments);

} // namespace scalelab::cli
