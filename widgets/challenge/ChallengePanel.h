#pragma once
// The Challenge dock: what the open design's challenge asks (title, level,
// brief, the goals at the stated traffic and how many hidden loads wait),
// the load Play runs (the stated one, model::applyStatedTraffic), a Submit
// button that grades the design on a worker thread with progress and Cancel,
// then the score and one "Next:" line here, and every goal under every load
// (failing ones first, each with its mean, 95% interval and target) in a
// results window of its own (ChallengeResultsDialog) that opens by itself.
// A pass is remembered (ChallengeProgress), which unlocks the gallery's
// reference solution.
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

class ChallengeResultsDialog;
class DesignDocument;

class ChallengePanel : public QWidget {
    Q_OBJECT
public:
    explicit ChallengePanel(DesignDocument* document, QWidget* parent = nullptr);
    ~ChallengePanel() override;

    bool hasChallenge() const;
    bool isGrading() const { return m_watcher.isRunning(); }
    QListWidget* goalList() const { return m_goals; }
    // The results window's table: failing rows first.
    QTableWidget* resultTable() const;
    ChallengeResultsDialog* resultsDialog() const { return m_results; }
    // "Play runs the stated load: 600 rps", or what differs from it.
    QString loadText() const;
    // Remember passes in QSettings (off in tests that must not touch the user's settings).
    void setKeepsProgress(bool keeps) { m_keepsProgress = keeps; }
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
    // Shows the last results window again.
    void showResults();

signals:
    void challengeChanged(bool present);
    void graded();
    // The last grading passed every goal under every load.
    void passed();
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
    void updateLoadText();

    DesignDocument* m_document;
    QLabel* m_title;
    QLabel* m_brief;
    QLabel* m_goalsHeading;
    QListWidget* m_goals;
    QLabel* m_hiddenNote;
    QLabel* m_load;
    QPushButton* m_submit;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_showResults;
    QLabel* m_score;
    QLabel* m_next;
    ChallengeResultsDialog* m_results;
    bool m_keepsProgress = false;
    QFutureWatcher<Outcome> m_watcher;
    std::atomic<bool> m_cancelRequested{false};
};

} // namespace scalelab::widgets
