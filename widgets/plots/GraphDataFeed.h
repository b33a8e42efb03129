#pragma once
// Puts a time-series plot's rows into its graphs: the rows in view, each
// drawn as it is while there are at most two a pixel, decimated to every
// slice's extremes beyond that (MinMaxDecimation: every spike survives).
// While a live run is followed the view moves forward a window at a time:
// then only the rows that scrolled out are removed and the new ones
// appended, instead of refilling every graph. TimeSeriesPlot owns one.
#include "PlotRows.h"

#include <QtGlobal>

#include <deque>
#include <vector>

class QCPGraph;
class QCPRange;

namespace scalelab::widgets {

class GraphDataFeed {
public:
    // A graph for the next series; its rows are refilled on the next redraw.
    void addGraph(QCPGraph* graph);
    // The rows held were replaced (a new run may repeat the old one's times): rebuild.
    void forgetDrawnRows() { m_drawn = {}; }

    // Fills the graphs from `rows` (oldest first) for the time axis
    // `range`, `pixels` wide; does nothing when neither changed since.
    void redraw(const QCPRange& range, int pixels, const std::deque<PlotRow>& rows);

    int drawnPointCount() const { return m_drawnRows; }
    int rebuilds() const { return m_rebuilds; }
    int appendedRows() const { return m_appendedRows; }

private:
    // Sets every graph's data to rows `picked` (ascending).
    void fillGraphs(const std::deque<PlotRow>& rows, const std::vector<size_t>& picked);

    std::vector<QCPGraph*> m_graphs; // one per series, in series order
    int m_drawnRows = 0;
    // What the graphs were last filled from; a redraw with the same key is skipped.
    struct DrawnKey {
        double lower = 0, upper = 0, firstSeconds = 0;
        size_t rows = 0;
        int buckets = 0, series = 0;
        bool operator==(const DrawnKey&) const = default;
    } m_drawnKey;
    bool m_rowsDirty = true; // values changed under the same key (a series added)
    // The rows the graphs hold when they hold every row in view (no
    // decimation): seconds of the first and last, and how many. A redraw
    // that moves forward from these only trims and appends.
    struct DrawnRows {
        bool all = false;
        double from = 0, to = 0;
        size_t rows = 0;
    } m_drawn;
    int m_rebuilds = 0;
    int m_appendedRows = 0;
};

} // namespace scalelab::widgets
