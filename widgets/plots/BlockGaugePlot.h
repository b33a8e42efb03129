#pragma once
// One block's gauge over time: its own state at the end of each window, as
// the registry's gauge for its kind names it (breaker state, messages
// waiting, tokens left, instances wanted). A gauge whose registry entry
// names its states (the breaker's closed, half-open, open) is drawn as steps
// on ticks named after the states; any other gauge is a plain line. A kind
// without a gauge label has no gauge, and the plot then takes no data.
#include "TimeSeriesPlot.h"

#include <map>
#include <string>

namespace scalelab::widgets {

class BlockGaugePlot : public TimeSeriesPlot {
    Q_OBJECT

public:
    explicit BlockGaugePlot(QWidget* parent = nullptr);

    // The block to follow (its kind is learnt from the next snapshot); empty: none.
    void setBlock(const QString& id);
    QString block() const { return m_blockId; }
    // The gauge label of the kind shown now; empty before a block with a gauge was seen.
    QString label() const { return m_label; }

    // The registry's gauge label for `kind`; empty when the kind has no gauge.
    static QString gaugeLabel(const std::string& kind);
    // The registry's names of the kind's gauge values: {0: closed,
    // 1: half-open, 2: open} for a breaker; empty for a plain gauge.
    static std::map<int, QString> namedStates(const std::string& kind);

protected:
    const std::vector<stats::WindowSample>* timeline(const stats::Snapshot& snapshot) const override;
    void prepare(const stats::Snapshot& snapshot) override;
    std::vector<double> rowValues(const stats::Snapshot& snapshot, size_t index) const override;
    double valueFloor() const override;
    double valueCeiling(double largestShown) const override;
    QString valueText(int series, double value) const override;

private:
    // Series name, axis title, ticks and line style for a kind's gauge.
    void showGauge(const std::string& kind);

    QString m_blockId;
    QString m_label;
    std::map<int, QString> m_states;
};

} // namespace scalelab::widgets
