#include "TimeSeriesPlot.h"

#include "MinMaxDecimation.h"
#include "PlotStyle.h"
#include "PlotTimeSpan.h"
#include "TimeMarkers.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QMenu>
#include <QActionGroup>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSaveFile>
#include <QToolButton>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kAxisRectLeastHeight = 90; // tick labels and room to read a curve
constexpr int kButtonRowHeight = 22; // the legend row is at least this tall: the buttons sit in it
// The time axis of a run younger than this still spans it: data fill the
// plot from the left rather than the axis rescaling every second.
constexpr double kShortestSpan = 60;
constexpr double kSlack = 1e-9;

QString formatValue(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const double magnitude = std::abs(value);
    return QString::number(value, 'f', magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
}

QString csvField(const QString& text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
        return text;
    return '"' + QString(text).replace('"', "\"\"") + '"';
}

} // namespace

TimeSeriesPlot::TimeSeriesPlot(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
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

    QPen cursorPen(QColor(0x5b, 0x66, 0x73), 1, Qt::DotLine);
    m_cursorLine = new QCPItemStraightLine(m_plot);
    m_cursorLine->setLayer("overlay");
    m_cursorLine->setPen(cursorPen);
    m_readout = new QCPItemText(m_plot);
    m_readout->setLayer("overlay");
    m_readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_readout->setTextAlignment(Qt::AlignLeft);
    m_readout->setPadding(QMargins(5, 3, 5, 3));
    m_readout->setBrush(QColor(255, 255, 255, 230));
    m_readout->setPen(QPen(QColor(0xb8, 0xc2, 0xcf)));
    m_readout->setFont(m_plot->legend->font());
    m_cursorLine->setVisible(false);
    m_readout->setVisible(false);

    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimeSeriesPlot::onRangeChanged);
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimeSeriesPlot::onRangeChanged);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { setFollowing(true); });
    connect(m_plot, &QCustomPlot::afterLayout, this, &TimeSeriesPlot::fitValueTicks);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 0, 0);
    buildControls();
}

TimeSeriesPlot::~TimeSeriesPlot() = default;

void TimeSeriesPlot::buildControls()
{
    m_saveMenu = new QMenu(this);
    m_saveMenu->addAction(tr("Save as PNG…"), this, [this] { saveWithDialog("png", tr("PNG image (*.png)")); });
    m_saveMenu->addAction(tr("Save as PDF…"), this, [this] { saveWithDialog("pdf", tr("PDF document (*.pdf)")); });
    m_saveMenu->addAction(tr("Save as CSV…"), this,
                          [this] { saveWithDialog("csv", tr("Comma-separated values (*.csv)")); });

    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 1, 6, 0);
    row->setSpacing(2);
    m_followButton = new QToolButton(bar);
    m_followButton->setText(tr("Follow"));
    m_followButton->setToolTip(tr("Follow the newest data again (or double-click the plot)"));
    m_followButton->setAutoRaise(true);
    m_followButton->setVisible(false);
    connect(m_followButton, &QToolButton::clicked, this, [this] { setFollowing(true); });
    m_saveButton = new QToolButton(bar);
    m_saveButton->setText(tr("Save"));
    m_saveButton->setToolTip(tr("Save this plot as PNG, PDF or CSV"));
    m_saveButton->setAutoRaise(true);
    m_saveButton->setPopupMode(QToolButton::InstantPopup);
    m_saveButton->setMenu(m_saveMenu);
    m_spanButton = new QToolButton(bar);
    m_spanButton->setToolTip(tr("What span of the run the plots show while they follow it"));
    m_spanButton->setAutoRaise(true);
    m_spanButton->setPopupMode(QToolButton::InstantPopup);
    auto* spanMenu = new QMenu(m_spanButton);
    m_spanActions = new QActionGroup(spanMenu);
    for (double seconds : PlotTimeSpan::choices()) {
        QAction* action = spanMenu->addAction(PlotTimeSpan::label(seconds));
        action->setCheckable(true);
        action->setData(seconds);
        m_spanActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, seconds] {
            PlotTimeSpan::instance()->setFollowSeconds(seconds); // every plot
            setFollowing(true); // this one too when the span was already chosen
        });
    }
    m_spanButton->setMenu(spanMenu);
    updateSpanButton();
    for (QToolButton* button : {m_followButton, m_spanButton, m_saveButton}) {
        button->setFixedHeight(kButtonRowHeight - 2);
        button->setFont(m_plot->legend->font());
    }
    row->addWidget(m_followButton);
    row->addWidget(m_spanButton);
    row->addWidget(m_saveButton);
    static_cast<QGridLayout*>(layout())->addWidget(bar, 0, 0, Qt::AlignTop | Qt::AlignRight);
    bar->raise();

    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        QAction* follow = menu.addAction(tr("Follow newest data"));
        follow->setCheckable(true);
        follow->setChecked(m_following);
        connect(follow, &QAction::toggled, this, &TimeSeriesPlot::setFollowing);
        menu.addSeparator()->setText(tr("Show"));
        menu.addActions(m_spanActions->actions());
        menu.addSeparator();
        menu.addActions(m_saveMenu->actions());
        menu.exec(m_plot->mapToGlobal(pos));
    });
}

int TimeSeriesPlot::addSeries(const QString& name, const QString& unit, const QColor& color)
{
    QCPGraph* graph = m_plot->addGraph();
    graph->setName(name);
    QPen pen(color, 1.6);
    pen.setCosmetic(true);
    graph->setPen(pen);
    m_series.push_back({name, unit, graph});
    m_rowsDirty = true;
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
    return m_rows.empty() ? kInfinity : m_rows.front().seconds;
}

double TimeSeriesPlot::lastSeconds() const
{
    return m_rows.empty() ? -kInfinity : m_rows.back().seconds;
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
    if (!m_rows.empty() && (snapshot.simSeconds < lastSeconds() - kSlack ||
                            (hasWindows && windows->back().endSeconds < lastSeconds() - kSlack)))
        clear(); // the run was reset: its clock went back
    prepare(snapshot);
    if (hasWindows) {
        const double last = lastSeconds();
        auto next = std::upper_bound(windows->begin(), windows->end(), last + kSlack,
                                     [](double t, const stats::WindowSample& w) { return t < w.endSeconds; });
        // More new windows than the buffer holds: only the newest can stay.
        const auto fresh = static_cast<size_t>(windows->end() - next);
        if (fresh > static_cast<size_t>(m_maxSamples))
            next += static_cast<std::ptrdiff_t>(fresh - static_cast<size_t>(m_maxSamples));
        for (; next != windows->end(); ++next)
            appendRow(next->endSeconds, rowValues(snapshot, static_cast<size_t>(next - windows->begin())));
        trim();
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

void TimeSeriesPlot::appendRow(double seconds, std::vector<double> values)
{
    std::vector<double> shown = displayValues(values);
    m_rows.push_back({seconds, std::move(values), std::move(shown)});
}

void TimeSeriesPlot::redrawGraphs()
{
    const QCPRange range = m_plot->xAxis->range();
    // One slice per pixel of the axis; before the first layout, the widget's width stands in.
    const int pixels = m_plot->axisRect()->width() > 10 ? m_plot->axisRect()->width() : std::max(200, m_plot->width() - 60);
    const DrawnKey key{range.lower, range.upper, firstSeconds(), m_rows.size(), pixels, seriesCount()};
    if (key == m_drawnKey && !m_rowsDirty)
        return;
    m_drawnKey = key;
    const bool rowsDirty = m_rowsDirty;
    m_rowsDirty = false;
    auto byTime = [](const Row& row, double t) { return row.seconds < t; };
    // The rows in view and one beyond each edge, so lines run on to the axis' ends.
    auto begin = std::lower_bound(m_rows.begin(), m_rows.end(), range.lower, byTime);
    auto end = std::lower_bound(begin, m_rows.end(), range.upper, byTime);
    if (begin != m_rows.begin())
        --begin;
    if (end != m_rows.end())
        ++end;
    const auto first = static_cast<size_t>(begin - m_rows.begin());
    const auto last = static_cast<size_t>(end - m_rows.begin());
    if (last - first <= 2 * static_cast<size_t>(pixels)) {
        // Every row in view is drawn as it is: the graphs hold exactly
        // rows [first, last). When they held a contiguous run of rows that
        // this one extends forward (the common case: following a live run),
        // only the rows that scrolled out are removed and the new ones
        // appended; the data equal a rebuild's, at the cost of the change.
        const double from = first < last ? m_rows[first].seconds : 0;
        const double to = first < last ? m_rows[last - 1].seconds : 0;
        const bool extends = m_drawn.all && !rowsDirty && first < last && m_drawn.rows > 0 &&
                             from >= m_drawn.from && to >= m_drawn.to && m_drawn.to >= from;
        if (extends) {
            auto newer = std::upper_bound(m_rows.begin() + static_cast<std::ptrdiff_t>(first),
                                          m_rows.begin() + static_cast<std::ptrdiff_t>(last), m_drawn.to,
                                          [](double t, const Row& row) { return t < row.seconds; });
            const auto appendFrom = static_cast<size_t>(newer - m_rows.begin());
            for (size_t series = 0; series < m_series.size(); ++series) {
                const auto data = m_series[series].graph->data();
                data->removeBefore(from);
                QVector<QCPGraphData> points;
                points.reserve(static_cast<qsizetype>(last - appendFrom));
                for (size_t row = appendFrom; row < last; ++row) {
                    const auto& shown = m_rows[row].shown;
                    points.append({m_rows[row].seconds, series < shown.size() ? shown[series] : kNaN});
                }
                data->add(points, true);
            }
            m_appendedRows += static_cast<int>(last - appendFrom);
        } else {
            std::vector<size_t> picked;
            for (size_t row = first; row < last; ++row)
                picked.push_back(row);
            fillGraphs(picked);
            ++m_rebuilds;
        }
        m_drawn = {first < last, from, to, last - first};
        m_drawnRows = static_cast<int>(last - first);
        return;
    }
    // More than two rows a pixel: the slices move with the span, so the
    // decimation is redone over the rows in view.
    std::vector<int> visible; // hidden series (errors that never happened) pick no rows
    for (int series = 0; series < seriesCount(); ++series)
        if (graph(series)->visible())
            visible.push_back(series);
    const std::vector<size_t> picked = decimation::minMaxRows(
        first, last, pixels, static_cast<int>(visible.size()), [this](size_t row) { return m_rows[row].seconds; },
        [this, &visible](size_t row, int series) {
            const auto& shown = m_rows[row].shown;
            const auto index = static_cast<size_t>(visible[static_cast<size_t>(series)]);
            return index < shown.size() ? shown[index] : kNaN;
        });
    fillGraphs(picked);
    ++m_rebuilds;
    m_drawn = {};
}

void TimeSeriesPlot::fillGraphs(const std::vector<size_t>& picked)
{
    m_drawnRows = static_cast<int>(picked.size());
    for (size_t series = 0; series < m_series.size(); ++series) {
        QVector<QCPGraphData> points;
        points.reserve(static_cast<qsizetype>(picked.size()));
        for (size_t row : picked) {
            const auto& shown = m_rows[row].shown;
            points.append({m_rows[row].seconds, series < shown.size() ? shown[series] : kNaN});
        }
        m_series[series].graph->data()->set(points, true);
    }
}

void TimeSeriesPlot::trim()
{
    if (m_rows.size() <= static_cast<size_t>(m_maxSamples))
        return;
    m_rows.erase(m_rows.begin(), m_rows.end() - m_maxSamples);
    m_rows.shrink_to_fit();
}

void TimeSeriesPlot::clear()
{
    m_drawn = {}; // a new run's rows may repeat the old one's times: rebuild
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_markers->clear();
    hideReadout();
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
    m_spanButton->setText(PlotTimeSpan::label(m_followSeconds));
    for (QAction* action : m_spanActions->actions())
        action->setChecked(action->data().toDouble() == m_followSeconds);
    relayoutLegend();
}

void TimeSeriesPlot::setMaxSamples(int count)
{
    m_maxSamples = std::max(1, count);
    trim();
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
    m_followButton->setVisible(!following);
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
    const double newest = m_rows.empty() ? 0 : m_rows.back().seconds;
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
    m_legendShown = shown;
    m_plot->legend->setVisible(shown);
    relayoutLegend(); // it may not fit
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeSeriesPlot::setTimeAxisTitleShown(bool shown)
{
    m_timeAxisTitleWanted = shown;
    relayoutLegend();
}

void TimeSeriesPlot::layoutLegendForPicture(int width)
{
    QMargins margins = m_plot->legend->margins();
    margins.setTop(2);
    m_plot->legend->setMargins(margins);
    plotstyle::wrapLegend(m_plot, width);
}

void TimeSeriesPlot::relayoutLegend()
{
    // The buttons sit at the right end of the legend row. A legend that
    // would take more rows beside them than below them (a long cost figure,
    // three percentiles in a narrow dock) moves below them.
    const int buttons = m_saveButton ? m_saveButton->parentWidget()->sizeHint().width() : 60;
    const int count = m_plot->legend->itemCount();
    auto rowsWith = [count](int columns) { return columns > 0 ? (count + columns - 1) / columns : count + 2; };
    QMargins margins = m_plot->legend->margins();
    margins.setTop(2);
    m_plot->legend->setMargins(margins);
    const int besideWidth = m_plot->width() - buttons - 12;
    const int belowWidth = m_plot->width() - 8;
    // One that does not fit beside them at all (a magnified cost figure)
    // goes below too: clipped at the right edge rather than under a button.
    const int besideColumns = plotstyle::legendColumnsFitting(m_plot, besideWidth);
    const bool below = m_legendShown && count > 0 &&
                       (besideColumns == 0 ||
                        1 + rowsWith(plotstyle::legendColumnsFitting(m_plot, belowWidth)) < rowsWith(besideColumns));
    if (below) {
        margins.setTop(kButtonRowHeight);
        m_plot->legend->setMargins(margins);
    }
    plotstyle::wrapLegend(m_plot, below ? belowWidth : besideWidth);

    // A short plot (a dock with tabs under it at 1280x800) cannot hold a
    // legend of several rows and the time axis' title: QCustomPlot would
    // squeeze the legend's rows over each other. First the title goes (the
    // tick labels still say seconds); a legend that still does not fit (seven
    // blocks in the utilisation plot) is hidden, and hovering names the
    // curves instead, until the dock is tall enough again.
    const int legendRows = m_legendShown && count > 0 ? m_plot->legend->rowCount() : 0;
    const int legendHeight = m_plot->legend->minimumOuterSizeHint().height();
    const int titleHeight = QFontMetrics(m_plot->xAxis->labelFont()).height();
    const int room = m_plot->height() - kAxisRectLeastHeight;
    const bool legendFits = legendRows < 2 || legendHeight <= room;
    const bool crowded = legendRows >= 2 && legendFits && legendHeight + titleHeight > room;
    const QString title = m_timeAxisTitleWanted && !crowded ? tr("simulated time (s)") : QString();
    const bool legendVisible = m_legendShown && legendFits;
    if (m_plot->xAxis->label() != title || m_plot->legend->visible() != legendVisible) {
        m_plot->xAxis->setLabel(title);
        m_plot->legend->setVisible(legendVisible);
        // QCustomPlot's layout still sizes a hidden element by its contents;
        // a set minimum (any height > 0) replaces that size hint.
        m_plot->legend->setMinimumSize(0, legendVisible ? 0 : 1);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TimeSeriesPlot::fitValueTicks()
{
    // Room for a label and more than its height again between two ticks, and
    // never fewer than two (one step may overshoot the range and leave the
    // axis bare). The ticks of this layout are set already: a change shows
    // from the next replot.
    const int labelHeight = QFontMetrics(m_plot->yAxis->tickLabelFont()).height();
    const int count = std::clamp(static_cast<int>(m_plot->axisRect()->height() / (2.6 * labelHeight)), 2, 6);
    if (count != m_plot->yAxis->ticker()->tickCount()) {
        m_plot->yAxis->ticker()->setTickCount(count);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TimeSeriesPlot::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayoutLegend();
    // Small plots get fewer time ticks, so labels never crowd (values: fitValueTicks).
    m_plot->xAxis->ticker()->setTickCount(std::clamp(width() / 90, 2, 8));
    redrawGraphs(); // one slice per pixel: the width sets the detail
}

bool TimeSeriesPlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot) {
        if (event->type() == QEvent::MouseMove)
            showReadout(static_cast<QMouseEvent*>(event)->position().x());
        else if (event->type() == QEvent::Leave)
            hideReadout();
        else if (event->type() == QEvent::Resize)
            relayoutLegend();
        else if (event->type() == QEvent::Show && m_replotWhenShown) {
            m_replotWhenShown = false;
            m_plot->replot(); // before its first paint: never the stale picture
        }
    }
    return QWidget::eventFilter(watched, event);
}

const TimeSeriesPlot::Row* TimeSeriesPlot::nearestRow(double seconds) const
{
    if (m_rows.empty())
        return nullptr;
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), seconds,
                               [](const Row& row, double t) { return row.seconds < t; });
    if (it == m_rows.end() || (it != m_rows.begin() && seconds - std::prev(it)->seconds < it->seconds - seconds))
        it = std::prev(it);
    return &*it;
}

QString TimeSeriesPlot::readoutAt(double seconds) const
{
    const Row* row = nearestRow(seconds);
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
    const double window = m_rows.size() > 1 ? m_rows[1].seconds - m_rows[0].seconds : 1;
    for (const QString& text : m_markers->textsNear(row->seconds, std::max(fewPixels, window / 2)))
        lines << QStringLiteral("▸ %1").arg(text);
    return lines.join('\n');
}

void TimeSeriesPlot::showReadout(double pixelX)
{
    const QRect area = m_plot->axisRect()->rect();
    const Row* row = nearestRow(m_plot->xAxis->pixelToCoord(pixelX));
    if (!row || pixelX < area.left() || pixelX > area.right()) {
        hideReadout();
        return;
    }
    m_readout->setText(readoutAt(row->seconds));
    m_cursorLine->point1->setCoords(row->seconds, 0);
    m_cursorLine->point2->setCoords(row->seconds, 1);
    // Keep the box away from the cursor: on the side the mouse is not.
    const bool mouseOnLeft = pixelX < area.center().x();
    m_readout->position->setCoords(mouseOnLeft ? 0.99 : 0.01, 0.03);
    m_readout->setPositionAlignment(Qt::AlignTop | (mouseOnLeft ? Qt::AlignRight : Qt::AlignLeft));
    m_cursorLine->setVisible(true);
    m_readout->setVisible(true);
    m_plot->layer("overlay")->replot();
}

void TimeSeriesPlot::hideReadout()
{
    if (!m_readout->visible())
        return; // also: a plot never shown has no paint buffer to replot
    m_cursorLine->setVisible(false);
    m_readout->setVisible(false);
    m_plot->layer("overlay")->replot();
}

QString TimeSeriesPlot::csv() const
{
    QStringList header{QStringLiteral("time_s")};
    for (const Series& series : m_series)
        header << csvField(series.unit.isEmpty() ? series.name : QStringLiteral("%1 (%2)").arg(series.name, series.unit));
    QString text = header.join(',') + '\n';
    for (const Row& row : m_rows) {
        text += QString::number(row.seconds, 'g', 12);
        for (size_t i = 0; i < m_series.size(); ++i) {
            text += ',';
            if (i < row.values.size() && std::isfinite(row.values[i]))
                text += QString::number(row.values[i], 'g', 10);
        }
        text += '\n';
    }
    return text;
}

bool TimeSeriesPlot::exportTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "csv") {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            return false;
        file.write(csv().toUtf8());
        return file.commit();
    }
    if (suffix != "png" && suffix != "pdf")
        return false;
    hideReadout();
    // A plot that was never shown has no size of its own yet.
    const int width = m_plot->width() >= 100 ? m_plot->width() : 640;
    const int height = m_plot->height() >= 80 ? m_plot->height() : 320;
    return suffix == "png" ? m_plot->savePng(path, width, height) : m_plot->savePdf(path, width, height);
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
