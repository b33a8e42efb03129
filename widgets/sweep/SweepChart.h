#pragma once
// The capacity sweep drawn against offered load: simulated p95 and mean
// latency with the analytic mean overlaid (log scale, so the flat part and
// the blow-up both read), throughput on the right axis beside the ideal
// "throughput = offered" diagonal, and the knee marked by a vertical line.
// When the points were replicated, each simulated point carries error bars:
// its 95% confidence interval across the replications.
#include "analysis/CapacitySweep.h"

#include <QWidget>

#include <vector>

class QCPErrorBars;
class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;

namespace scalelab::widgets {

class SweepChart : public QWidget {
    Q_OBJECT

public:
    explicit SweepChart(QWidget* parent = nullptr);

    // Points sorted by load; `knee` indexes them (-1: none).
    void setPoints(const std::vector<analysis::SweepPoint>& points, int knee);
    bool savePng(const QString& path);
    QCustomPlot* customPlot() const { return m_plot; }
    // Offered load where the knee line stands; NaN when hidden.
    double kneeOfferedRps() const;
    // Error bars of p95, mean and throughput, in that order (hidden without replications).
    const std::vector<QCPErrorBars*>& errorBars() const { return m_errorBars; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QCustomPlot* m_plot = nullptr;
    QCPItemStraightLine* m_kneeLine = nullptr;
    QCPItemText* m_kneeLabel = nullptr;
    std::vector<QCPErrorBars*> m_errorBars;
};

} // namespace scalelab::widgets
