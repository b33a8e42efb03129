#pragma once
// One figure of two runs in one plot: design A solid, design B dashed, both
// in the figure's colour, with a legend naming them. Rows hold only the
// windows both runs have closed (the two engines advance at their own pace:
// at Max speed one may be seconds ahead), so no row is drawn with one side
// missing and filled in later. The legend says only "A" and "B" (a plot is
// narrow); the panes above name the designs. Everything else (follow, decimation, hover
// read-out, export, markers of A's event log) is TimeSeriesPlot's.
#include "plots/TimeSeriesPlot.h"

#include <functional>

namespace scalelab::widgets {

class CompareOverlayPlot : public TimeSeriesPlot {
    Q_OBJECT

public:
    // The value one window shows; NaN leaves a gap (no completion: no latency).
    using Figure = std::function<double(const stats::WindowSample&)>;

    CompareOverlayPlot(const QString& title, const QString& unit, const QColor& color, Figure figure,
                       QWidget* parent = nullptr);

    // Appends the windows both snapshots hold that end after the newest row.
    void appendPair(const stats::Snapshot& a, const stats::Snapshot& b);

protected:
    const std::vector<stats::WindowSample>* timeline(const stats::Snapshot& snapshot) const override;
    std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const override;

private:
    QString m_unit;
    Figure m_figure;
    // During appendPair: the windows both runs closed since the newest row,
    // and B's value for each of them.
    std::vector<stats::WindowSample> m_common;
    std::vector<double> m_valuesB;
};

} // namespace scalelab::widgets
