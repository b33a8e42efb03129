#include "PlotReadout.h"

#include <qcustomplot.h>

namespace scalelab::widgets {

PlotReadout::PlotReadout(QCustomPlot* plot)
    : m_plot(plot)
    , m_cursorLine(new QCPItemStraightLine(plot))
{
    QPen cursorPen(QColor(0x5b, 0x66, 0x73), 1, Qt::DotLine);
    m_cursorLine->setLayer("overlay");
    m_cursorLine->setPen(cursorPen);
    m_text = new QCPItemText(plot);
    m_text->setLayer("overlay");
    m_text->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_text->setTextAlignment(Qt::AlignLeft);
    m_text->setPadding(QMargins(5, 3, 5, 3));
    m_text->setBrush(QColor(255, 255, 255, 230));
    m_text->setPen(QPen(QColor(0xb8, 0xc2, 0xcf)));
    m_text->setFont(plot->legend->font());
    m_cursorLine->setVisible(false);
    m_text->setVisible(false);
}

void PlotReadout::show(double seconds, const QString& text, bool mouseOnLeft)
{
    m_text->setText(text);
    m_cursorLine->point1->setCoords(seconds, 0);
    m_cursorLine->point2->setCoords(seconds, 1);
    // Keep the box away from the cursor: on the side the mouse is not.
    m_text->position->setCoords(mouseOnLeft ? 0.99 : 0.01, 0.03);
    m_text->setPositionAlignment(Qt::AlignTop | (mouseOnLeft ? Qt::AlignRight : Qt::AlignLeft));
    m_cursorLine->setVisible(true);
    m_text->setVisible(true);
    m_plot->layer("overlay")->replot();
}

void PlotReadout::hide()
{
    if (!m_text->visible())
        return; // also: a plot never shown has no paint buffer to replot
    m_cursorLine->setVisible(false);
    m_text->setVisible(false);
    m_plot->layer("overlay")->replot();
}

} // namespace scalelab::widgets
