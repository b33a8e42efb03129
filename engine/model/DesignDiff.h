#pragma once
// The live edits that turn one design into another: how a running
// simulation catches up with an editor's design after several changes (a
// paste, an undo of a group, a stretch of invalid designs it did not run).
#include "Architecture.h"
#include "DesignEdit.h"

#include <optional>
#include <vector>

namespace scalelab::model {

// Edits that, applied in order to `from`, give `to` as far as a run is
// concerned: links and blocks removed, blocks and links added (at their
// places), then changed values. Names, positions and the order of links
// that stay are not compared (a run goes on with the order it has). nullopt when some difference has no live edit: a
// block whose kind or region changed, the cell count, the scheduled faults.
std::optional<std::vector<DesignEdit>> diff(const Architecture& from, const Architecture& to);

} // namespace scalelab::model
