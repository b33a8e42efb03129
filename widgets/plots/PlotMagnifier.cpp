#include "PlotMagnifier.h"

#include <qcustomplot.h>

namespace scalelab::widgets {

PlotMagnifier::Original PlotMagnifier::withFont(const QFont& font)
{
    Original original;
    original.font = font;
    return original;
}

PlotMagnifier::Original PlotMagnifier::withPen(const QPen& pen)
{
    Original original;
    original.pen = pen;
    return original;
}

QPen PlotMagnifier::scaled(const QPen& pen) const
{
    QPen result = pen;
    // Width 0 is a cosmetic one-pixel line: it grows like width 1.
    result.setWidthF(std::max(pen.widthF(), 1.0) * m_factor);
    return result;
}

QFont PlotMagnifier::scaled(const QFont& font) const
{
    QFont result = font;
    if (font.pointSizeF() > 0)
        result.setPointSizeF(font.pointSizeF() * m_factor);
    else
        result.setPixelSize(qRound(font.pixelSize() * m_factor));
    return result;
}

bool PlotMagnifier::remember(QObject* owner, Original original)
{
    const auto found = m_originals.find(owner);
    if (found != m_originals.end() && found->second.owner)
        return false; // magnified already
    original.owner = owner;
    m_originals[owner] = std::move(original);
    return true;
}

void PlotMagnifier::magnify(QCustomPlot* plot)
{
    if (remember(plot, withFont(plot->font())))
        plot->setFont(scaled(plot->font()));
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        Original original;
        original.font = axis->labelFont();
        original.secondFont = axis->tickLabelFont();
        original.pen = axis->basePen();
        original.secondPen = axis->tickPen();
        original.thirdPen = axis->grid()->pen();
        if (!remember(axis, original))
            continue;
        axis->setLabelFont(scaled(axis->labelFont()));
        axis->setTickLabelFont(scaled(axis->tickLabelFont()));
        axis->setBasePen(scaled(axis->basePen()));
        axis->setTickPen(scaled(axis->tickPen()));
        // The grid stays thin: it is background, and thick it would compete with the data.
    }
    Original legend = withFont(plot->legend->font());
    legend.iconSize = plot->legend->iconSize();
    if (remember(plot->legend, legend)) {
        plot->legend->setFont(scaled(plot->legend->font()));
        plot->legend->setIconSize(plot->legend->iconSize() * m_factor);
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            if (QCPAbstractLegendItem* item = plot->legend->item(i))
                item->setFont(plot->legend->font());
    }
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = plot->plottable(i);
        if (remember(plottable, withPen(plottable->pen()))) {
            plottable->setPen(scaled(plottable->pen()));
            if (QCPPlottableLegendItem* item = plot->legend->itemWithPlottable(plottable))
                item->setFont(plot->legend->font());
        }
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        QCPAbstractItem* item = plot->item(i);
        if (auto* text = qobject_cast<QCPItemText*>(item)) {
            if (remember(text, withFont(text->font())))
                text->setFont(scaled(text->font()));
        } else if (auto* line = qobject_cast<QCPItemStraightLine*>(item)) {
            if (remember(line, withPen(line->pen())))
                line->setPen(scaled(line->pen()));
        } else if (auto* segment = qobject_cast<QCPItemLine*>(item)) {
            if (remember(segment, withPen(segment->pen())))
                segment->setPen(scaled(segment->pen()));
        }
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotMagnifier::restore()
{
    std::vector<QCustomPlot*> plots;
    for (auto& [key, original] : m_originals) {
        QObject* owner = original.owner;
        if (!owner)
            continue;
        if (auto* plot = qobject_cast<QCustomPlot*>(owner)) {
            plot->setFont(original.font);
            plots.push_back(plot);
        } else if (auto* axis = qobject_cast<QCPAxis*>(owner)) {
            axis->setLabelFont(original.font);
            axis->setTickLabelFont(original.secondFont);
            axis->setBasePen(original.pen);
            axis->setTickPen(original.secondPen);
            axis->grid()->setPen(original.thirdPen);
        } else if (auto* legend = qobject_cast<QCPLegend*>(owner)) {
            legend->setFont(original.font);
            legend->setIconSize(original.iconSize);
            for (int i = 0; i < legend->itemCount(); ++i)
                if (QCPAbstractLegendItem* item = legend->item(i))
                    item->setFont(original.font);
        } else if (auto* plottable = qobject_cast<QCPAbstractPlottable*>(owner)) {
            plottable->setPen(original.pen);
        } else if (auto* text = qobject_cast<QCPItemText*>(owner)) {
            text->setFont(original.font);
        } else if (auto* line = qobject_cast<QCPItemStraightLine*>(owner)) {
            line->setPen(original.pen);
        } else if (auto* segment = qobject_cast<QCPItemLine*>(owner)) {
            segment->setPen(original.pen);
        }
    }
    m_originals.clear();
    for (QCustomPlot* plot : plots)
        plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace scalelab::widgets
