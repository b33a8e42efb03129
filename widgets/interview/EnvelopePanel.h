#pragma once
// The back-of-the-envelope sums: the candidate edits the traffic figures and
// the capacity formula's latency and concurrency; average rps, peak rps,
// writes/s, storage per year and the server count follow at once, with the
// worked lines (analysis::envelope does the arithmetic). These are scratch
// figures, not part of the design, so they are not on the undo stack.
#include "analysis/Envelope.h"
#include "model/Interview.h"

#include <QWidget>

#include <optional>

class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace scalelab::widgets {

class EnvelopePanel : public QWidget {
    Q_OBJECT
public:
    explicit EnvelopePanel(QWidget* parent = nullptr);

    void setInputs(const model::EnvelopeInputs& inputs);
    model::EnvelopeInputs inputs() const;
    double buffer() const;   // fraction: 0.5 = +50%
    int redundancy() const;
    // Empty when the inputs cannot be computed (errorText() says why).
    const std::optional<analysis::EnvelopeFigures>& figures() const { return m_figures; }
    QString errorText() const;
    QString workedText() const; // the worked lines, one per line

    // The editors, for tests: daily_users, requests_per_user_per_day,
    // peak_factor, write_share, bytes_per_write, latency_ms, concurrency_per_server.
    QDoubleSpinBox* input(const QString& key) const;

signals:
    void recomputed();

private:
    QDoubleSpinBox* addInput(const QString& key, const QString& label, double max, int decimals, const QString& suffix);
    void recompute();

    QFormLayout* m_form;
    QList<QDoubleSpinBox*> m_inputs;
    QDoubleSpinBox* m_buffer;
    QSpinBox* m_redundancy;
    QLabel* m_result;
    QLabel* m_worked;
    std::optional<analysis::EnvelopeFigures> m_figures;
    bool m_settingInputs = false;
};

} // namespace scalelab::widgets
