#pragma once
// The editor widget for one ParamSpec, chosen by its type: a spin box with
// the unit as suffix (Int, Double, Duration), a logarithmic slider plus spin
// box (Rate), a combo box (Enum), a check box (Bool) or a line edit checked
// by the spec's text rule (Text). The spec's range is the widget's range, and
// its help text is the tooltip.
#include "model/ParamSpec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace scalelab::widgets {

class ParamField : public QWidget {
    Q_OBJECT
public:
    ParamField(const model::ParamSpec& spec, QWidget* parent = nullptr);

    const model::ParamSpec& spec() const { return m_spec; }
    double value() const;
    // Shows a value from the model without emitting valueEdited.
    void setValue(double value);
    // Text parameters: the same, for their text.
    void setText(const QString& text);
    // The text shown next to the field: label, and the tooltip with help and range.
    QString toolTipText() const;

    // Slider position (0..kSliderSteps) for a rate and back; logarithmic, since
    // rates span 1 to millions and users care about orders of magnitude.
    static constexpr int kSliderSteps = 1000;
    static int sliderPosition(const model::ParamSpec& spec, double value);
    static double sliderValue(const model::ParamSpec& spec, int position);

signals:
    // The user changed the value (every arrow click, slider step or committed entry).
    void valueEdited(double value);
    // A text parameter was committed (Enter or focus out) with a text its rule accepts.
    void textEdited(const QString& text);

private:
    model::ParamSpec m_spec;
    QSpinBox* m_int = nullptr;
    QDoubleSpinBox* m_double = nullptr;
    QSlider* m_slider = nullptr;
    QComboBox* m_combo = nullptr;
    QCheckBox* m_check = nullptr;
    QLineEdit* m_text = nullptr;
};

} // namespace scalelab::widgets
