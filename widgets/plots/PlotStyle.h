#pragma once
// Colours and pens of the plots in one place, so the live docks, the block
// dock and the capacity sweep speak the same visual language.
#include <QColor>
#include <QPen>

class QCustomPlot;

namespace scalelab::widgets::plotstyle {

// Distinct, colour-blind-friendly hues (Okabe-Ito, then Tableau) for series
// without a meaning of their own, such as one line per block.
QColor seriesColor(int index);

// Latency percentiles: blue, orange, purple (apart from the red reference lines).
inline QColor p50() { return {0x56, 0xb4, 0xe9}; }
inline QColor p95() { return {0xe6, 0x9f, 0x00}; }
inline QColor p99() { return {0x7b, 0x32, 0x94}; }
inline QColor success() { return {0x2a, 0x9d, 0x5c}; }
inline QColor analytic() { return {0x55, 0x55, 0x55}; }
inline QColor cost() { return {0x00, 0x7f, 0x86}; }
// Bad news in a dock's text (data lost): the canvas's error red.
inline QColor loss() { return {0xd1, 0x24, 0x2f}; }
// Reference lines (SLO, 100% utilisation, knee).
inline QColor reference() { return {0xc0, 0x1c, 0x28}; }
QPen referencePen();

// Fonts, grid, margins and compact tick labels (CompactTicker) shared by every plot.
void applyBaseStyle(QCustomPlot* plot);
// Moves the legend into a row above the axes, packed to the left and at
// least `minimumHeight` tall, so it never covers data.
void placeLegendAbove(QCustomPlot* plot, int minimumHeight);
// How many legend columns fit in `availableWidth`; 0 when not even one does.
int legendColumnsFitting(QCustomPlot* plot, int availableWidth);
// As many legend columns as fit in `availableWidth`; the rest wraps to new
// rows. False when even one column is wider than that.
bool wrapLegend(QCustomPlot* plot, int availableWidth);

} // namespace scalelab::widgets::plotstyle
