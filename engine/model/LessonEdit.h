#pragma once
// Carries out the design edits of a lesson step on a plain Architecture: the
// file reader (to know which blocks later steps may name), the tests and
// headless tools use it; the editor performs the same edits through undo
// commands. Fault and Command actions are live operator actions: they leave
// the design unchanged here.
#include "Architecture.h"
#include "Lesson.h"

#include <string>

namespace scalelab::model {

// "" when applied, else why it cannot apply (unknown block, id taken...).
std::string applyLessonAction(Architecture& design, const LessonAction& action);
// True for the actions that need a running simulation (faults, commands).
bool isLiveAction(const LessonAction& action);

} // namespace scalelab::model
