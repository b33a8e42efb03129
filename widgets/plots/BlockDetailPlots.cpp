#include "BlockDetailPlots.h"

#include "BlockGaugePlot.h"
#include "BlockMetricPlot.h"
#include "CostText.h"
#include "LatencyPlot.h"
#include "TimeMarkers.h"
#include "QtText.h"
#include "PlotStyle.h"
#include "core/FigureNames.h"
#include "model/NumberText.h"
#include "model/Registry.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace scalelab::widgets {

namespace {

// Legend row, data and time axis each readable: below this the plots scroll instead of shrinking.
constexpr int kPlotMinimumHeight = 125;

// A kind has a price when the registry gives it a parameter in dollars
// (per instance-hour, per million requests, per GB-second).
bool hasPrice(const std::string& kind)
{
    const model::BlockSpec* spec = model::Registry::instance().find(kind);
    return spec && std::any_of(spec->params.begin(), spec->params.end(),
                               [](const model::ParamSpec& param) { return param.unit.starts_with('$'); });
}

double extra(const stats::BlockSnapshot& block, const char* name)
{
    const auto it = block.extras.find(name);
    return it == block.extras.end() ? 0.0 : it->second;
}

// "Connection pool: 51% of calls waited, mean 5.1 ms, p95 23 ms; 3 gave up
// (pool timeout)" and, in the error colour, "Lost writes: 37 ..." and
// "Users logged out: ..." (sessions). Empty when the block has none of them.
QString figuresText(const stats::BlockSnapshot& block)
{
    QStringList lines;
    if (block.extras.count(figures::kPoolCalls)) {
        const double calls = extra(block, figures::kPoolCalls), timeouts = extra(block, figures::kPoolTimeouts);
        const double asked = calls + timeouts;
        QString line = BlockDetailPlots::tr("Connection pool: %1% of calls waited, mean %2, p95 %3")
                           .arg(asked > 0 ? qRound(100 * extra(block, figures::kPoolWaited) / asked) : 0)
                           .arg(toQString(model::latencyText(extra(block, figures::kPoolWaitMeanMs))),
                                toQString(model::latencyText(extra(block, figures::kPoolWaitP95Ms))));
        if (timeouts > 0)
            line += BlockDetailPlots::tr("; %1 gave up (pool timeout)").arg(toQString(model::compactNumber(timeouts)));
        lines << line.toHtmlEscaped();
    }
    if (const double lost = extra(block, figures::kLostWrites); lost > 0)
        lines << QStringLiteral("<span style='color:%1'>%2</span>")
                     .arg(plotstyle::loss().name(),
                          BlockDetailPlots::tr("Lost writes: %1 acknowledged but never written (unflushed when it crashed)")
                              .arg(toQString(model::compactNumber(lost)))
                              .toHtmlEscaped());
    if (block.extras.count(figures::kSessionsLost)) {
        // Where the sessions live says what a crash costs: held in memory,
        // they die with their instance; in a store, nothing.
        lines << (block.extras.count(figures::kSessions)
                      ? BlockDetailPlots::tr("Sessions: %1 held in instance memory")
                            .arg(toQString(model::compactNumber(extra(block, figures::kSessions))))
                      : BlockDetailPlots::tr("Sessions: in the shared store (a crash loses none)"))
                     .toHtmlEscaped();
        const double lost = extra(block, figures::kSessionsLost), loggedOut = extra(block, figures::kLoggedOut);
        if (lost > 0 || loggedOut > 0)
            lines << QStringLiteral("<span style='color:%1'>%2</span>")
                         .arg(plotstyle::loss().name(),
                              BlockDetailPlots::tr("Users logged out: %1 sessions lost in crashes; %2 requests "
                                                   "found no session on their instance and failed")
                                  .arg(toQString(model::compactNumber(lost)),
                                       toQString(model::compactNumber(loggedOut)))
                                  .toHtmlEscaped());
    }
    return lines.join("<br>");
}

} // namespace

BlockDetailPlots::BlockDetailPlots(QWidget* parent)
    : QWidget(parent)
    , m_cost(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_note(new QLabel(this))
    , m_latency(new LatencyPlot(this))
    , m_gauge(new BlockGaugePlot(this))
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
    m_cost->setContentsMargins(8, 2, 8, 0);
    m_cost->setVisible(false);
    m_figures->setContentsMargins(8, 0, 8, 0);
    m_figures->setWordWrap(true);
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setVisible(false);
    m_note->setWordWrap(true);
    m_note->setContentsMargins(8, 4, 8, 4);
    m_note->setVisible(false);
    layout->addWidget(m_cost);
    layout->addWidget(m_figures);
    // Equal shares of a tall dock; in a short one each plot keeps a readable
    // height and the column scrolls, rather than every plot shrinking to a
    // strip of overlapping ticks.
    auto* column = new QWidget;
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(2);
    for (TimeSeriesPlot* plot : plots()) {
        plot->setMinimumHeight(kPlotMinimumHeight);
        columnLayout->addWidget(plot, 1);
    }
    columnLayout->addWidget(m_note);
    columnLayout->addStretch(0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(column);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);
    // One block, one line each: the axis titles say what the lines are.
    m_gauge->setLegendShown(false);
    m_queue->setLegendShown(false);
    m_utilization->setLegendShown(false);
    setBlock({});
}

std::vector<TimeSeriesPlot*> BlockDetailPlots::plots() const
{
    return {m_latency, m_gauge, m_queue, m_utilization};
}

void BlockDetailPlots::setBlock(const QString& id)
{
    m_blockId = id;
    m_latency->setBlock(id);
    m_gauge->setBlock(id);
    m_queue->setBlockFilter(id);
    m_utilization->setBlockFilter(id);
    for (TimeSeriesPlot* plot : plots())
        plot->markers()->setBlockFilter(id); // this block's faults and reactions
    m_gauge->setVisible(false); // until a snapshot says the block's kind has a gauge
    m_cost->setVisible(false);
    m_figures->setVisible(false);
    // No block: a line saying how to get one, not empty plots.
    m_latency->setVisible(!id.isEmpty());
    m_queue->setVisible(!id.isEmpty());
    m_utilization->setVisible(!id.isEmpty());
    m_note->setVisible(id.isEmpty());
    m_note->setText(tr("Select a block on the canvas to see its own latency, queue and utilisation here."));
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
    m_gauge->setVisible(block && !BlockGaugePlot::gaugeLabel(block->kind).isEmpty());
    m_queue->setVisible(pooled);
    m_utilization->setVisible(pooled);
    m_note->setVisible(block && !pooled);
    // The lowest plot shown carries the time title. isHidden, not
    // isVisible: the dock itself may be hidden or not yet shown.
    const auto shown = plots();
    const auto lowest = std::find_if(shown.rbegin(), shown.rend(), [](TimeSeriesPlot* p) { return !p->isHidden(); });
    for (TimeSeriesPlot* plot : shown)
        plot->setTimeAxisTitleShown(plot == *lowest);
    if (block && !pooled)
        m_note->setText(tr("%1 has no workers of its own, so it has no queue or utilisation; its latency "
                           "includes the blocks it calls.")
                            .arg(toQString(block->name.empty() ? block->id : block->name)));
    m_cost->setVisible(block && hasPrice(block->kind));
    if (block)
        m_cost->setText(tr("Cost %1").arg(costtext::now(block->costPerHour)));
    const QString figures = block ? figuresText(*block) : QString();
    m_figures->setText(figures);
    m_figures->setVisible(!figures.isEmpty());
    for (TimeSeriesPlot* plot : shown)
        plot->appendSnapshot(snapshot);
}

void BlockDetailPlots::clear()
{
    for (TimeSeriesPlot* plot : plots())
        plot->clear();
}

void BlockDetailPlots::setFollowSeconds(double seconds)
{
    for (TimeSeriesPlot* plot : plots())
        plot->setFollowSeconds(seconds);
}

} // namespace scalelab::widgets
