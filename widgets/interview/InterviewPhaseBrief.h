#pragma once
// What the candidate reads in each interview phase: the task of the phase,
// in the requirements phase the problem as stated (functional and
// non-functional requirements, scale, constraints, budget), and, once the
// candidate has moved past the estimation, API or data-model phase, the
// guide's model answer for it (never before: it is not a crib).
#include "model/Interview.h"

#include <QString>

namespace scalelab::widgets {

// Rich text for a QTextBrowser. `done`: the candidate has finished this phase.
QString phaseBriefHtml(const model::Interview& interview, int phase, bool done);

} // namespace scalelab::widgets
