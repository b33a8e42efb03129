#pragma once
// The learning path in the main window: Help > Learning path… (the
// LearningPathDialog), the record of steps done (widgets::PathProgress), and
// the bookkeeping that marks a step done: the window tells it which bundled
// file is open (setSource), and a finished lesson, a passed challenge or an
// interview's graded report of that file marks its step. A trade-off card is
// marked by the compare window (PathProgress::markDone with "tradeoff:NAME").
#include "model/LearningPath.h"

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;

namespace scalelab::widgets {
class ChallengePanel;
class DesignDocument;
class InterviewPanel;
class LearningPathDialog;
class LessonPanel;
class PathProgress;
} // namespace scalelab::widgets

namespace scalelab::app {

class LearningPathMode : public QObject {
    Q_OBJECT
public:
    LearningPathMode(QMainWindow* window, widgets::DesignDocument* document, bool useSettings);

    widgets::PathProgress* progress() const { return m_progress; }
    QAction* showAction() const { return m_show; }
    // Created on first use; null until then.
    widgets::LearningPathDialog* dialog() const { return m_dialog; }
    // The step the open design is ("lesson:caching"), empty for any other design.
    const QString& currentStep() const { return m_current; }

    // Listens to the docks whose results complete a step.
    void watch(widgets::LessonPanel* lessons, widgets::ChallengePanel* challenge, widgets::InterviewPanel* interview);

public slots:
    // The design just opened came from `filePath` (a resource or a file on disk).
    void setSource(const QString& filePath);
    // Shows (creates) the dialog and raises it.
    void showPath();
    // Marks the open design's step done, if it is one.
    void markCurrentDone();
    // A trade-off card's paired comparison finished (CompareWindow::comparisonFinished):
    // `cardName` is the card's file stem or path, e.g. "push-vs-pull-fanout".
    void markTradeoffDone(const QString& cardName);

signals:
    void openDesignRequested(const QString& resourcePath);
    void openInterviewRequested(const QString& resourcePath);
    void openTradeoffRequested(const QString& cardPath);

private:
    QMainWindow* m_window;
    widgets::PathProgress* m_progress;
    widgets::LearningPathDialog* m_dialog = nullptr;
    QAction* m_show;
    QString m_current;
};

} // namespace scalelab::app
