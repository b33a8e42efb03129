#pragma once
// The Challenge and Lessons docks: each appears when the open design carries
// a challenge or a lesson, and then takes the top of the right-hand column
// (giveRightColumnTo). Interview practice has its own InterviewMode.
#include <QObject>

class QDockWidget;
class QMainWindow;

namespace scalelab::widgets {
class ChallengePanel;
class DesignDocument;
class LessonPanel;
class RunController;
} // namespace scalelab::widgets

namespace scalelab::app {

class TeachingDocks : public QObject {
    Q_OBJECT
public:
    // `useSettings`: lesson progress is kept in QSettings (off in tests that
    // must not touch the user's settings).
    TeachingDocks(QMainWindow* window, widgets::DesignDocument* document, widgets::RunController* controller,
                  bool useSettings);

    widgets::ChallengePanel* challenge() const { return m_challenge; }
    widgets::LessonPanel* lessons() const { return m_lessons; }
    QDockWidget* lessonDock() const { return m_lessonDock; }

private:
    QMainWindow* m_window;
    widgets::ChallengePanel* m_challenge = nullptr;
    QDockWidget* m_challengeDock = nullptr;
    widgets::LessonPanel* m_lessons = nullptr;
    QDockWidget* m_lessonDock = nullptr;
};

} // namespace scalelab::app
