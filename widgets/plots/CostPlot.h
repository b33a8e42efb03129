#pragma once
// The whole design's running cost in dollars per hour, window by window
// (every block's instances x price plus request rate x per-million price).
// The legend row, where the eye already reads what a line is, carries the
// current rate per hour and per month, so the bill is read without hovering.
#include "TimeSeriesPlot.h"

namespace scalelab::widgets {

class CostPlot : public TimeSeriesPlot {
    Q_OBJECT

public:
    explicit CostPlot(QWidget* parent = nullptr);

    // What the legend row says now: "$0.20/h now · $146/month", or only the
    // series' name before the first window.
    QString currentText() const;

protected:
    void prepare(const stats::Snapshot& snapshot) override;
    std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const override;
    void rowsChanged() override;

private:
    double m_currentPerHour = 0; // the latest snapshot's, not a window's: what is being spent now
};

} // namespace scalelab::widgets
