#pragma once
// The Challenge dock: what the open design's challenge asks (title, level,
// brief, the goals at the stated traffic and how many hidden loads wait),
// a Submit button that grades the design on a worker thread with progress
// and Cancel, then every goal under every load with its 95% interval, the
// score, the monthly cost, the advisor's hints and one "Next:" line.
#include "analysis/Grader.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace scalelab::widgets {

class DesignDocument;

class ChallengePanel : public QWidget {
    Q_OBJECT
public:
    explicit ChallengePanel(DesignDocument* document, QWidget* parent = nullptr);
    ~ChallengePanel() override;

    bool hasChallenge() const;
    bool isGrading() const { return m_watcher.isRunning(); }
    QListWidget* goalList() const { return m_goals; }
    QTableWidget* resultTable() const { return m_table; }
    QString scoreText() const;
    QString nextText() const;

public slots:
    // Grades on a worker thread; `graded` or `gradeFailed` follows.
    void submit();
    void cancel();
    // Grades on the calling thread: for `--screenshot --grade` only.
    void gradeNow();
    // Re-reads the challenge from the document and forgets old results.
    void refresh();

signals:
    void challengeChanged(bool present);
    void graded();
    void gradeFailed(const QString& message);

private:
    struct Outcome {
        analysis::GradeResult result;
        QString error;
    };
    Outcome gradeDesign(const model::Architecture& design, bool withProgress);
    void finish(const Outcome& outcome);
    void showResult(const analysis::GradeResult& result);
    void setGrading(bool grading);

    DesignDocument* m_document;
    QLabel* m_title;
    QLabel* m_brief;
    QLabel* m_goalsHeading;
    QListWidget* m_goals;
    QLabel* m_hiddenNote;
    QPushButton* m_submit;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTableWidget* m_table;
    QLabel* m_score;
    QLabel* m_next;
    QLabel* m_hints;
    QFutureWatcher<Outcome> m_watcher;
    std::atomic<bool> m_cancelRequested{false};
};

} // namespace scalelab::widgets
