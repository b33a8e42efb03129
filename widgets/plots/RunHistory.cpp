#include "RunHistory.h"

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {
constexpr double kSlack = 1e-9;
} // namespace

int RunHistory::appendNewer(std::vector<stats::WindowSample>& into, const std::vector<stats::WindowSample>& from)
{
    if (from.empty())
        return 0;
    auto next = from.begin();
    int missed = 0;
    if (!into.empty()) {
        const double last = into.back().endSeconds;
        next = std::upper_bound(from.begin(), from.end(), last + kSlack,
                                [](double t, const stats::WindowSample& w) { return t < w.endSeconds; });
        // The window length is the spacing of the snapshot's windows.
        const double step = from.size() > 1 ? from[1].endSeconds - from[0].endSeconds : 0;
        if (next != from.end() && step > 0)
            missed = std::max(0, static_cast<int>(std::lround((next->endSeconds - last) / step)) - 1);
    }
    into.insert(into.end(), next, from.end());
    return missed;
}

void RunHistory::appendNewer(std::vector<stats::EventLogEntry>& into, const std::vector<stats::EventLogEntry>& from)
{
    if (from.empty())
        return;
    auto next = from.begin();
    if (!into.empty()) {
        const double last = into.back().atS;
        const auto heldAtLast = std::count_if(into.rbegin(), into.rend(), [&](const auto& e) { return e.atS == last; });
        const auto firstAtLast = std::lower_bound(from.begin(), from.end(), last,
                                                  [](const stats::EventLogEntry& e, double t) { return e.atS < t; });
        const auto afterLast = std::upper_bound(from.begin(), from.end(), last,
                                                [](double t, const stats::EventLogEntry& e) { return t < e.atS; });
        next = std::min(afterLast, firstAtLast + std::min<std::ptrdiff_t>(heldAtLast, afterLast - firstAtLast));
    }
    into.insert(into.end(), next, from.end());
}

void RunHistory::append(const stats::Snapshot& snapshot)
{
    const bool wentBack = snapshot.simSeconds + kSlack < m_whole.simSeconds ||
                          (!snapshot.series.empty() && !m_whole.series.empty() &&
                           snapshot.series.back().endSeconds + kSlack < m_whole.series.back().endSeconds);
    if (wentBack)
        clear(); // a new run

    // Every block's series so far, by id; what the snapshot no longer has stays aside.
    std::map<std::string, std::vector<stats::WindowSample>> held = std::move(m_removedSeries);
    m_removedSeries.clear();
    for (stats::BlockSnapshot& block : m_whole.blocks)
        held[block.id] = std::move(block.series);

    std::vector<stats::WindowSample> series = std::move(m_whole.series);
    std::vector<stats::EventLogEntry> log = std::move(m_whole.eventLog);
    m_whole = snapshot; // the newest figures; its series and log are replaced below
    m_missedWindows += appendNewer(series, snapshot.series);
    m_whole.series = std::move(series);
    appendNewer(log, snapshot.eventLog);
    m_whole.eventLog = std::move(log);
    for (stats::BlockSnapshot& block : m_whole.blocks) {
        auto it = held.find(block.id);
        if (it == held.end())
            continue; // new: the snapshot's own series is all there is
        std::vector<stats::WindowSample> own = std::move(it->second);
        held.erase(it);
        appendNewer(own, block.series);
        block.series = std::move(own);
    }
    m_removedSeries = std::move(held);
}

void RunHistory::clear()
{
    m_whole = {};
    m_removedSeries.clear();
    m_missedWindows = 0;
}

} // namespace scalelab::widgets
