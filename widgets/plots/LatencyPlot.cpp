#include "LatencyPlot.h"

#include "PlotStyle.h"
#include "QtText.h"
#include "TimeMarkers.h"

#include <qcustomplot.h>

#include <QFontMetricsF>

#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {
// An SLO more than this many times the largest latency drawn would squash
// the data into a sliver; the line then stays off-view and its label says so.
constexpr double kSloZoomLimit = 3;
} // namespace

LatencyPlot::LatencyPlot(QWidget* parent)
    : TimeSeriesPlot(parent)
{
    setValueAxisLabel(tr("latency (ms)"));
    addSeries(tr("p50"), tr("ms"), plotstyle::p50());
    addSeries(tr("p95"), tr("ms"), plotstyle::p95());
    addSeries(tr("p99"), tr("ms"), plotstyle::p99());

    m_sloLine = new QCPItemStraightLine(customPlot());
    m_sloLine->setPen(plotstyle::referencePen());
    m_sloLabel = new QCPItemText(customPlot());
    m_sloLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_sloLabel->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_sloLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_sloLabel->setColor(plotstyle::reference());
    m_sloLabel->setFont(customPlot()->legend->font());
    m_sloLabel->setPadding(QMargins(2, 0, 4, 1));
    markers()->avoid(m_sloLabel); // an event's label must not write over the SLO's
    setSloMs(0);
    // The label follows the view as it scrolls, rescales or is zoomed, and
    // the axis rect as it is resized (whether the label fits above the line).
    connect(customPlot()->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] { placeSloLabel(); });
    connect(customPlot(), &QCustomPlot::afterLayout, this, [this] { placeSloLabel(); });
}

void LatencyPlot::setSloMs(double ms)
{
    m_sloMs = std::isfinite(ms) && ms > 0 ? ms : 0;
    m_sloLine->point1->setCoords(0, m_sloMs);
    m_sloLine->point2->setCoords(1, m_sloMs);
    updateAxes(); // the value axis may now have to reach the line
    placeSloLabel();
    customPlot()->replot(QCustomPlot::rpQueuedReplot);
}

void LatencyPlot::setBlock(const QString& id)
{
    m_blockId = id;
    clear();
}

const std::vector<stats::WindowSample>* LatencyPlot::timeline(const stats::Snapshot& snapshot) const
{
    if (m_blockId.isEmpty())
        return &snapshot.series;
    for (const auto& block : snapshot.blocks)
        if (toQString(block.id) == m_blockId)
            return &block.series;
    return nullptr;
}

std::vector<double> LatencyPlot::rowValues(const stats::Snapshot& snapshot, size_t index) const
{
    const stats::WindowSample& window = (*timeline(snapshot))[index];
    // A window in which nothing completed has no latency: a gap, not a zero.
    if (window.throughputPerSecond <= 0)
        return std::vector<double>(3, std::numeric_limits<double>::quiet_NaN());
    return {window.p50Ms, window.p95Ms, window.p99Ms};
}

double LatencyPlot::valueCeiling(double largestShown) const
{
    const bool sloFarAbove = largestShown > 0 && m_sloMs > kSloZoomLimit * largestShown;
    const bool sloInView = m_sloMs > 0 && !sloFarAbove;
    const double top = sloInView ? std::max(largestShown, m_sloMs) : largestShown;
    double ceiling = top > 0 ? top * 1.15 : std::max(1.0, m_sloMs * 1.15);
    // The SLO's label sits above its line: in a short plot 15% headroom is
    // less than the label's height, and the axis rect would clip its text.
    const double rectHeight = customPlot()->axisRect()->height();
    const double labelShare = (QFontMetrics(m_sloLabel->font()).height() + 2) / std::max(1.0, rectHeight);
    if (sloInView && labelShare < 0.5)
        ceiling = std::max(ceiling, m_sloMs / (1 - labelShare));
    return ceiling;
}

void LatencyPlot::placeSloLabel()
{
    const bool shown = m_sloMs > 0;
    m_sloLine->setVisible(shown);
    m_sloLabel->setVisible(shown);
    if (!shown)
        return;
    const QCPRange range = customPlot()->yAxis->range();
    const bool offView = m_sloMs > range.upper;
    const QString value = QString::number(m_sloMs, 'g', 4);
    m_sloLabel->setText(offView ? tr("SLO p95 %1 ms ↑").arg(value) : tr("SLO p95 %1 ms").arg(value));
    // Off view, the label sits at the top edge pointing up. In view it sits
    // on the line, or under it when the line is too near the top for the
    // text (an empty plot's axis ends at the SLO): never clipped.
    // At the left end: event markers write their labels right of their
    // lines, and the newest (most often marked) windows are at the right.
    const double roomAbove = customPlot()->yAxis->coordToPixel(m_sloMs) - customPlot()->axisRect()->top();
    // valueCeiling keeps a line's height of room above the SLO: "no room"
    // is less than the text itself, not a pixel of rounding short of it.
    const bool under = offView || roomAbove < QFontMetricsF(m_sloLabel->font()).height();
    m_sloLabel->position->setCoords(0.005, offView ? range.upper : m_sloMs);
    m_sloLabel->setPositionAlignment(Qt::AlignLeft | (under ? Qt::AlignTop : Qt::AlignBottom));
}

} // namespace scalelab::widgets
