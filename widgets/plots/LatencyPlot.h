#pragma once
// End-to-end latency percentiles (p50/p95/p99) per window, with the SLO as
// a dashed line. Reads all clients together, or one block's own latency
// (downstream calls included) after setBlock.
#include "TimeSeriesPlot.h"

class QCPItemStraightLine;
class QCPItemText;

namespace scalelab::widgets {

class LatencyPlot : public TimeSeriesPlot {
    Q_OBJECT

public:
    explicit LatencyPlot(QWidget* parent = nullptr);

    // The p95 objective in ms; 0 hides the line.
    void setSloMs(double ms);
    const QCPItemStraightLine* sloLine() const { return m_sloLine; }
    // Empty (the default): all clients; otherwise the block with this id.
    void setBlock(const QString& id);

protected:
    const std::vector<stats::WindowSample>* timeline(const stats::Snapshot& snapshot) const override;
    std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const override;
    double valueCeiling(double largestShown) const override;

private:
    // Beside the line, or pinned to the top edge when the SLO is above the view.
    void placeSloLabel();

    double m_sloMs = 0;
    QString m_blockId;
    QCPItemStraightLine* m_sloLine = nullptr;
    QCPItemText* m_sloLabel = nullptr;
};

} // namespace scalelab::widgets
