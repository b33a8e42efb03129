#pragma once
// Responses per second by outcome, as stacked filled areas: successful
// throughput at the bottom, each kind of error above it, so the top edge is
// everything that finished and a growing error band is hard to miss. An
// error kind is drawn and joins the legend once it has happened.
#include "TimeSeriesPlot.h"

#include <limits>
#include <vector>

namespace scalelab::widgets {

class ThroughputPlot : public TimeSeriesPlot {
    Q_OBJECT

public:
    explicit ThroughputPlot(QWidget* parent = nullptr);

protected:
    std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const override;
    std::vector<double> displayValues(const std::vector<double>& values) const override;
    void rowsChanged() override;

private:
    std::vector<bool> m_seen; // per series: an error of its kind is in a row held
    double m_readUpTo = -std::numeric_limits<double>::infinity(); // rows up to this time were read
};

} // namespace scalelab::widgets
