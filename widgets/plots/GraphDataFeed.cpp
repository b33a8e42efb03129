#include "GraphDataFeed.h"

#include "MinMaxDecimation.h"

#include <qcustomplot.h>

#include <algorithm>
#include <limits>

namespace scalelab::widgets {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// What a row draws for a series: a gap where the series was added after it.
QCPGraphData pointOf(const PlotRow& row, size_t series)
{
    return {row.seconds, series < row.shown.size() ? row.shown[series] : kNaN};
}
} // namespace

void GraphDataFeed::addGraph(QCPGraph* graph)
{
    m_graphs.push_back(graph);
    m_rowsDirty = true;
}

void GraphDataFeed::redraw(const QCPRange& range, int pixels, const std::deque<PlotRow>& rows)
{
    const double firstSeconds = rows.empty() ? kInfinity : rows.front().seconds;
    const DrawnKey key{range.lower, range.upper, firstSeconds, rows.size(), pixels, static_cast<int>(m_graphs.size())};
    if (key == m_drawnKey && !m_rowsDirty)
        return;
    m_drawnKey = key;
    const bool rowsDirty = m_rowsDirty;
    m_rowsDirty = false;
    auto byTime = [](const PlotRow& row, double t) { return row.seconds < t; };
    // The rows in view and one beyond each edge, so lines run on to the axis' ends.
    auto begin = std::lower_bound(rows.begin(), rows.end(), range.lower, byTime);
    auto end = std::lower_bound(begin, rows.end(), range.upper, byTime);
    if (begin != rows.begin())
        --begin;
    if (end != rows.end())
        ++end;
    const auto first = static_cast<size_t>(begin - rows.begin());
    const auto last = static_cast<size_t>(end - rows.begin());
    if (last - first <= 2 * static_cast<size_t>(pixels)) {
        // Every row in view is drawn as it is: the graphs hold exactly
        // rows [first, last). When they held a contiguous run of rows that
        // this one extends forward (the common case: following a live run),
        // only the rows that scrolled out are removed and the new ones
        // appended; the data equal a rebuild's, at the cost of the change.
        const double from = first < last ? rows[first].seconds : 0;
        const double to = first < last ? rows[last - 1].seconds : 0;
        const bool extends = m_drawn.all && !rowsDirty && first < last && m_drawn.rows > 0 &&
                             from >= m_drawn.from && to >= m_drawn.to && m_drawn.to >= from;
        if (extends) {
            auto newer = std::upper_bound(rows.begin() + static_cast<std::ptrdiff_t>(first),
                                          rows.begin() + static_cast<std::ptrdiff_t>(last), m_drawn.to,
                                          [](double t, const PlotRow& row) { return t < row.seconds; });
            const auto appendFrom = static_cast<size_t>(newer - rows.begin());
            for (size_t series = 0; series < m_graphs.size(); ++series) {
                const auto data = m_graphs[series]->data();
                data->removeBefore(from);
                QVector<QCPGraphData> points;
                points.reserve(static_cast<qsizetype>(last - appendFrom));
                for (size_t row = appendFrom; row < last; ++row)
                    points.append(pointOf(rows[row], series));
                data->add(points, true);
            }
            m_appendedRows += static_cast<int>(last - appendFrom);
        } else {
            std::vector<size_t> picked;
            for (size_t row = first; row < last; ++row)
                picked.push_back(row);
            fillGraphs(rows, picked);
            ++m_rebuilds;
        }
        m_drawn = {first < last, from, to, last - first};
        m_drawnRows = static_cast<int>(last - first);
        return;
    }
    // More than two rows a pixel: the slices move with the span, so the
    // decimation is redone over the rows in view.
    std::vector<int> visible; // hidden series (errors that never happened) pick no rows
    for (size_t series = 0; series < m_graphs.size(); ++series)
        if (m_graphs[series]->visible())
            visible.push_back(static_cast<int>(series));
    const std::vector<size_t> picked = decimation::minMaxRows(
        first, last, pixels, static_cast<int>(visible.size()), [&rows](size_t row) { return rows[row].seconds; },
        [&rows, &visible](size_t row, int series) {
            const auto& shown = rows[row].shown;
            const auto index = static_cast<size_t>(visible[static_cast<size_t>(series)]);
            return index < shown.size() ? shown[index] : kNaN;
        });
    fillGraphs(rows, picked);
    ++m_rebuilds;
    m_drawn = {};
}

void GraphDataFeed::fillGraphs(const std::deque<PlotRow>& rows, const std::vector<size_t>& picked)
{
    m_drawnRows = static_cast<int>(picked.size());
    for (size_t series = 0; series < m_graphs.size(); ++series) {
        QVector<QCPGraphData> points;
        points.reserve(static_cast<qsizetype>(picked.size()));
        for (size_t row : picked)
            points.append(pointOf(rows[row], series));
        m_graphs[series]->data()->set(points, true);
    }
}

} // namespace scalelab::widgets
