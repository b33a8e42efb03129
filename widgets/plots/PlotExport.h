#pragma once
// Writing a time-series plot to a file: its rows as CSV (the numbers as
// held, not as drawn), or its picture as PNG or PDF. TimeSeriesPlot::exportTo
// picks by the file's extension.
#include "PlotRows.h"

#include <QStringList>

#include <deque>

class QCustomPlot;

namespace scalelab::widgets::plotexport {

// A header ("time_s", then `columns` quoted where CSV needs it) and one line
// per row: its time, then a value per column, empty where it has none.
QString csv(const QStringList& columns, const std::deque<PlotRow>& rows);
// Writes `text` to `path` atomically; false when that failed.
bool writeText(const QString& path, const QString& text);
// Saves the picture of `plot` as `format` ("png" or "pdf") at the size it
// is shown, 640 x 320 when it never was; false when that failed.
bool writePicture(QCustomPlot* plot, const QString& path, const QString& format);

} // namespace scalelab::widgets::plotexport
