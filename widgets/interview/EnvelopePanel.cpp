#include "EnvelopePanel.h"

#include "QtText.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <stdexcept>

namespace scalelab::widgets {

namespace {

QString figure(double value)
{
    return toQString(analysis::formatNumber(value < 100 ? value : std::round(value)));
}

} // namespace

EnvelopePanel::EnvelopePanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Estimate the load before you design: change any figure and the sums follow."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    addInput("daily_users", tr("Daily users"), 1e12, 0, {});
    addInput("requests_per_user_per_day", tr("Requests per user per day"), 1e6, 1, {});
    addInput("peak_factor", tr("Peak ÷ average"), 1000, 1, tr(" ×"));
    addInput("write_share", tr("Share of writes"), 1, 3, {});
    addInput("bytes_per_write", tr("Bytes stored per write"), 1e12, 0, tr(" B"));
    addInput("latency_ms", tr("Latency per request"), 1e6, 1, tr(" ms"));
    addInput("concurrency_per_server", tr("Concurrent requests per server"), 1e9, 0, {});
    m_buffer = new QDoubleSpinBox(this);
    m_buffer->setRange(0, 1000);
    m_buffer->setDecimals(0);
    m_buffer->setSuffix(tr(" %"));
    m_buffer->setValue(50);
    m_form->addRow(tr("Buffer (headroom)"), m_buffer);
    m_redundancy = new QSpinBox(this);
    m_redundancy->setRange(1, 100);
    m_redundancy->setValue(2);
    m_redundancy->setSuffix(tr(" ×"));
    m_form->addRow(tr("Redundancy"), m_redundancy);
    connect(m_buffer, &QDoubleSpinBox::valueChanged, this, &EnvelopePanel::recompute);
    connect(m_redundancy, &QSpinBox::valueChanged, this, &EnvelopePanel::recompute);

    m_result = new QLabel(this);
    m_result->setObjectName("envelopeResult");
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_worked = new QLabel(this);
    m_worked->setObjectName("envelopeWorked");
    m_worked->setWordWrap(true);
    m_worked->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_worked);
    layout->addStretch();
    setInputs(model::EnvelopeInputs{});
}

QDoubleSpinBox* EnvelopePanel::addInput(const QString& key, const QString& label, double max, int decimals,
                                        const QString& suffix)
{
    auto* box = new QDoubleSpinBox(this);
    box->setObjectName(key);
    box->setRange(0, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    box->setKeyboardTracking(false);
    connect(box, &QDoubleSpinBox::valueChanged, this, &EnvelopePanel::recompute);
    m_form->addRow(label, box);
    m_inputs.append(box);
    return box;
}

QDoubleSpinBox* EnvelopePanel::input(const QString& key) const
{
    for (QDoubleSpinBox* box : m_inputs)
        if (box->objectName() == key)
            return box;
    return nullptr;
}

void EnvelopePanel::setInputs(const model::EnvelopeInputs& in)
{
    m_settingInputs = true; // one recomputation, not seven
    input("daily_users")->setValue(in.dailyUsers);
    input("requests_per_user_per_day")->setValue(in.requestsPerUserPerDay);
    input("peak_factor")->setValue(in.peakFactor);
    input("write_share")->setValue(in.writeShare);
    input("bytes_per_write")->setValue(in.bytesPerWrite);
    input("latency_ms")->setValue(in.latencyMs);
    input("concurrency_per_server")->setValue(in.concurrencyPerServer);
    m_settingInputs = false;
    recompute();
}

model::EnvelopeInputs EnvelopePanel::inputs() const
{
    model::EnvelopeInputs in;
    in.dailyUsers = input("daily_users")->value();
    in.requestsPerUserPerDay = input("requests_per_user_per_day")->value();
    in.peakFactor = input("peak_factor")->value();
    in.writeShare = input("write_share")->value();
    in.bytesPerWrite = input("bytes_per_write")->value();
    in.latencyMs = input("latency_ms")->value();
    in.concurrencyPerServer = input("concurrency_per_server")->value();
    return in;
}

double EnvelopePanel::buffer() const
{
    return m_buffer->value() / 100.0;
}

int EnvelopePanel::redundancy() const
{
    return m_redundancy->value();
}

QString EnvelopePanel::errorText() const
{
    return m_figures ? QString() : m_result->text();
}

QString EnvelopePanel::workedText() const
{
    if (!m_figures)
        return {};
    QStringList lines;
    for (const auto& step : m_figures->steps)
        lines << toQString(step.label) + ": " + toQString(step.formula);
    return lines.join('\n');
}

void EnvelopePanel::recompute()
{
    if (m_settingInputs)
        return;
    try {
        m_figures = analysis::envelope(inputs(), buffer(), redundancy());
    } catch (const std::exception& error) {
        m_figures.reset();
        m_result->setStyleSheet("color: #b00020;");
        m_result->setText(tr("Cannot compute: %1").arg(QString::fromUtf8(error.what())));
        m_worked->clear();
        emit recomputed();
        return;
    }
    const auto& f = *m_figures;
    m_result->setStyleSheet({});
    m_result->setText(tr("<table cellspacing='4'>"
                         "<tr><td>Average</td><td align='right'><b>%1 rps</b></td></tr>"
                         "<tr><td>Peak</td><td align='right'><b>%2 rps</b></td></tr>"
                         "<tr><td>Writes at peak</td><td align='right'><b>%3 /s</b></td></tr>"
                         "<tr><td>Storage per year</td><td align='right'><b>%4</b></td></tr>"
                         "<tr><td>Servers</td><td align='right'><b>%5</b> (%6 + buffer → %7, × %8)</td></tr></table>")
                          .arg(figure(f.averageRps), figure(f.peakRps), figure(f.peakWritesPerS),
                               toQString(analysis::formatBytes(f.storageBytesPerYear)))
                          .arg(f.servers.withRedundancy)
                          .arg(f.servers.baseRounded)
                          .arg(f.servers.withBuffer)
                          .arg(redundancy()));
    QString worked = "<span style='color: palette(mid);'>";
    for (const auto& step : f.steps)
        worked += "<div>" + toQString(step.label).toHtmlEscaped() + ": " + toQString(step.formula).toHtmlEscaped() + "</div>";
    m_worked->setText(worked + "</span>");
    emit recomputed();
}

} // namespace scalelab::widgets
