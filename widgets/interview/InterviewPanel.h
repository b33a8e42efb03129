#pragma once
// Interview mode: the question in large type, a countdown, the requirements
// checklist, the back-of-the-envelope sums, and a Stress test button that
// grades the current design against the file's challenge (stated and hidden
// load) on a worker thread, then shows the interview report.
//
// The interview runs in six timed phases (InterviewPhases), each with its
// task, notes and, once finished, its model answer (InterviewPhasePanel).
// With a document (setDocument), notes are edits of the design (undoable,
// saved), and a requirement change announced at its minute adds its load to
// the design's challenge. The Hint button gives the problem's hints one at a
// time, then the Advisor's reading; each hint used is in the report. In the
// deep dive the stress test's result waits for the candidate's answer
// (which block failed and why); the report shows it beside what the run found.
#include "InterviewReport.h"
#include "model/Interview.h"
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

class DesignDocument;
class EnvelopePanel;
class InterviewPhasePanel;
class InterviewPhases;
class InterviewClock;
class InterviewReportDialog;
class RubricRunner;

class InterviewPanel : public QWidget {
    Q_OBJECT
public:
    // What the stress test grades: the design as it is on the canvas now.
    using DesignSource = std::function<model::Architecture()>;

    explicit InterviewPanel(QWidget* parent = nullptr);
    ~InterviewPanel() override;

    void setDesignSource(DesignSource source) { m_designSource = std::move(source); }
    // The design being edited: the stress test grades it, notes and
    // requirement changes are undoable edits of it.
    void setDocument(DesignDocument* document);
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
    InterviewPhases* phases() const { return m_phases; }
    InterviewPhasePanel* phasePanel() const { return m_phasePanel; }
    QLabel* phaseTime() const { return m_phaseTime; }
    QLabel* banner() const { return m_banner; }
    QPushButton* hintButton() const { return m_hintButton; }
    QLabel* hintText() const { return m_hintText; }

    InterviewSummary summary() const;
    // Shows a finished stress test in the report (and switches to it).
    void setGradeResult(const analysis::GradeResult& result);
    bool stressTestRunning() const { return m_watcher.isRunning(); }
    RubricRunner* rubric() const { return m_rubric; }

public slots:
    void runStressTest();
    // The Report tab, and the report's own window.
    void showReport();
    // The next hint: the problem's own (a nudge, the pattern, the fix), then the Advisor's reading.
    void requestHint();

signals:
    void stressTestFinished();
    // A requirement change was announced (for the status bar).
    void announced(const QString& text);
    // The candidate asked for the lesson that teaches their weakest dimension (a resource path).
    void lessonRequested(const QString& path);
    // The rubric finished (or failed) after a stress test.
    void rubricFinished();
    // A stress test's result is in the report, now shown (the learning path counts the problem done).
    void gradeShown();

private:
    struct Outcome {
        std::optional<analysis::GradeResult> result;
        QString error;
    };
    void updateClock();
    void updateNextStep();
    void refreshReport();
    void stressTestDone();
    void updatePhase();
    void onTick();
    void announceChange(size_t index);
    void giveAnswer(const QString& blockId, const QString& why);
    void syncFromDocument();
    // The hidden loads' faults and their blocks, read before the run.
    void noteWhatTheRunInjects(const model::Architecture& design);

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
    InterviewPhases* m_phases;
    InterviewPhasePanel* m_phasePanel;
    QLabel* m_phaseTime;
    QLabel* m_banner;
    QPushButton* m_hintButton;
    QLabel* m_hintText;
    RubricRunner* m_rubric;
    QString m_rubricProgress;
    std::optional<model::Architecture> m_gradedDesign;

    DesignSource m_designSource;
    bool m_active = false;
    QString m_designName;
    std::optional<analysis::GradeResult> m_grade;
    DesignDocument* m_document = nullptr;
    std::optional<model::Interview> m_interview;
    size_t m_nextHint = 0;
    std::vector<HintUsed> m_hintsUsed;
    std::vector<bool> m_changeFired;
    std::vector<ChangeAnnounced> m_changes;
    std::optional<analysis::GradeResult> m_pendingGrade; // waits for the deep-dive answer
    std::optional<DeepDiveAnswer> m_deepDive;
    QStringList m_injected;  // what the hidden loads inject, one line each
    QStringList m_culprits;  // the blocks they strike
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace scalelab::widgets
