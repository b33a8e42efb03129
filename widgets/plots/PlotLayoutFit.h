#pragma once
// Fits a time-series plot's legend, time-axis title and value ticks to the
// room the plot has. The legend wraps beside the corner buttons, or below
// them when it would take more rows beside them; a plot too short for a
// legend of several rows and the title drops the title first, then the
// legend (hovering names the curves instead) until it is tall enough again.
#include <QCoreApplication>

class QCustomPlot;

namespace scalelab::widgets {

class PlotLayoutFit {
    Q_DECLARE_TR_FUNCTIONS(PlotLayoutFit)

public:
    // `buttonRowHeight`: the legend row's least height (the buttons sit in it).
    PlotLayoutFit(QCustomPlot* plot, int buttonRowHeight);

    // Whether the plot has a legend at all (shown where it fits).
    void setLegendShown(bool shown);
    // Whether the time axis has its title (where there is room for it).
    void setTimeAxisTitleWanted(bool wanted) { m_timeAxisTitleWanted = wanted; }

    // Wraps the legend to the plot's width, the corner buttons `buttonsWidth`
    // wide; hides the title or the legend where they do not fit.
    void relayout(int buttonsWidth);
    // The legend for a picture `width` wide with no buttons beside it (a report figure).
    void layoutForPicture(int width);
    // As many value ticks as the axis rect's height holds apart (on QCustomPlot::afterLayout).
    void fitValueTicks();

private:
    QCustomPlot* m_plot;
    int m_buttonRowHeight;
    bool m_legendShown = true;
    bool m_timeAxisTitleWanted = true;
};

} // namespace scalelab::widgets
