#pragma once
// The Lessons dock: walks a learner through the open design's lesson, one
// step at a time. It shows the step's why (explain) and what to do
// (instruction) in large text, the step's check with the current value
// against its target, and unlocks Next only once the check has passed.
//
// - Run checks read the live run's snapshots; plan checks read the analytic
//   plan, recomputed on every edit (see evaluateRun for why the run's recent
//   windows are read and not its totals).
// - "Show me" performs the step's design edits through the editor's undo
//   commands (one macro, undoable like any edit) and its live actions
//   (faults, cache flushes) through the RunController, starting the run if
//   needed.
// - Progress (current step, whether it passed) is kept in QSettings under
//   lessons/<file name>; reopening the lesson restores it and re-applies the
//   earlier steps' edits that the design does not have yet.
#include "model/Lesson.h"
#include "stats/Snapshot.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace scalelab::widgets {

class DesignDocument;
class RunController;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    // `keepsProgress`: false neither reads nor writes QSettings (screenshots start where told).
    LessonPanel(DesignDocument* document, RunController* run, bool keepsProgress = true, QWidget* parent = nullptr);

    bool hasLesson() const { return m_lesson.has_value(); }
    int currentStep() const { return m_step; }
    int stepCount() const { return m_lesson ? int(m_lesson->steps.size()) : 0; }
    bool stepPassed() const { return m_passed; }
    // What the check line says now ("Database: utilisation 93% — target below 60%").
    QString checkText() const;
    QPushButton* nextButton() const { return m_next; }

public slots:
    // Jumps to step `index` (0-based) as if the earlier ones were done:
    // their edits are applied (undoably) where the design lacks them.
    void goToStep(int index);
    void next();
    void showMe();
    void restartLesson();

public:
    // Below this height the panel hides its list of steps (see resizeEvent).
    static constexpr int kStepListMinimumPanelHeight = 560;

signals:
    // The open design has a lesson (show the dock) or no longer has one.
    void lessonAvailable(bool available);
    // The learner passed the last step's check and pressed Finish (the learning path counts it done).
    void lessonFinished();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showStepListIfRoom();
    void onDesignReset();
    void onSnapshot(const std::shared_ptr<const stats::Snapshot>& snapshot);
    void evaluatePlan();
    void setValue(std::optional<double> value, const QString& waiting);
    // Performs the design edits of steps [first, last] that still apply, as one undo macro.
    void performEdits(int first, int last, const QString& text);
    void performLiveActions(const model::LessonStep& step);
    void markMeasureStart();
    void saveProgress() const;
    QString settingsKey() const;
    void refresh();
    void buildUi();

    DesignDocument* m_document;
    RunController* m_run;
    bool m_keepsProgress;
    std::optional<model::Lesson> m_lesson;
    QString m_lessonKey;
    int m_step = 0;
    bool m_passed = false;
    bool m_finished = false;
    std::optional<double> m_value;
    QString m_waiting; // why there is no value yet
    double m_measureSince = 0; // simulated second from which the run's windows count
    double m_latestSimSeconds = 0;

    QLabel* m_title;
    QLabel* m_progress;
    QListWidget* m_steps;
    QLabel* m_stepTitle;
    QLabel* m_explain;
    QLabel* m_instruction;
    QLabel* m_goal;
    QLabel* m_checkLine;
    QLabel* m_status;
    QPushButton* m_showMe;
    QPushButton* m_next;
    QPushButton* m_restart;
};

} // namespace scalelab::widgets
