#pragma once
// The ids of the commands that merge. QUndoStack merges a pushed command
// into the one on top when both return the same id() (-1, the default,
// never merges), and the command then casts the other to its own class. So
// every merging kind takes its id from this one enum, and two kinds cannot
// share an id by accident and merge into each other. The values mean nothing
// outside the running program.
namespace scalelab::widgets {

enum class MergeId : int {
    ChangeParam = 1,
    RenameBlock,
    ChangeTextParam,
    ChangeBlockRegion,
    ChangePhaseNote,
};

} // namespace scalelab::widgets
