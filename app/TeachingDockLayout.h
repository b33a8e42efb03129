#pragma once
// Where a teaching dock (Lessons, Challenge, Interview) goes when it opens.
#include <QDockWidget>
#include <QMainWindow>

namespace scalelab::app {

// Shows `teaching` at the top of the right-hand column with most of its
// height, and stacks every other right-hand dock (Properties, Faults, Block,
// the other teaching docks) as tabs below it. A student follows the
// instruction, the goals or the question in that dock, so its text must read
// without scrolling; the editing docks stay one click away.
void giveRightColumnTo(QMainWindow* window, QDockWidget* teaching);

} // namespace scalelab::app
