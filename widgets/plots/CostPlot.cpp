#include "CostPlot.h"

#include "CostText.h"
#include "PlotStyle.h"

#include <qcustomplot.h>

namespace scalelab::widgets {

CostPlot::CostPlot(QWidget* parent)
    : TimeSeriesPlot(parent)
{
    setValueAxisLabel(tr("$/h"));
    addSeries(tr("design cost"), tr("$/h"), plotstyle::cost());
}

QString CostPlot::currentText() const
{
    return graph(0)->name();
}

void CostPlot::prepare(const stats::Snapshot& snapshot)
{
    m_currentPerHour = snapshot.costPerHour;
}

std::vector<double> CostPlot::rowValues(const stats::Snapshot& snapshot, size_t index) const
{
    return {snapshot.series[index].costPerHour};
}

void CostPlot::rowsChanged()
{
    // Only the legend shows the figures; the read-out and CSV keep the series' own name.
    const QString text = rows().empty() ? seriesName(0) : costtext::now(m_currentPerHour);
    if (graph(0)->name() == text)
        return;
    graph(0)->setName(text);
    relayoutLegend();
}

} // namespace scalelab::widgets
