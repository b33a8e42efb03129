#include "PlotLayoutFit.h"

#include "PlotStyle.h"

#include <qcustomplot.h>

#include <algorithm>

namespace scalelab::widgets {

namespace {
constexpr int kAxisRectLeastHeight = 90; // tick labels and room to read a curve
} // namespace

PlotLayoutFit::PlotLayoutFit(QCustomPlot* plot, int buttonRowHeight)
    : m_plot(plot)
    , m_buttonRowHeight(buttonRowHeight)
{
}

void PlotLayoutFit::setLegendShown(bool shown)
{
    m_legendShown = shown;
    m_plot->legend->setVisible(shown);
}

void PlotLayoutFit::layoutForPicture(int width)
{
    QMargins margins = m_plot->legend->margins();
    margins.setTop(2);
    m_plot->legend->setMargins(margins);
    plotstyle::wrapLegend(m_plot, width);
}

void PlotLayoutFit::relayout(int buttonsWidth)
{
    // The buttons sit at the right end of the legend row. A legend that
    // would take more rows beside them than below them (a long cost figure,
    // three percentiles in a narrow dock) moves below them.
    const int count = m_plot->legend->itemCount();
    auto rowsWith = [count](int columns) { return columns > 0 ? (count + columns - 1) / columns : count + 2; };
    QMargins margins = m_plot->legend->margins();
    margins.setTop(2);
    m_plot->legend->setMargins(margins);
    const int besideWidth = m_plot->width() - buttonsWidth - 12;
    const int belowWidth = m_plot->width() - 8;
    // One that does not fit beside them at all (a magnified cost figure)
    // goes below too: clipped at the right edge rather than under a button.
    const int besideColumns = plotstyle::legendColumnsFitting(m_plot, besideWidth);
    const bool below = m_legendShown && count > 0 &&
                       (besideColumns == 0 ||
                        1 + rowsWith(plotstyle::legendColumnsFitting(m_plot, belowWidth)) < rowsWith(besideColumns));
    if (below) {
        margins.setTop(m_buttonRowHeight);
        m_plot->legend->setMargins(margins);
    }
    plotstyle::wrapLegend(m_plot, below ? belowWidth : besideWidth);

    // A short plot (a dock with tabs under it at 1280x800) cannot hold a
    // legend of several rows and the time axis' title: QCustomPlot would
    // squeeze the legend's rows over each other. First the title goes (the
    // tick labels still say seconds); a legend that still does not fit (seven
    // blocks in the utilisation plot) is hidden, and hovering names the
    // curves instead, until the dock is tall enough again.
    const int legendRows = m_legendShown && count > 0 ? m_plot->legend->rowCount() : 0;
    const int legendHeight = m_plot->legend->minimumOuterSizeHint().height();
    const int titleHeight = QFontMetrics(m_plot->xAxis->labelFont()).height();
    const int room = m_plot->height() - kAxisRectLeastHeight;
    const bool legendFits = legendRows < 2 || legendHeight <= room;
    const bool crowded = legendRows >= 2 && legendFits && legendHeight + titleHeight > room;
    const QString title = m_timeAxisTitleWanted && !crowded ? tr("simulated time (s)") : QString();
    const bool legendVisible = m_legendShown && legendFits;
    if (m_plot->xAxis->label() != title || m_plot->legend->visible() != legendVisible) {
        m_plot->xAxis->setLabel(title);
        m_plot->legend->setVisible(legendVisible);
        // QCustomPlot's layout still sizes a hidden element by its contents;
        // a set minimum (any height > 0) replaces that size hint.
        m_plot->legend->setMinimumSize(0, legendVisible ? 0 : 1);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void PlotLayoutFit::fitValueTicks()
{
    // Room for a label and more than its height again between two ticks, and
    // never fewer than two (one step may overshoot the range and leave the
    // axis bare). The ticks of this layout are set already: a change shows
    // from the next replot.
    const int labelHeight = QFontMetrics(m_plot->yAxis->tickLabelFont()).height();
    const int count = std::clamp(static_cast<int>(m_plot->axisRect()->height() / (2.6 * labelHeight)), 2, 6);
    if (count != m_plot->yAxis->ticker()->tickCount()) {
        m_plot->yAxis->ticker()->setTickCount(count);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace scalelab::widgets
