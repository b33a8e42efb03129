#pragma once
// Axis ticks labelled as the rest of the product writes numbers
// (model::compactNumber: 750, 2,500, 12.5k, 3M), so no plot mixes
// "1·10⁶" with "750000". Tick positions are QCustomPlot's own.
#include <qcustomplot.h>

namespace scalelab::widgets {

class CompactTicker : public QCPAxisTicker {
public:
    // The label of one tick value; what the axes draw.
    static QString label(double value);

protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
};

} // namespace scalelab::widgets
