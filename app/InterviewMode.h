#pragma once
// Interview mode in the main window: the Interview dock (widgets::
// InterviewPanel), the Practice menu's "Start interview…" that picks one of
// the built-in interviews (resources/interviews), and the offer to start one
// when an opened file carries an "interview" section. The stress test grades
// whatever design is on the canvas when it is pressed.
#include "model/Architecture.h"

#include <QObject>
#include <QStringList>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace scalelab::widgets {
class DesignDocument;
class InterviewPanel;
} // namespace scalelab::widgets

namespace scalelab::app {

class InterviewMode : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kInterviewDir = ":/interviews";

    InterviewMode(QMainWindow* window, widgets::DesignDocument* document, bool interactive);

    widgets::InterviewPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    QAction* startAction() const { return m_start; }
    void fillMenu(QMenu* menu);

    // Starts the interview of the design now in the document (dock shown and
    // raised, clock reset). False when the design has none.
    bool startCurrent();
    // Called after a file is opened: asks whether to start its interview (interactive only).
    void offerInterview();

signals:
    // The user picked a built-in interview: the window loads it, then calls startCurrent().
    void interviewChosen(const QString& resourcePath);
    // The report's "open the lesson" link: the window opens that lesson.
    void lessonChosen(const QString& resourcePath);

private:
    void chooseInterview();

    QMainWindow* m_window;
    widgets::DesignDocument* m_document;
    bool m_interactive;
    widgets::InterviewPanel* m_panel;
    QDockWidget* m_dock;
    QAction* m_start;
};

} // namespace scalelab::app
