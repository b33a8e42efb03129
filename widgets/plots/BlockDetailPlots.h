#pragma once
// One block's own story for its dock: latency (p50/p95/p99, downstream
// calls included), queue and utilisation, stacked on a shared time span.
// Blocks without workers (load balancer, cache) have no queue or
// utilisation; a note says so instead of two empty plots.
#include "stats/Snapshot.h"

#include <QWidget>

class QLabel;

namespace scalelab::widgets {

class BlockMetricPlot;
class LatencyPlot;

class BlockDetailPlots : public QWidget {
    Q_OBJECT

public:
    explicit BlockDetailPlots(QWidget* parent = nullptr);

    void setBlock(const QString& id);
    QString block() const { return m_blockId; }
    void appendSnapshot(const stats::Snapshot& snapshot);
    void clear();
    void setWindowSeconds(double seconds);

    LatencyPlot* latencyPlot() const { return m_latency; }
    BlockMetricPlot* queuePlot() const { return m_queue; }
    BlockMetricPlot* utilizationPlot() const { return m_utilization; }

private:
    QString m_blockId;
    QLabel* m_note = nullptr;
    LatencyPlot* m_latency = nullptr;
    BlockMetricPlot* m_queue = nullptr;
    BlockMetricPlot* m_utilization = nullptr;
};

} // namespace scalelab::widgets
