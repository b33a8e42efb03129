#pragma once
// Responses per second by outcome, as stacked filled areas: successful
// throughput at the bottom, each kind of error above it, so the top edge is
// everything that finished and a growing error band is hard to miss. An
// error kind is drawn and joins the legend once it has happened.
#include "TimeSeriesPlot.h"

namespace scalelab::widgets {

class ThroughputPlot : public TimeSeriesPlot {
    Q_OBJECT

public:
    explicit ThroughputPlot(QWidget* parent = nullptr);

protected:
    std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const override;
    std::vector<double> displayValues(const std::vector<double>& values) const override;
    void rowsChanged() override;
};

} // namespace scalelab::widgets
