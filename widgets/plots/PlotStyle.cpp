#include "PlotStyle.h"

#include "CompactTicker.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <vector>

namespace scalelab::widgets::plotstyle {

QColor seriesColor(int index)
{
    static const std::array<QColor, 12> colors{
        QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
        QColor(0xd5, 0x5e, 0x00), QColor(0x56, 0xb4, 0xe9), QColor(0x59, 0x59, 0x59), QColor(0xbc, 0xbd, 0x22),
        QColor(0x8c, 0x56, 0x4b), QColor(0x94, 0x67, 0xbd), QColor(0x17, 0xbe, 0xcf), QColor(0xf0, 0xe4, 0x42)};
    return colors[static_cast<size_t>(index < 0 ? 0 : index) % colors.size()];
}

QPen referencePen()
{
    QPen pen(reference(), 1.2, Qt::DashLine);
    pen.setCosmetic(true);
    return pen;
}

void applyBaseStyle(QCustomPlot* plot)
{
    QFont font = plot->font();
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    const QColor axisColor(0x5b, 0x66, 0x73);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setLabelFont(font);
        axis->setTickLabelFont(small);
        axis->setLabelColor(axisColor.darker(130));
        axis->setTickLabelColor(axisColor);
        axis->setBasePen(QPen(axisColor));
        axis->setTickPen(QPen(axisColor));
        axis->setSubTickPen(QPen(axisColor));
        axis->grid()->setPen(QPen(QColor(0xe3, 0xe7, 0xec), 1, Qt::SolidLine));
        axis->setPadding(2);
        axis->setLabelPadding(3);
        axis->setTicker(QSharedPointer<CompactTicker>::create());
    }
    plot->legend->setFont(small);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setIconSize(16, 8);
    plot->legend->setRowSpacing(0);
    plot->legend->setColumnSpacing(10);
}

void placeLegendAbove(QCustomPlot* plot, int minimumHeight)
{
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->axisRect()->insetLayout()->simplify();
    plot->plotLayout()->insertRow(0);
    auto* legendRow = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 0, legendRow);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    legendRow->addElement(0, 0, plot->legend);
    // The slack keeps the legend left and the row at least minimumHeight
    // tall. On the row itself that minimum would replace the legend's own
    // height and clip a legend wrapped onto two lines; on the slack, the row
    // takes the larger of the two.
    auto* slack = new QCPLayoutElement(plot);
    slack->setMinimumSize(0, minimumHeight);
    legendRow->addElement(0, 1, slack);
    legendRow->setColumnStretchFactor(0, 0.001);
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setMargins(QMargins(4, 2, 4, 0));
}

int legendColumnsFitting(QCustomPlot* plot, int availableWidth)
{
    QCPLegend* legend = plot->legend;
    const int count = legend->itemCount();
    std::vector<int> widths;
    for (int i = 0; i < count; ++i) {
        // After a wrap the grid may hold empty cells: they count, with no width.
        QCPAbstractLegendItem* item = legend->item(i);
        widths.push_back(item ? item->minimumOuterSizeHint().width() : 0);
    }
    auto widthWith = [&](int columns) {
        int total = (columns - 1) * legend->columnSpacing() + legend->margins().left() + legend->margins().right();
        for (int column = 0; column < columns; ++column) {
            int widest = 0;
            for (int i = column; i < count; i += columns)
                widest = std::max(widest, widths[static_cast<size_t>(i)]);
            total += widest;
        }
        return total;
    };
    int columns = count;
    while (columns > 0 && widthWith(columns) > availableWidth)
        --columns;
    return columns;
}

bool wrapLegend(QCustomPlot* plot, int availableWidth)
{
    if (plot->legend->itemCount() == 0)
        return true;
    const int columns = legendColumnsFitting(plot, availableWidth);
    plot->legend->setWrap(std::max(1, columns));
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    return columns > 0;
}

} // namespace scalelab::widgets::plotstyle
