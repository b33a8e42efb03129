#pragma once
// A QDoubleSpinBox that shows "1,500 ms" rather than "1,500.00 ms": trailing
// zeros are noise in a parameter form, but the decimals must stay available
// for values such as 0.25 ms.
#include <QDoubleSpinBox>

namespace scalelab::widgets {

class CompactDoubleSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override;
};

} // namespace scalelab::widgets
