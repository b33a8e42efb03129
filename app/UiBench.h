#pragma once
// `scalelab bench --ui [--duration 20] [--load N] [--json]`: the responsiveness bar.
// Opens the main window (offscreen when there is no display) on a 12-block
// design at 100,000 rps, plays it at max speed for 20 s of wall time while
// the plots, the live canvas and the block dock update, and measures the
// GUI event loop's largest stall with a 5 ms timer on the GUI thread (the
// longest gap between two of its ticks), and the simulated/wall ratio
// achieved. It also reports the UI's budget per frame (UiFrameBudget): the
// GUI thread's time per snapshot shown, split into canvas, plots, docks and
// the rest of the window's repaint, against one 60 Hz frame (16.7 ms).
// Bars: stall below 50 ms, ratio at least 1. Exit status 0 when
// both hold, 1 when one is missed, 2 for a bad command line.
#include "model/Architecture.h"

#include <QStringList>

namespace scalelab::app {

class UiBench {
public:
    static constexpr double kMaxStallMs = 50;
    static constexpr double kMinRatio = 1;

    // Needs a QApplication.
    static int run(const QStringList& arguments);
    // The benchmark design: web tier, auth with a session store, API tier
    // with cache, database and search; `rateRps` at the users.
    static model::Architecture design(double rateRps);
};

} // namespace scalelab::app
