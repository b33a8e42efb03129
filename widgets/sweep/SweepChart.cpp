#include "SweepChart.h"

#include "plots/PlotStyle.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

enum Graph { P95, Mean, AnalyticMean, Throughput, Ideal };

QCPGraph* addGraph(QCustomPlot* plot, QCPAxis* valueAxis, const QString& name, const QPen& pen, bool markers)
{
    QCPGraph* graph = plot->addGraph(plot->xAxis, valueAxis);
    graph->setName(name);
    graph->setPen(pen);
    if (markers)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, pen.color(), 5));
    return graph;
}

double finiteOrNaN(double value)
{
    return std::isfinite(value) && value > 0 ? value : std::numeric_limits<double>::quiet_NaN();
}

QCPErrorBars* addErrorBars(QCPGraph* graph)
{
    auto* bars = new QCPErrorBars(graph->keyAxis(), graph->valueAxis());
    bars->setDataPlottable(graph);
    bars->removeFromLegend();
    QColor color = graph->pen().color();
    bars->setPen(QPen(color, 1.2));
    bars->setWhiskerWidth(7);
    return bars;
}

// Error bars for `values` +- `halfWidths`; the lower bar stops short of zero
// (the latency axis is logarithmic). False when no half-width is finite (one
// replication: nothing to draw).
bool setErrors(QCPErrorBars* bars, const QVector<double>& values, const QVector<double>& halfWidths)
{
    QVector<double> below, above;
    bool any = false;
    for (int i = 0; i < values.size(); ++i) {
        const double h = halfWidths[i];
        const bool finite = std::isfinite(h) && std::isfinite(values[i]);
        any = any || finite;
        above << (finite ? h : 0.0);
        below << (finite ? std::min(h, 0.95 * values[i]) : 0.0);
    }
    bars->setData(below, above);
    bars->setVisible(any);
    return any;
}

} // namespace

SweepChart::SweepChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumSize(360, 220);

    plotstyle::applyBaseStyle(m_plot);
    plotstyle::placeLegendAbove(m_plot, 0);
    m_plot->xAxis->setLabel(tr("offered load (req/s)"));
    m_plot->yAxis->setLabel(tr("latency (ms, log scale)"));
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_plot->yAxis->setNumberFormat("gb");
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("throughput (req/s)"));

    const QColor throughput = plotstyle::success();
    addGraph(m_plot, m_plot->yAxis, tr("p95 (simulated)"), QPen(plotstyle::p95(), 2), true);
    addGraph(m_plot, m_plot->yAxis, tr("mean (simulated)"), QPen(plotstyle::p50(), 1.6), true);
    addGraph(m_plot, m_plot->yAxis, tr("mean (analytic)"), QPen(plotstyle::analytic(), 1.6, Qt::DashLine), false);
    addGraph(m_plot, m_plot->yAxis2, tr("throughput"), QPen(throughput, 2), true);
    addGraph(m_plot, m_plot->yAxis2, tr("throughput = offered"), QPen(throughput.lighter(140), 1, Qt::DotLine), false);

    for (Graph graph : {P95, Mean, Throughput})
        m_errorBars.push_back(addErrorBars(m_plot->graph(graph)));

    m_kneeLine = new QCPItemStraightLine(m_plot);
    m_kneeLine->setPen(plotstyle::referencePen());
    m_kneeLabel = new QCPItemText(m_plot);
    m_kneeLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_kneeLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_kneeLabel->setColor(plotstyle::reference());
    m_kneeLabel->setBrush(QColor(255, 255, 255, 220));
    m_kneeLabel->setPadding(QMargins(3, 1, 3, 1));
    m_kneeLabel->setFont(m_plot->legend->font());
    setPoints({}, -1);
}

void SweepChart::setPoints(const std::vector<analysis::SweepPoint>& points, int knee)
{
    QVector<double> offered, p95, mean, analytic, throughput, p95Error, meanError, throughputError;
    for (const auto& point : points) {
        offered << point.offeredRps;
        p95 << finiteOrNaN(point.p95Ms);
        mean << finiteOrNaN(point.meanMs);
        analytic << finiteOrNaN(point.analyticMeanMs); // saturated: no finite mean, a gap
        throughput << point.throughputRps;
        p95Error << point.p95HalfWidthMs;
        meanError << point.meanHalfWidthMs;
        throughputError << point.throughputHalfWidthRps;
    }
    m_plot->graph(P95)->setData(offered, p95, true);
    m_plot->graph(Mean)->setData(offered, mean, true);
    m_plot->graph(AnalyticMean)->setData(offered, analytic, true);
    m_plot->graph(Throughput)->setData(offered, throughput, true);
    m_plot->graph(Ideal)->setData(offered, offered, true);
    setErrors(m_errorBars[0], p95, p95Error);
    setErrors(m_errorBars[1], mean, meanError);
    setErrors(m_errorBars[2], throughput, throughputError);

    const double largestOffered = offered.isEmpty() ? 1 : *std::max_element(offered.begin(), offered.end());
    m_plot->xAxis->setRange(0, largestOffered * 1.05);
    m_plot->yAxis2->setRange(0, largestOffered * 1.1);
    bool found = false;
    QCPRange latency = m_plot->graph(P95)->getValueRange(found);
    // The range takes in the error bars' ends, so no whisker is cut off.
    for (int i = 0; found && i < offered.size(); ++i) {
        if (std::isfinite(p95Error[i]) && std::isfinite(p95[i]))
            latency.upper = std::max(latency.upper, p95[i] + p95Error[i]);
        if (std::isfinite(meanError[i]) && std::isfinite(mean[i]) && mean[i] > meanError[i])
            latency.lower = std::min(latency.lower, mean[i] - meanError[i]);
    }
    bool foundMean = false;
    const QCPRange meanRange = m_plot->graph(AnalyticMean)->getValueRange(foundMean);
    if (found || foundMean) {
        const double low = std::min(found ? latency.lower : meanRange.lower, foundMean ? meanRange.lower : latency.lower);
        const double high = std::max(found ? latency.upper : 0.0, foundMean ? meanRange.upper : 0.0);
        m_plot->yAxis->setRange(low / 1.5, high * 1.5);
    } else {
        m_plot->yAxis->setRange(1, 1000);
    }

    const bool hasKnee = knee >= 0 && static_cast<size_t>(knee) < points.size();
    m_kneeLine->setVisible(hasKnee);
    m_kneeLabel->setVisible(hasKnee);
    if (hasKnee) {
        const auto& point = points[static_cast<size_t>(knee)];
        m_kneeLine->point1->setCoords(point.offeredRps, 1);
        m_kneeLine->point2->setCoords(point.offeredRps, 2);
        m_kneeLabel->setText(tr("knee: %1 req/s (%2% load)")
                                 .arg(QLocale().toString(point.offeredRps, 'f', 0))
                                 .arg(point.loadFactor * 100, 0, 'f', 0));
        // Right of the line, unless that would run off the plot.
        const bool labelLeft = point.offeredRps > 0.6 * m_plot->xAxis->range().upper;
        m_kneeLabel->position->setCoords(point.offeredRps, 0.02);
        m_kneeLabel->setPositionAlignment(Qt::AlignTop | (labelLeft ? Qt::AlignRight : Qt::AlignLeft));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double SweepChart::kneeOfferedRps() const
{
    return m_kneeLine->visible() ? m_kneeLine->point1->coords().x() : std::numeric_limits<double>::quiet_NaN();
}

bool SweepChart::savePng(const QString& path)
{
    const int width = m_plot->width() >= 100 ? m_plot->width() : 800;
    const int height = m_plot->height() >= 80 ? m_plot->height() : 450;
    return m_plot->savePng(path, width, height);
}

void SweepChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    plotstyle::wrapLegend(m_plot, width() - 12);
}

} // namespace scalelab::widgets
