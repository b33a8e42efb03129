#pragma once
// The difference table of the compare window: one row per figure (the
// comparison's defaults, p50/p95/p99, throughput, error, timeout and
// rejected rates, cost per month, then a card's own figures), with
//   - the live value of each run now (from the newest snapshots), and
//   - after "Run comparison": A, B and B - A with its 95% interval from
//     paired replications (PairedComparisonJob, on worker threads, with a
//     progress bar and Cancel). A row whose interval excludes zero is a
//     significant difference and is highlighted; the others say so too.
#include "analysis/PairedComparison.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

namespace scalelab::widgets {

class PairedComparisonJob;

class DifferenceTable : public QWidget {
    Q_OBJECT
public:
    enum Column { Figure, LiveA, LiveB, MeanA, MeanB, Difference, ColumnCount };

    explicit DifferenceTable(QWidget* parent = nullptr);

    // The designs the next comparison runs and the rows' labels come from.
    void setDesigns(const model::Architecture& a, const model::Architecture& b);
    // Figures beyond the defaults (metric in A, metric in B), e.g. a card's claims.
    void setExtraFigures(std::vector<std::pair<std::string, std::string>> figures);
    // Warm-up, duration and replications of the next comparison (a card's "run").
    void setPlan(double warmupS, double durationS, int replications);
    // No extra figures, the default plan (10 s warm-up, 60 s, 5 replications): a new pair without a card.
    void resetToDefaults();
    void showLive(const stats::Snapshot* a, const stats::Snapshot* b);
    // Rich text under the table (a card's claims and advice); empty hides it.
    void setNotes(const QString& html);
    QTextBrowser* notes() const { return m_notes; }

    QTableWidget* table() const { return m_table; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* statusLabel() const { return m_status; }
    bool running() const;
    // Wide enough to show every column whole (with a comparison's figures in it).
    int preferredWidth() const;
    // The last finished comparison (none: replications == 0).
    const analysis::Comparison& comparison() const { return m_comparison; }

public slots:
    void runComparison();
    void cancel();

signals:
    void comparisonFinished(const scalelab::analysis::Comparison& comparison);
    void comparisonCancelled();

private:
    void rebuildRows();
    void showComparison();
    void setBusy(bool busy);

    PairedComparisonJob* m_job;
    QTableWidget* m_table;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QSpinBox* m_replications;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTextBrowser* m_notes;
    model::Architecture m_a, m_b;
    std::vector<std::pair<std::string, std::string>> m_extra;
    std::vector<std::pair<std::string, std::string>> m_rows; // (metric in A, in B), as the table lists them
    analysis::ComparePlan m_plan;
    analysis::Comparison m_comparison;
};

} // namespace scalelab::widgets
