#pragma once
// One per-block metric over time, one line per block: utilisation (%),
// queue length or instance count. A block's colour follows its place in the
// design, so it is the same in every plot and survives a reset.
#include "TimeSeriesPlot.h"

#include <map>

class QCPItemStraightLine;

namespace scalelab::widgets {

class BlockMetricPlot : public TimeSeriesPlot {
    Q_OBJECT

public:
    enum class Metric { Utilization, Queue, Instances };

    explicit BlockMetricPlot(Metric metric, QWidget* parent = nullptr);

    Metric metric() const { return m_metric; }
    // Only this block (empty, the default: every block the metric applies to).
    void setBlockFilter(const QString& id);
    // Whether the metric means something for `block`: workers for utilisation
    // and queue, instances for the instance count (traffic sources excluded).
    bool appliesTo(const stats::BlockSnapshot& block) const;
    // Series index of a block; -1 when it has none.
    int seriesOf(const QString& blockId) const;

protected:
    void prepare(const stats::Snapshot& snapshot) override;
    std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const override;
    double valueCeiling(double largestShown) const override;

private:
    bool hasValues(int series) const; // any row held has a value for it

    Metric m_metric;
    QString m_filter;
    std::map<QString, int> m_seriesOfBlock;
    std::vector<int> m_blockOfSeries; // index into the current snapshot's blocks; -1 when absent
    QCPItemStraightLine* m_fullLine = nullptr; // 100% utilisation
};

} // namespace scalelab::widgets
