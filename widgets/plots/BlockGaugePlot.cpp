#include "BlockGaugePlot.h"

#include "CompactTicker.h"
#include "PlotStyle.h"
#include "QtText.h"
#include "model/Registry.h"

#include <qcustomplot.h>

#include <cmath>

namespace scalelab::widgets {

namespace {
// Room below the lowest and above the highest state, so neither step runs
// along the axis rect's edge where it would hide under the axis line.
constexpr double kStateMargin = 0.35;
} // namespace

BlockGaugePlot::BlockGaugePlot(QWidget* parent)
    : TimeSeriesPlot(parent)
{
    addSeries(tr("gauge"), QString(), plotstyle::seriesColor(0));
}

QString BlockGaugePlot::gaugeLabel(const std::string& kind)
{
    const model::BlockSpec* spec = model::Registry::instance().find(kind);
    return spec ? toQString(spec->gauge.label) : QString();
}

std::map<int, QString> BlockGaugePlot::namedStates(const std::string& kind)
{
    std::map<int, QString> states;
    if (const model::BlockSpec* spec = model::Registry::instance().find(kind))
        for (size_t value = 0; value < spec->gauge.states.size(); ++value)
            states[static_cast<int>(value)] = toQString(spec->gauge.states[value]);
    return states;
}

void BlockGaugePlot::setBlock(const QString& id)
{
    m_blockId = id;
    clear();
}

void BlockGaugePlot::showGauge(const std::string& kind)
{
    m_label = gaugeLabel(kind);
    m_states = namedStates(kind);
    const QString name = m_label;
    renameSeries(0, name, QString());
    // The plot is short: a short name in lower case fits as its axis title; a
    // longer one ("Timeline writes waiting") would be clipped, and the legend
    // already names the series, so the axis goes without.
    constexpr qsizetype kLongestAxisTitle = 16;
    const bool fits = !name.isEmpty() && name.size() <= kLongestAxisTitle;
    setValueAxisLabel(fits ? name.front().toLower() + name.mid(1) : QString());
    QCustomPlot* plot = customPlot();
    if (m_states.empty()) {
        plot->yAxis->setTicker(QSharedPointer<CompactTicker>::create());
        graph(0)->setLineStyle(QCPGraph::lsLine);
        return;
    }
    // A state holds until the next window says otherwise: steps, on named ticks.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (const auto& [value, state] : m_states)
        ticker->addTick(value, state);
    ticker->setSubTickCount(0);
    plot->yAxis->setTicker(ticker);
    graph(0)->setLineStyle(QCPGraph::lsStepLeft);
}

const std::vector<stats::WindowSample>* BlockGaugePlot::timeline(const stats::Snapshot& snapshot) const
{
    // Asked before prepare(), so it reads the kind from the snapshot itself.
    for (const auto& block : snapshot.blocks)
        if (!m_blockId.isEmpty() && toQString(block.id) == m_blockId)
            return gaugeLabel(block.kind).isEmpty() ? nullptr : &block.series; // no gauge: nothing to draw
    return nullptr;
}

void BlockGaugePlot::prepare(const stats::Snapshot& snapshot)
{
    for (const auto& block : snapshot.blocks) {
        if (toQString(block.id) != m_blockId)
            continue;
        if (gaugeLabel(block.kind) != m_label)
            showGauge(block.kind);
        return;
    }
}

std::vector<double> BlockGaugePlot::rowValues(const stats::Snapshot& snapshot, size_t index) const
{
    return {(*timeline(snapshot))[index].gauge};
}

double BlockGaugePlot::valueFloor() const
{
    return m_states.empty() ? 0 : m_states.begin()->first - kStateMargin;
}

double BlockGaugePlot::valueCeiling(double largestShown) const
{
    if (m_states.empty())
        return TimeSeriesPlot::valueCeiling(largestShown);
    return m_states.rbegin()->first + kStateMargin; // every state in view, reached yet or not
}

QString BlockGaugePlot::valueText(int series, double value) const
{
    if (std::isfinite(value))
        if (const auto state = m_states.find(static_cast<int>(std::lround(value))); state != m_states.end())
            return state->second;
    return TimeSeriesPlot::valueText(series, value);
}

} // namespace scalelab::widgets
