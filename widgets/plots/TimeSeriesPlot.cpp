#include "TimeSeriesPlot.h"

#include "PlotButtons.h"
#include "PlotExport.h"
#include "PlotReadout.h"
#include "PlotStyle.h"
#include "PlotTimeSpan.h"
#include "TimeMarkers.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QMessageBox>
#include <QMouseEvent>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kButtonRowHeight = 22; // the legend row is at least this tall: the buttons sit in it
// The time axis of a run younger than this still spans it: data fill the
// plot from the left rather than the axis rescaling every second.
constexpr double kShortestSpan = 60;

QString formatValue(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const double magnitude = std::abs(value);
    return QString::number(value, 'f', magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
}

} // namespace

TimeSeriesPlot::TimeSeriesPlot(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_layoutFit(m_plot, kButtonRowHeight)
{
    setMinimumSize(220, 140);
    plotstyle::applyBaseStyle(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    setTimeAxisTitleShown(true);
    m_markers = new TimeMarkers(m_plot);
    m_followSeconds = PlotTimeSpan::instance()->followSeconds();
    connect(PlotTimeSpan::instance(), &PlotTimeSpan::changed, this, [this](double seconds) {
        setFollowSeconds(seconds);
        setFollowing(true); // a span was chosen: show it
    });
    m_plot->xAxis->setRange(0, std::max(kShortestSpan, m_followSeconds));
    m_plot->yAxis->setRange(0, 1);

    plotstyle::placeLegendAbove(m_plot, kButtonRowHeight);

    m_readout = std::make_unique<PlotReadout>(m_plot);

    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimeSeriesPlot::onRangeChanged);
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimeSeriesPlot::onRangeChanged);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { setFollowing(true); });
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] { m_layoutFit.fitValueTicks(); });

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 0, 0);
    buildControls();
}

TimeSeriesPlot::~TimeSeriesPlot() = default;

void TimeSeriesPlot::buildControls()
{
    m_buttons = new PlotButtons(m_plot->legend->font(), kButtonRowHeight, this);
    connect(m_buttons, &PlotButtons::followRequested, this, [this] { setFollowing(true); });
    connect(m_buttons, &PlotButtons::followingToggled, this, &TimeSeriesPlot::setFollowing);
    connect(m_buttons, &PlotButtons::saveRequested, this, &TimeSeriesPlot::saveWithDialog);
    updateSpanButton();
    static_cast<QGridLayout*>(layout())->addWidget(m_buttons, 0, 0, Qt::AlignTop | Qt::AlignRight);
    m_buttons->raise();

    m_buttons->offerInContextMenu(m_plot);
}

int TimeSeriesPlot::addSeries(const QString& name, const QString& unit, const QColor& color)
{
    QCPGraph* graph = m_plot->addGraph();
    graph->setName(name);
    QPen pen(color, 1.6);
    pen.setCosmetic(true);
    graph->setPen(pen);
    m_series.push_back({name, unit, graph});
    m_feed.addGraph(graph);
    relayoutLegend();
    return static_cast<int>(m_series.size()) - 1;
}

void TimeSeriesPlot::renameSeries(int series, const QString& name, const QString& unit)
{
    Series& target = m_series.at(static_cast<size_t>(series));
    target.name = name;
    target.unit = unit;
    target.graph->setName(name);
    relayoutLegend();
}

void TimeSeriesPlot::setValueAxisLabel(const QString& label)
{
    m_plot->yAxis->setLabel(label);
}

QString TimeSeriesPlot::seriesName(int series) const
{
    return m_series.at(static_cast<size_t>(series)).name;
}

QCPGraph* TimeSeriesPlot::graph(int series) const
{
    return m_series.at(static_cast<size_t>(series)).graph;
}

double TimeSeriesPlot::firstSeconds() const
{
    return m_rows.firstSeconds();
}

double TimeSeriesPlot::lastSeconds() const
{
    return m_rows.lastSeconds();
}

const std::vector<stats::WindowSample>* TimeSeriesPlot::timeline(const stats::Snapshot& snapshot) const
{
    return &snapshot.series;
}

void TimeSeriesPlot::prepare(const stats::Snapshot&) {}

std::vector<double> TimeSeriesPlot::displayValues(const std::vector<double>& values) const
{
    return values;
}

double TimeSeriesPlot::valueCeiling(double largestShown) const
{
    return largestShown > 0 ? largestShown * 1.15 : 1;
}

QString TimeSeriesPlot::valueText(int series, double value) const
{
    return QStringLiteral("%1 %2").arg(formatValue(value), m_series.at(static_cast<size_t>(series)).unit).trimmed();
}

void TimeSeriesPlot::appendSnapshot(const stats::Snapshot& snapshot)
{
    const std::vector<stats::WindowSample>* windows = timeline(snapshot);
    const bool hasWindows = windows && !windows->empty();
    if (!m_rows.empty() && (snapshot.simSeconds < lastSeconds() - PlotRows::kSlack ||
                            (hasWindows && windows->back().endSeconds < lastSeconds() - PlotRows::kSlack)))
        clear(); // the run was reset: its clock went back
    prepare(snapshot);
    if (hasWindows) {
        m_rows.appendNewer(*windows, [&](size_t index) {
            std::vector<double> values = rowValues(snapshot, index);
            std::vector<double> shown = displayValues(values);
            return PlotRow{(*windows)[index].endSeconds, std::move(values), std::move(shown)};
        });
    }
    m_markers->append(snapshot.eventLog);
    rowsChanged();
    updateAxes();
    // A plot in a shown window but not shown itself (a dock behind another
    // tab) keeps its data current and replots when it shows: drawing what
    // nobody sees would take the GUI thread's time every snapshot.
    if (m_plot->window()->isVisible() && !m_plot->isVisible()) {
        m_replotWhenShown = true;
        return;
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeSeriesPlot::redrawGraphs()
{
    // One slice per pixel of the axis; before the first layout, the widget's width stands in.
    const int pixels = m_plot->axisRect()->width() > 10 ? m_plot->axisRect()->width() : std::max(200, m_plot->width() - 60);
    m_feed.redraw(m_plot->xAxis->range(), pixels, m_rows.all());
}

void TimeSeriesPlot::clear()
{
    m_feed.forgetDrawnRows(); // a new run's rows may repeat the old one's times: rebuild
    m_rows.clear();
    m_markers->clear();
    m_readout->hide();
    rowsChanged();
    updateAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeSeriesPlot::setFollowSeconds(double seconds)
{
    m_followSeconds = std::isfinite(seconds) && seconds > 0 ? seconds : 0;
    updateSpanButton();
    updateAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeSeriesPlot::updateSpanButton()
{
    m_buttons->showSpan(m_followSeconds);
    relayoutLegend();
}

void TimeSeriesPlot::setMaxSamples(int count)
{
    m_rows.setLimit(count);
    rowsChanged();
    updateAxes();
    redrawGraphs();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeSeriesPlot::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    m_buttons->setFollowing(following);
    relayoutLegend();
    if (following) {
        updateAxes();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    emit followingChanged(following);
}

void TimeSeriesPlot::onRangeChanged()
{
    if (m_settingRange)
        return;
    setFollowing(false); // the user zoomed or dragged: leave the view where they put it
    redrawGraphs();      // and show the rows now in view, at the detail the new span allows
}

void TimeSeriesPlot::updateAxes()
{
    if (!m_following) {
        redrawGraphs(); // new rows may be in the view the user chose
        return;
    }
    const double newest = m_rows.empty() ? 0 : m_rows.lastSeconds();
    const double span = m_followSeconds > 0 ? m_followSeconds : kShortestSpan;
    const double upper = std::max(newest, span);
    const double lower = m_followSeconds > 0 ? upper - m_followSeconds : 0;
    m_settingRange = true;
    m_plot->xAxis->setRange(lower, upper);
    redrawGraphs();
    // The decimated points keep every slice's extremes: their largest is the rows' largest.
    double largest = 0;
    for (const Series& series : m_series) {
        if (!series.graph->visible())
            continue;
        const auto data = series.graph->data();
        for (auto it = data->findBegin(lower, false); it != data->constEnd() && it->key <= upper; ++it)
            if (std::isfinite(it->value))
                largest = std::max(largest, it->value);
    }
    m_plot->yAxis->setRange(valueFloor(), valueCeiling(largest));
    m_settingRange = false;
}

void TimeSeriesPlot::setLegendShown(bool shown)
{
    m_layoutFit.setLegendShown(shown);
    relayoutLegend(); // it may not fit
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeSeriesPlot::setTimeAxisTitleShown(bool shown)
{
    m_layoutFit.setTimeAxisTitleWanted(shown);
    relayoutLegend();
}

void TimeSeriesPlot::layoutLegendForPicture(int width)
{
    m_layoutFit.layoutForPicture(width);
}

void TimeSeriesPlot::relayoutLegend()
{
    m_layoutFit.relayout(m_buttons ? m_buttons->sizeHint().width() : 60);
}

void TimeSeriesPlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayoutLegend();
    // Small plots get fewer time ticks, so labels never crowd (values: PlotLayoutFit::fitValueTicks).
    m_plot->xAxis->ticker()->setTickCount(std::clamp(width() / 90, 2, 8));
    redrawGraphs(); // one slice per pixel: the width sets the detail
}

bool TimeSeriesPlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot) {
        if (event->type() == QEvent::MouseMove)
            showReadout(static_cast<QMouseEvent*>(event)->position().x());
        else if (event->type() == QEvent::Leave)
            m_readout->hide();
        else if (event->type() == QEvent::Resize)
            relayoutLegend();
        else if (event->type() == QEvent::Show && m_replotWhenShown) {
            m_replotWhenShown = false;
            m_plot->replot(); // before its first paint: never the stale picture
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString TimeSeriesPlot::readoutAt(double seconds) const
{
    const Row* row = m_rows.nearest(seconds);
    if (!row)
        return {};
    QStringList lines{tr("t = %1 s").arg(row->seconds, 0, 'f', row->seconds < 100 ? 1 : 0)};
    for (size_t i = 0; i < m_series.size(); ++i) {
        // Series kept out of the legend (errors that never happened) stay out of the read-out too.
        if (!m_series[i].graph->visible() || !m_plot->legend->hasItemWithPlottable(m_series[i].graph))
            continue;
        const double value = i < row->values.size() ? row->values[i] : kNaN;
        lines << QStringLiteral("%1: %2").arg(m_series[i].name, valueText(static_cast<int>(i), value));
    }
    // Events within a few pixels (at least half a window) of the row: what the markers there say.
    const double fewPixels = std::abs(m_plot->xAxis->pixelToCoord(4) - m_plot->xAxis->pixelToCoord(0));
    const auto& rows = m_rows.all();
    const double window = rows.size() > 1 ? rows[1].seconds - rows[0].seconds : 1;
    for (const QString& text : m_markers->textsNear(row->seconds, std::max(fewPixels, window / 2)))
        lines << QStringLiteral("▸ %1").arg(text);
    return lines.join('\n');
}

void TimeSeriesPlot::showReadout(double pixelX)
{
    const QRect area = m_plot->axisRect()->rect();
    const Row* row = m_rows.nearest(m_plot->xAxis->pixelToCoord(pixelX));
    if (!row || pixelX < area.left() || pixelX > area.right()) {
        m_readout->hide();
        return;
    }
    m_readout->show(row->seconds, readoutAt(row->seconds), pixelX < area.center().x());
}

QString TimeSeriesPlot::csv() const
{
    QStringList columns;
    for (const Series& series : m_series)
        columns << (series.unit.isEmpty() ? series.name : QStringLiteral("%1 (%2)").arg(series.name, series.unit));
    return plotexport::csv(columns, m_rows.all());
}

bool TimeSeriesPlot::exportTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "csv")
        return plotexport::writeText(path, csv());
    if (suffix != "png" && suffix != "pdf")
        return false;
    m_readout->hide();
    return plotexport::writePicture(m_plot, path, suffix);
}

void TimeSeriesPlot::saveWithDialog(const QString& extension, const QString& filter)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save plot"), QStringLiteral("plot.%1").arg(extension), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += '.' + extension;
    if (!exportTo(path))
        QMessageBox::warning(this, tr("Save plot"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace scalelab::widgets
