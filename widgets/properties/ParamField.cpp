#include "ParamField.h"

#include "CompactDoubleSpinBox.h"
#include "QtText.h"
#include "canvas/BlockFigures.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>
#include <climits>
#include <cmath>

namespace scalelab::widgets {

namespace {

int decimalsFor(double step)
{
    int decimals = 0;
    while (decimals < 6 && std::abs(step * std::pow(10, decimals) - std::round(step * std::pow(10, decimals))) > 1e-9)
        ++decimals;
    return decimals;
}

QString suffixFor(const model::ParamSpec& spec) { return spec.unit.empty() ? QString() : " " + toQString(spec.unit); }

} // namespace

ParamField::ParamField(const model::ParamSpec& spec, QWidget* parent)
    : QWidget(parent)
    , m_spec(spec)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    switch (spec.type) {
    case model::ParamType::Int:
        m_int = new QSpinBox;
        m_int->setRange(static_cast<int>(std::max<double>(spec.min, INT_MIN)),
                        static_cast<int>(std::min<double>(spec.max, INT_MAX)));
        m_int->setSingleStep(std::max(1, static_cast<int>(spec.step)));
        m_int->setSuffix(suffixFor(spec));
        m_int->setGroupSeparatorShown(true);
        m_int->setKeyboardTracking(false); // one edit per committed number, not per keystroke
        connect(m_int, &QSpinBox::valueChanged, this, [this](int v) { emit valueEdited(v); });
        layout->addWidget(m_int);
        break;
    case model::ParamType::Double:
    case model::ParamType::Duration:
    case model::ParamType::Rate:
        m_double = new CompactDoubleSpinBox;
        // Shown compactly, so decimals cost nothing when unused: allow enough
        // for fractional milliseconds and ratios however coarse the step.
        m_double->setDecimals(std::max(2, decimalsFor(spec.step)));
        m_double->setRange(spec.min, spec.max);
        m_double->setSingleStep(spec.step);
        m_double->setSuffix(suffixFor(spec));
        m_double->setGroupSeparatorShown(true);
        m_double->setKeyboardTracking(false);
        connect(m_double, &QDoubleSpinBox::valueChanged, this, [this](double v) {
            if (m_slider) {
                const QSignalBlocker block(m_slider);
                m_slider->setValue(sliderPosition(m_spec, v));
            }
            emit valueEdited(v);
        });
        if (spec.type == model::ParamType::Rate) {
            m_slider = new QSlider(Qt::Horizontal);
            m_slider->setRange(0, kSliderSteps);
            m_slider->setMinimumWidth(70);
            connect(m_slider, &QSlider::valueChanged, this, [this](int position) {
                const double v = sliderValue(m_spec, position);
                const QSignalBlocker block(m_double);
                m_double->setValue(v);
                emit valueEdited(m_double->value());
            });
            layout->addWidget(m_slider, 1);
            m_double->setMinimumWidth(100);
        }
        layout->addWidget(m_double, m_slider ? 0 : 1);
        break;
    case model::ParamType::Enum:
        m_combo = new QComboBox;
        for (const auto& choice : spec.choices)
            m_combo->addItem(toQString(choice).replace('_', ' '));
        connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
            if (index >= 0)
                emit valueEdited(index);
        });
        layout->addWidget(m_combo, 1);
        break;
    case model::ParamType::Text:
        m_text = new QLineEdit;
        connect(m_text, &QLineEdit::textEdited, this, [this](const QString& text) {
            // Say what is wrong while typing; only an acceptable text is committed.
            const QString rule = toQString(m_spec.checkText(toStdString(text)));
            m_text->setStyleSheet(rule.isEmpty() ? QString() : QStringLiteral("border: 1px solid #d1242f"));
            m_text->setToolTip(rule.isEmpty() ? toolTipText() : rule);
        });
        connect(m_text, &QLineEdit::editingFinished, this, [this] {
            if (m_spec.checkText(toStdString(m_text->text())).empty())
                emit textEdited(m_text->text());
        });
        layout->addWidget(m_text, 1);
        break;
    case model::ParamType::Bool:
        m_check = new QCheckBox;
        connect(m_check, &QCheckBox::toggled, this, [this](bool on) { emit valueEdited(on ? 1 : 0); });
        layout->addWidget(m_check, 1);
        break;
    }
    const QString tip = toolTipText();
    for (QWidget* child : findChildren<QWidget*>())
        child->setToolTip(tip);
    if (m_text)
        setText(toQString(spec.defaultText));
    else
        setValue(spec.defaultValue);
}

void ParamField::setText(const QString& text)
{
    if (!m_text || m_text->text() == text)
        return;
    const QSignalBlocker block(m_text);
    m_text->setText(text);
    m_text->setCursorPosition(0); // show the start of a long text, not its tail
    m_text->setStyleSheet({});
}

QString ParamField::toolTipText() const
{
    QString tip = "<b>" + toQString(m_spec.label).toHtmlEscaped() + "</b><br>" + toQString(m_spec.help).toHtmlEscaped();
    if (m_spec.type != model::ParamType::Enum && m_spec.type != model::ParamType::Bool && !m_spec.isText())
        tip += "<br><i>" + tr("Range: %1 to %2%3")
                               .arg(BlockFigures::compactNumber(m_spec.min), BlockFigures::compactNumber(m_spec.max),
                                    suffixFor(m_spec)) + "</i>";
    tip += "<br><tt>" + toQString(m_spec.key) + "</tt>";
    return tip;
}

double ParamField::value() const
{
    if (m_int)
        return m_int->value();
    if (m_double)
        return m_double->value();
    if (m_combo)
        return m_combo->currentIndex();
    return m_check && m_check->isChecked() ? 1 : 0;
}

void ParamField::setValue(double value)
{
    const QSignalBlocker blockSelf(this);
    if (m_int) {
        const QSignalBlocker block(m_int);
        m_int->setValue(static_cast<int>(value));
    }
    if (m_double) {
        const QSignalBlocker block(m_double);
        m_double->setValue(value);
    }
    if (m_slider) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(sliderPosition(m_spec, value));
    }
    if (m_combo) {
        const QSignalBlocker block(m_combo);
        m_combo->setCurrentIndex(static_cast<int>(value));
    }
    if (m_check) {
        const QSignalBlocker block(m_check);
        m_check->setChecked(value != 0);
    }
}

int ParamField::sliderPosition(const model::ParamSpec& spec, double value)
{
    const double low = std::max(spec.min, 1.0), high = std::max(spec.max, low * 10);
    if (value <= low)
        return 0;
    const double fraction = std::log(value / low) / std::log(high / low);
    return static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kSliderSteps));
}

double ParamField::sliderValue(const model::ParamSpec& spec, int position)
{
    if (position <= 0)
        return spec.min;
    const double low = std::max(spec.min, 1.0), high = std::max(spec.max, low * 10);
    const double raw = low * std::pow(high / low, static_cast<double>(position) / kSliderSteps);
    // Two significant digits: a slider picks a magnitude, the spin box the exact figure.
    const double magnitude = std::pow(10, std::floor(std::log10(raw)) - 1);
    return std::clamp(std::round(raw / magnitude) * magnitude, spec.min, spec.max);
}

} // namespace scalelab::widgets
