#pragma once
// Interview mode: the question in large type, a countdown, the requirements
// checklist, the back-of-the-envelope sums, and a Stress test button that
// grades the current design against the file's challenge (stated and hidden
// load) on a worker thread, then shows the interview report.
#include "InterviewReport.h"
#include "model/Architecture.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace scalelab::widgets {

class EnvelopePanel;
class InterviewClock;
class InterviewReportDialog;

class InterviewPanel : public QWidget {
    Q_OBJECT
public:
    // What the stress test grades: the design as it is on the canvas now.
    using DesignSource = std::function<model::Architecture()>;

    explicit InterviewPanel(QWidget* parent = nullptr);
    ~InterviewPanel() override;

    void setDesignSource(DesignSource source) { m_designSource = std::move(source); }
    // Starts a new interview from a design with an "interview" section (the
    // clock is reset and stopped; start() runs it). False if it has none.
    bool startInterview(const model::Architecture& design);
    bool active() const { return m_active; }

    InterviewClock* clock() const { return m_clock; }
    EnvelopePanel* envelope() const { return m_envelope; }
    QListWidget* requirements() const { return m_requirements; }
    QTextBrowser* reportView() const { return m_report; }
    // The report in a window of its own, opened when a stress test finishes.
    InterviewReportDialog* reportWindow() const { return m_reportWindow; }
    QPushButton* stressTestButton() const { return m_stressTest; }
    QTabWidget* tabs() const { return m_tabs; }

    InterviewSummary summary() const;
    // Shows a finished stress test in the report (and switches to it).
    void setGradeResult(const analysis::GradeResult& result);
    bool stressTestRunning() const { return m_watcher.isRunning(); }

public slots:
    void runStressTest();
    // The Report tab, and the report's own window.
    void showReport();

signals:
    void stressTestFinished();

private:
    struct Outcome {
        std::optional<analysis::GradeResult> result;
        QString error;
    };
    void updateClock();
    void updateNextStep();
    void refreshReport();
    void stressTestDone();

    InterviewClock* m_clock;
    QLabel* m_title;
    QLabel* m_prompt;
    QLabel* m_time;
    QPushButton* m_startPause;
    QLabel* m_nextStep;
    QTabWidget* m_tabs;
    QListWidget* m_requirements;
    EnvelopePanel* m_envelope;
    QTextBrowser* m_report;
    InterviewReportDialog* m_reportWindow;
    QPushButton* m_stressTest;
    QProgressBar* m_progress;
    QLabel* m_status;

    DesignSource m_designSource;
    bool m_active = false;
    QString m_designName;
    std::optional<analysis::GradeResult> m_grade;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace scalelab::widgets
