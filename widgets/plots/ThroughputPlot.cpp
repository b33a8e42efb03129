#include "ThroughputPlot.h"

#include "PlotStyle.h"
#include "core/Outcome.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

QString errorLabel(sim::Outcome outcome)
{
    switch (outcome) {
    case sim::Outcome::Timeout: return ThroughputPlot::tr("timeout");
    case sim::Outcome::Rejected: return ThroughputPlot::tr("rejected 503");
    case sim::Outcome::RateLimited: return ThroughputPlot::tr("rate limited 429");
    case sim::Outcome::CircuitOpen: return ThroughputPlot::tr("circuit open");
    case sim::Outcome::Failed: return ThroughputPlot::tr("failed");
    case sim::Outcome::Removed: return ThroughputPlot::tr("removed block");
    case sim::Outcome::PoolTimeout: return ThroughputPlot::tr("pool timeout");
    case sim::Outcome::Throttled: return ThroughputPlot::tr("throttled");
    case sim::Outcome::Ok: break;
    }
    return ThroughputPlot::tr("ok");
}

// Warm hues for errors, away from the success green.
QColor errorColor(sim::Outcome outcome)
{
    switch (outcome) {
    case sim::Outcome::Timeout: return {0xe6, 0x9f, 0x00};
    case sim::Outcome::Rejected: return {0xd6, 0x27, 0x28};
    case sim::Outcome::RateLimited: return {0x94, 0x67, 0xbd};
    case sim::Outcome::CircuitOpen: return {0x8c, 0x56, 0x4b};
    case sim::Outcome::Failed: return {0x33, 0x33, 0x33};
    case sim::Outcome::Removed: return {0x7f, 0x7f, 0x7f};
    case sim::Outcome::PoolTimeout: return {0xff, 0x7f, 0x0e};
    case sim::Outcome::Throttled: return {0xbc, 0xbd, 0x22};
    case sim::Outcome::Ok: break;
    }
    return plotstyle::success();
}

} // namespace

ThroughputPlot::ThroughputPlot(QWidget* parent)
    : TimeSeriesPlot(parent)
{
    setValueAxisLabel(tr("responses/s"));
    addSeries(tr("successful"), tr("req/s"), plotstyle::success());
    for (int kind = 1; kind < sim::kOutcomeCount; ++kind) {
        const auto outcome = static_cast<sim::Outcome>(kind);
        addSeries(errorLabel(outcome), tr("req/s"), errorColor(outcome));
    }
    for (int series = 0; series < seriesCount(); ++series) {
        QCPGraph* band = graph(series);
        const QColor color = band->pen().color();
        QColor fill = color;
        fill.setAlpha(series == 0 ? 90 : 170);
        band->setBrush(fill);
        band->setPen(QPen(color.darker(115), 1.2));
        // Each band is filled down to the one below it; the first down to zero.
        // An error band stays hidden until that error happens: its edge
        // would otherwise be drawn over the band below.
        if (series > 0) {
            band->setChannelFillGraph(graph(series - 1));
            band->setVisible(false);
            band->removeFromLegend();
        }
    }
    relayoutLegend();
}

std::vector<double> ThroughputPlot::rowValues(const stats::Snapshot& snapshot, size_t index) const
{
    const stats::WindowSample& window = snapshot.series[index];
    std::vector<double> values{window.throughputPerSecond};
    values.insert(values.end(), window.errorsPerSecond.begin(), window.errorsPerSecond.end());
    return values;
}

std::vector<double> ThroughputPlot::displayValues(const std::vector<double>& values) const
{
    std::vector<double> stacked(values.size());
    double sum = 0;
    for (size_t i = 0; i < values.size(); ++i)
        stacked[i] = sum += std::isfinite(values[i]) ? values[i] : 0;
    return stacked;
}

void ThroughputPlot::rowsChanged()
{
    // An error kind enters the legend once any window held has it. Only the
    // rows new since the last call are read: a whole run is many.
    if (rows().empty()) {
        m_seen.assign(m_seen.size(), false);
        m_readUpTo = -std::numeric_limits<double>::infinity();
    }
    m_seen.resize(static_cast<size_t>(seriesCount()), false);
    auto next = std::upper_bound(rows().begin(), rows().end(), m_readUpTo,
                                 [](double t, const Row& row) { return t < row.seconds; });
    for (; next != rows().end(); ++next)
        for (size_t series = 1; series < m_seen.size() && series < next->values.size(); ++series)
            if (next->values[series] > 0)
                m_seen[series] = true;
    if (!rows().empty())
        m_readUpTo = rows().back().seconds;
    bool changed = false;
    for (int series = 1; series < seriesCount(); ++series) {
        const bool seen = m_seen[static_cast<size_t>(series)];
        QCPGraph* band = graph(series);
        if (seen != band->visible()) {
            band->setVisible(seen);
            seen ? band->addToLegend() : band->removeFromLegend();
            changed = true;
        }
    }
    if (changed)
        relayoutLegend();
}

} // namespace scalelab::widgets
