#pragma once
#include <QStringList>

namespace scalelab::cli {

// `scalelab report FILE -o OUT.pdf [--duration 30s] [--seed N]`: runs the design
// in the editor's window (offscreen, simulation on its worker thread) and
// writes the report File > Export report writes. Needs a QApplication.
int reportCommand(const QStringList& arguments);

} // namespace scalelab::cli
