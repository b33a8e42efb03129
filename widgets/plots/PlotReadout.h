#pragma once
// The hover read-out of a time-series plot: a dotted line at the window
// under the mouse and a box with what it held, on the side of the plot the
// mouse is not. Both are items on the overlay layer, so moving them
// replots that layer only. The plot says what the box reads (readoutAt).
class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;
class QString;

namespace scalelab::widgets {

class PlotReadout {
public:
    // Adds the (hidden) items to `plot`, in its legend's font.
    explicit PlotReadout(QCustomPlot* plot);

    // The line at `seconds` and the box with `text`: at the right when the
    // mouse is on the left half, else at the left.
    void show(double seconds, const QString& text, bool mouseOnLeft);
    void hide();

private:
    QCustomPlot* m_plot;
    QCPItemStraightLine* m_cursorLine;
    QCPItemText* m_text;
};

} // namespace scalelab::widgets
