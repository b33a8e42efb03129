#include "ReportFigures.h"

#include "canvas/CanvasExporter.h"
#include "plots/TimeSeriesPlot.h"

#include <qcustomplot.h>

#include <QPainter>

namespace scalelab::widgets::ReportFigures {

ReportFigure design(CanvasScene* scene)
{
    ReportFigure figure;
    figure.title = QObject::tr("Design");
    QPainter painter(&figure.picture);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    figure.size = CanvasExporter::paint(scene, &painter);
    return figure;
}

ReportFigure plot(const QString& title, TimeSeriesPlot* timeSeries, QSize size)
{
    QCustomPlot* plot = timeSeries->customPlot();
    ReportFigure figure;
    figure.title = title;
    QCPPainter painter(&figure.picture);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    // The title is part of the picture, so a page break never separates the two.
    QFont font = plot->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter.setFont(font);
    const int titleHeight = QFontMetrics(font).height() + 4;
    painter.drawText(QRect(0, 0, size.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.translate(0, titleHeight);
    // The plot's own layers include its event-log markers (TimeMarkers): the
    // figure shows the same faults, reactions and design changes as the dock.
    timeSeries->layoutLegendForPicture(size.width());
    plot->toPainter(&painter, size.width(), size.height());
    timeSeries->relayoutLegend();
    painter.end();
    figure.size = QSizeF(size.width(), size.height() + titleHeight);
    // toPainter leaves the widget's own buffers as they were; redraw them for its next paint.
    plot->replot(QCustomPlot::rpQueuedReplot);
    return figure;
}

} // namespace scalelab::widgets::ReportFigures
