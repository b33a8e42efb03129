#pragma once
// "How far does this design go?": runs the capacity sweep on the thread
// pool (each point an independent simulation, the GUI never waits), plots
// the points as they arrive, marks the knee, and exports CSV or PNG. Each
// point may be simulated several times (runs per point) so that the chart
// and the table give it a 95% confidence interval.
#include "analysis/CapacitySweep.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>
#include <optional>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace scalelab::widgets {

class SweepChart;

class CapacitySweepDialog : public QDialog {
    Q_OBJECT

public:
    CapacitySweepDialog(const model::Architecture& design, uint64_t seed, QWidget* parent = nullptr);
    ~CapacitySweepDialog() override; // cancels the sweep and waits for running points

    void setRange(int fromPercent, int toPercent, int steps);
    void setMeasureSeconds(double seconds);
    void setReplications(int runsPerPoint);
    bool isRunning() const;
    // Finished points in load order, and the knee among them (-1: none).
    std::vector<analysis::SweepPoint> points() const;
    int kneeIndex() const;
    // .csv (every point) or .png (the chart); false for another extension or a write error.
    bool exportTo(const QString& path);
    SweepChart* chart() const { return m_chart; }

public slots:
    void start();
    void cancel();

signals:
    void sweepFinished(); // after the last point, or after a cancel has drained

private:
    void onPointReady(int index);
    void onFinished();
    void refresh();
    void updateButtons();
    void saveWithDialog(const QString& extension, const QString& filter);

    std::shared_ptr<const model::Architecture> m_design;
    uint64_t m_seed;
    QString m_designProblem; // why the design cannot be swept; empty when it can
    std::vector<std::optional<analysis::SweepPoint>> m_results;
    QFutureWatcher<analysis::SweepPoint> m_watcher;

    QSpinBox* m_from = nullptr;
    QSpinBox* m_to = nullptr;
    QSpinBox* m_steps = nullptr;
    QDoubleSpinBox* m_measure = nullptr;
    QSpinBox* m_replications = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QPushButton* m_exportPng = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    SweepChart* m_chart = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace scalelab::widgets
