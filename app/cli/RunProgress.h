#pragma once
// What a long `scalelab run` shows while it works, and how it stops.
//
// Progress: a one-line bar on stderr ("[#####.....]  42%  t=25 s of 60 s,
// 3.1 s wall, about 4 s left"), redrawn in place about once a second of
// wall time. Only on a terminal: off when stderr is not one (a pipe, a CI
// log) and with --quiet; --progress prints it as plain lines wherever
// stderr goes. The bar is erased before the results are printed, and also
// when the run ends in an error, so a message never lands mid-bar.
//
// Ctrl+C: the first SIGINT asks the run to stop at its next check (within
// a few thousand events, well under a second); the CLI then prints the
// result measured so far, marked as partial, and exits 130. A second
// Ctrl+C kills the process as usual (the handler is one-shot).
//
// Cost: the engine calls the monitor every MemoryBudget::kCheckEvents
// events; each call reads the clock and a flag.
#include "core/SimTime.h"

#include <chrono>
#include <functional>

namespace scalelab::cli {

class RunProgress {
public:
    enum class Display {
        Auto,   // a bar when stderr is a terminal
        Lines,  // --progress: plain lines, wherever stderr goes
        Off,    // --quiet
    };

    // `end` is the simulated time the run is to reach (warm-up included).
    // Installs the Ctrl+C handler and draws the first state at once.
    RunProgress(Display display, sim::SimTime end);
    ~RunProgress();
    RunProgress(const RunProgress&) = delete;
    RunProgress& operator=(const RunProgress&) = delete;

    // The monitor for Simulator::setMonitor, reading the clock from `now`.
    std::function<bool()> monitor(std::function<sim::SimTime()> now);
    // What the monitor does: redraws when a second has passed; false once
    // Ctrl+C was pressed.
    bool check(sim::SimTime now);
    // Erases the bar (the results follow on stdout).
    void finish();
    // True once Ctrl+C was pressed.
    static bool interrupted();

private:
    void draw(sim::SimTime now);

    bool m_shown = false;    // anything is displayed at all
    bool m_inPlace = false;  // redrawn with \r on a terminal
    bool m_drawn = false;    // a bar is on the line now
    sim::SimTime m_end;
    std::chrono::steady_clock::time_point m_start, m_lastDraw;
};

} // namespace scalelab::cli
