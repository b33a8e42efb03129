#pragma once
// Makes plots readable from the back of a room and back again: multiplies
// the fonts (axis labels, tick labels, legend, text items) and pen widths
// (graphs, axes, reference lines) of a QCustomPlot by a factor, remembering
// each original so restore() puts back exactly what was there. Graphs and
// items a plot adds while magnified (a block appearing) are magnified by
// the next magnify() call.
#include <QFont>
#include <QPen>
#include <QPointer>
#include <QSize>

#include <map>

class QCustomPlot;
class QObject;

namespace scalelab::widgets {

class PlotMagnifier {
public:
    explicit PlotMagnifier(double factor) : m_factor(factor) {}
    ~PlotMagnifier() { restore(); }
    PlotMagnifier(const PlotMagnifier&) = delete;
    PlotMagnifier& operator=(const PlotMagnifier&) = delete;

    double factor() const { return m_factor; }
    // Magnifies what of `plot` is not magnified yet, and replots it.
    void magnify(QCustomPlot* plot);
    // Puts every magnified font, pen and size back, on plots that still exist.
    void restore();

private:
    struct Original {
        QPointer<QObject> owner; // the plot, axis, legend, plottable or item
        QFont font, secondFont;  // axis: label and tick label; legend: font and item font
        QPen pen, secondPen, thirdPen;
        QSize iconSize;
    };
    static Original withFont(const QFont& font);
    static Original withPen(const QPen& pen);
    QPen scaled(const QPen& pen) const;
    QFont scaled(const QFont& font) const;
    bool remember(QObject* owner, Original original);

    double m_factor;
    std::map<QObject*, Original> m_originals;
};

} // namespace scalelab::widgets
