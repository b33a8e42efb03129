#include "BlockDetailPlots.h"

#include "BlockMetricPlot.h"
#include "LatencyPlot.h"
#include "QtText.h"

#include <QLabel>
#include <QVBoxLayout>

namespace scalelab::widgets {

BlockDetailPlots::BlockDetailPlots(QWidget* parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_latency(new LatencyPlot(this))
    , m_queue(new BlockMetricPlot(BlockMetricPlot::Metric::Queue, this))
    , m_utilization(new BlockMetricPlot(BlockMetricPlot::Metric::Utilization, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // The stacked plots are short: full axis titles, rotated, would be
    // taller than the plots and clipped. Units alone fit.
    m_latency->setValueAxisLabel(tr("ms"));
    m_queue->setValueAxisLabel(tr("queued"));
    m_utilization->setValueAxisLabel(tr("util %"));
    m_note->setWordWrap(true);
    m_note->setContentsMargins(8, 4, 8, 4);
    m_note->setVisible(false);
    layout->addWidget(m_latency, 2);
    layout->addWidget(m_queue, 1);
    layout->addWidget(m_utilization, 1);
    layout->addWidget(m_note);
    // One block, one line each: the axis titles say what the lines are.
    m_queue->setLegendShown(false);
    m_utilization->setLegendShown(false);
    m_latency->setTimeAxisTitleShown(false);
    m_queue->setTimeAxisTitleShown(false);
    setBlock({});
}

void BlockDetailPlots::setBlock(const QString& id)
{
    m_blockId = id;
    m_latency->setBlock(id);
    m_queue->setBlockFilter(id);
    m_utilization->setBlockFilter(id);
    m_note->setVisible(false);
}

void BlockDetailPlots::appendSnapshot(const stats::Snapshot& snapshot)
{
    if (m_blockId.isEmpty())
        return; // no block chosen: an empty filter would mean every block
    const stats::BlockSnapshot* block = nullptr;
    for (const auto& candidate : snapshot.blocks)
        if (toQString(candidate.id) == m_blockId)
            block = &candidate;
    const bool pooled = block && block->hasWorkers;
    m_queue->setVisible(pooled);
    m_utilization->setVisible(pooled);
    m_note->setVisible(block && !pooled);
    m_latency->setTimeAxisTitleShown(!pooled); // the lowest plot shown carries the time title
    if (block && !pooled)
        m_note->setText(tr("%1 has no workers of its own, so it has no queue or utilisation; its latency "
                           "includes the blocks it calls.")
                            .arg(toQString(block->name.empty() ? block->id : block->name)));
    m_latency->appendSnapshot(snapshot);
    m_queue->appendSnapshot(snapshot);
    m_utilization->appendSnapshot(snapshot);
}

void BlockDetailPlots::clear()
{
    m_latency->clear();
    m_queue->clear();
    m_utilization->clear();
}

void BlockDetailPlots::setWindowSeconds(double seconds)
{
    m_latency->setWindowSeconds(seconds);
    m_queue->setWindowSeconds(seconds);
    m_utilization->setWindowSeconds(seconds);
}

} // namespace scalelab::widgets
