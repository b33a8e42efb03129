#pragma once
// One block's own story for its dock: what it costs now, how long its calls
// waited for a pooled connection and the writes it lost, its latency
// (p50/p95/p99, downstream calls included), its gauge when its kind has one
// (breaker state, messages waiting...), queue and utilisation, stacked on a
// shared time span. Blocks without workers (load balancer, cache) have no
// queue or utilisation, and kinds without a gauge label no gauge: a note
// says so instead of empty plots.
#include "stats/Snapshot.h"

#include <QWidget>

class QLabel;

namespace scalelab::widgets {

class BlockGaugePlot;
class BlockMetricPlot;
class LatencyPlot;
class TimeSeriesPlot;

class BlockDetailPlots : public QWidget {
    Q_OBJECT

public:
    explicit BlockDetailPlots(QWidget* parent = nullptr);

    void setBlock(const QString& id);
    QString block() const { return m_blockId; }
    void appendSnapshot(const stats::Snapshot& snapshot);
    void clear();
    void setFollowSeconds(double seconds); // see TimeSeriesPlot::setFollowSeconds

    LatencyPlot* latencyPlot() const { return m_latency; }
    BlockGaugePlot* gaugePlot() const { return m_gauge; }
    BlockMetricPlot* queuePlot() const { return m_queue; }
    BlockMetricPlot* utilizationPlot() const { return m_utilization; }
    // "Cost $0.20/h now · $146/month"; hidden for kinds that have no price.
    QLabel* costLabel() const { return m_cost; }
    // The block's connection pool waits and the writes it lost, since the
    // run's statistics began; hidden when it has neither.
    QLabel* figuresLabel() const { return m_figures; }

private:
    std::vector<TimeSeriesPlot*> plots() const; // top to bottom

    QString m_blockId;
    QLabel* m_cost = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_note = nullptr;
    LatencyPlot* m_latency = nullptr;
    BlockGaugePlot* m_gauge = nullptr;
    BlockMetricPlot* m_queue = nullptr;
    BlockMetricPlot* m_utilization = nullptr;
};

} // namespace scalelab::widgets
