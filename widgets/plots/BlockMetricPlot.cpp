#include "BlockMetricPlot.h"

#include "PlotStyle.h"
#include "QtText.h"
#include "model/Registry.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

// The window of `series` that ends at `endSeconds`: every block closes its
// windows with the clients', so usually the same index.
const stats::WindowSample* windowAt(const std::vector<stats::WindowSample>& series, size_t hint, double endSeconds)
{
    constexpr double kSlack = 1e-9;
    if (hint < series.size() && std::abs(series[hint].endSeconds - endSeconds) < kSlack)
        return &series[hint];
    auto it = std::lower_bound(series.begin(), series.end(), endSeconds - kSlack,
                               [](const stats::WindowSample& w, double t) { return w.endSeconds < t; });
    return it != series.end() && std::abs(it->endSeconds - endSeconds) < kSlack ? &*it : nullptr;
}

} // namespace

BlockMetricPlot::BlockMetricPlot(Metric metric, QWidget* parent)
    : TimeSeriesPlot(parent)
    , m_metric(metric)
{
    switch (metric) {
    case Metric::Utilization:
        setValueAxisLabel(tr("utilisation (%)"));
        m_fullLine = new QCPItemStraightLine(customPlot());
        m_fullLine->setPen(plotstyle::referencePen());
        m_fullLine->point1->setCoords(0, 100);
        m_fullLine->point2->setCoords(1, 100);
        break;
    case Metric::Queue: setValueAxisLabel(tr("queued requests")); break;
    case Metric::Instances: setValueAxisLabel(tr("instances")); break;
    }
}

void BlockMetricPlot::setBlockFilter(const QString& id)
{
    m_filter = id;
    clear();
    // Every line leaves the view until prepare() finds its block in a snapshot.
    for (int series = 0; series < seriesCount(); ++series) {
        graph(series)->setVisible(false);
        graph(series)->removeFromLegend();
    }
    relayoutLegend();
}

bool BlockMetricPlot::appliesTo(const stats::BlockSnapshot& block) const
{
    if (!m_filter.isEmpty() && toQString(block.id) != m_filter)
        return false;
    if (m_metric != Metric::Instances)
        return block.hasWorkers;
    // Traffic sources (clients) have no servers to count.
    const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
    return block.instances > 0 && (!spec || spec->acceptsInput);
}

bool BlockMetricPlot::hasValues(int series) const
{
    const auto index = static_cast<size_t>(series);
    return std::any_of(rows().rbegin(), rows().rend(), [index](const Row& row) {
        return index < row.values.size() && std::isfinite(row.values[index]);
    });
}

int BlockMetricPlot::seriesOf(const QString& blockId) const
{
    const auto it = m_seriesOfBlock.find(blockId);
    return it == m_seriesOfBlock.end() ? -1 : it->second;
}

void BlockMetricPlot::prepare(const stats::Snapshot& snapshot)
{
    m_blockOfSeries.assign(static_cast<size_t>(seriesCount()), -1);
    bool legendChanged = false;
    for (size_t index = 0; index < snapshot.blocks.size(); ++index) {
        const stats::BlockSnapshot& block = snapshot.blocks[index];
        if (!appliesTo(block))
            continue;
        const QString id = toQString(block.id);
        const QString name = block.name.empty() ? id : toQString(block.name);
        int series = seriesOf(id);
        if (series < 0) {
            series = addSeries(name, m_metric == Metric::Utilization ? tr("%") : QString(),
                               plotstyle::seriesColor(static_cast<int>(index)));
            if (m_metric == Metric::Instances)
                graph(series)->setLineStyle(QCPGraph::lsStepLeft); // counts change in steps
            m_seriesOfBlock[id] = series;
            m_blockOfSeries.push_back(-1);
            legendChanged = true;
        }
        m_blockOfSeries[static_cast<size_t>(series)] = static_cast<int>(index);
    }
    // Blocks missing from this snapshot leave the view, unless the plot holds
    // their past: a block removed by a live edit keeps its line up to then.
    for (size_t series = 0; series < m_blockOfSeries.size(); ++series) {
        QCPGraph* line = graph(static_cast<int>(series));
        const bool present = m_blockOfSeries[series] >= 0 || hasValues(static_cast<int>(series));
        if (line->visible() != present) {
            line->setVisible(present);
            present ? line->addToLegend() : line->removeFromLegend();
            legendChanged = true;
        }
    }
    if (legendChanged)
        relayoutLegend();
}

std::vector<double> BlockMetricPlot::rowValues(const stats::Snapshot& snapshot, size_t index) const
{
    const double endSeconds = snapshot.series[index].endSeconds;
    std::vector<double> values(m_blockOfSeries.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t series = 0; series < m_blockOfSeries.size(); ++series) {
        if (m_blockOfSeries[series] < 0)
            continue;
        const auto& block = snapshot.blocks[static_cast<size_t>(m_blockOfSeries[series])];
        const stats::WindowSample* window = windowAt(block.series, index, endSeconds);
        if (!window)
            continue;
        switch (m_metric) {
        case Metric::Utilization: values[series] = window->utilization * 100; break;
        case Metric::Queue: values[series] = window->meanQueue; break;
        case Metric::Instances: values[series] = window->instances; break;
        }
    }
    return values;
}

double BlockMetricPlot::valueCeiling(double largestShown) const
{
    switch (m_metric) {
    case Metric::Utilization: return std::max(110.0, largestShown * 1.1); // 100% always in view
    case Metric::Instances: return std::max(1.0, largestShown) + 1;
    case Metric::Queue: break;
    }
    return TimeSeriesPlot::valueCeiling(largestShown);
}

} // namespace scalelab::widgets
