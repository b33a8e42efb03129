#include "CompareOverlayPlot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <limits>

namespace scalelab::widgets {

namespace {
constexpr double kSlack = 1e-9;
} // namespace

CompareOverlayPlot::CompareOverlayPlot(const QString& title, const QString& unit, const QColor& color, Figure figure,
                                       QWidget* parent)
    : TimeSeriesPlot(parent)
    , m_unit(unit)
    , m_figure(std::move(figure))
{
    setValueAxisLabel(unit.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, unit));
    addSeries(tr("A"), unit, color);
    addSeries(tr("B"), unit, color);
    QPen dashed = graph(1)->pen();
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(2.0); // a dash reads as thinner than a line of the same width
    graph(1)->setPen(dashed);
}

void CompareOverlayPlot::appendPair(const stats::Snapshot& a, const stats::Snapshot& b)
{
    m_common.clear();
    m_valuesB.clear();
    const double common = std::min(a.series.empty() ? 0.0 : a.series.back().endSeconds,
                                   b.series.empty() ? 0.0 : b.series.back().endSeconds);
    const double held = lastSeconds();
    const auto byEnd = [](const stats::WindowSample& w, double t) { return w.endSeconds < t; };
    for (auto it = std::upper_bound(a.series.begin(), a.series.end(), held + kSlack,
                                    [](double t, const stats::WindowSample& w) { return t < w.endSeconds; });
         it != a.series.end() && it->endSeconds <= common + kSlack; ++it) {
        const auto match = std::lower_bound(b.series.begin(), b.series.end(), it->endSeconds - kSlack, byEnd);
        const bool found = match != b.series.end() && match->endSeconds <= it->endSeconds + kSlack;
        m_common.push_back(*it);
        m_valuesB.push_back(found ? m_figure(*match) : std::numeric_limits<double>::quiet_NaN());
    }
    appendSnapshot(a); // reads timeline() and rowValues() below
    m_common.clear();
    m_valuesB.clear();
}

const std::vector<stats::WindowSample>* CompareOverlayPlot::timeline(const stats::Snapshot&) const
{
    return &m_common;
}

std::vector<double> CompareOverlayPlot::rowValues(const stats::Snapshot&, size_t index) const
{
    return {m_figure(m_common[index]), m_valuesB[index]};
}

} // namespace scalelab::widgets
