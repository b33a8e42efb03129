#pragma once
// The whole run as the plots draw it. The engine keeps only its last
// windowCapacity windows per series (600: ten minutes at 1 s) and its last
// 2,000 event-log entries; every snapshot carries those. RunHistory appends
// each snapshot's windows and entries later than the ones it holds, so
// whole() is the newest snapshot with every series and the event log
// reaching back to t = 0. A plot created or re-pointed late (the block dock
// after a new selection) reads the run's whole past from it.
//
// A clock that goes back is a new run: the history starts again. Blocks
// keep their series by id, so a block removed and put back (undo of a live
// edit) continues its own. Windows the engine dropped before a snapshot
// reached the GUI (more than windowCapacity windows between two snapshots)
// cannot be recovered; they are counted in missedWindows().
//
// Cost: append is O(new windows + blocks) plus copying the snapshot's
// scalar parts; memory grows with the run, about 150 bytes per window per
// block (an hour of a 16-block design: about 9 MB).
#include "stats/Snapshot.h"

#include <map>
#include <string>
#include <vector>

namespace scalelab::widgets {

class RunHistory {
public:
    void append(const stats::Snapshot& snapshot);
    void clear();
    const stats::Snapshot& whole() const { return m_whole; }
    bool empty() const { return m_whole.series.empty() && m_whole.blocks.empty(); }
    int missedWindows() const { return m_missedWindows; }

    // Appends the windows of `from` that end after the last of `into`;
    // returns how many windows were missed in between (a jump of more than
    // one window length).
    static int appendNewer(std::vector<stats::WindowSample>& into, const std::vector<stats::WindowSample>& from);
    // Appends the entries of `from` later than those of `into`: after its
    // last time, and at that same time those beyond the ones already held.
    static void appendNewer(std::vector<stats::EventLogEntry>& into, const std::vector<stats::EventLogEntry>& from);

private:
    stats::Snapshot m_whole;
    std::map<std::string, std::vector<stats::WindowSample>> m_removedSeries; // by block id
    int m_missedWindows = 0;
};

} // namespace scalelab::widgets
