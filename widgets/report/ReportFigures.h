#pragma once
// Records the pictures a report shows, as vectors: the design as the canvas
// draws it, and a plot with its title above it, exactly as its dock shows it
// (its current data, range and legend).
#include "ReportData.h"

#include <QSize>

namespace scalelab::widgets {

class CanvasScene;
class TimeSeriesPlot;

namespace ReportFigures {

ReportFigure design(CanvasScene* scene);
// The legend is wrapped for `size` while drawing (a plot in a narrow tab
// would stack it), then for the widget again.
// `size`: the plot's drawing size in document pixels (the report scales it to the page width).
ReportFigure plot(const QString& title, TimeSeriesPlot* plot, QSize size = {680, 250});

} // namespace ReportFigures
} // namespace scalelab::widgets
