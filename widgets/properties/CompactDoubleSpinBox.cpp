#include "CompactDoubleSpinBox.h"

namespace scalelab::widgets {

QString CompactDoubleSpinBox::textFromValue(double value) const
{
    QString text = QDoubleSpinBox::textFromValue(value);
    const QChar point = locale().decimalPoint().front();
    if (text.contains(point)) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

} // namespace scalelab::widgets
