#include "LearningPathMode.h"

#include "challenge/ChallengePanel.h"
#include "document/DesignDocument.h"
#include "interview/InterviewPanel.h"
#include "lessons/LessonPanel.h"
#include "path/LearningPathDialog.h"
#include "path/PathFiles.h"
#include "path/PathProgress.h"

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QStatusBar>

namespace scalelab::app {

LearningPathMode::LearningPathMode(QMainWindow* window, widgets::DesignDocument* document, bool useSettings)
    : QObject(window)
    , m_window(window)
    , m_progress(new widgets::PathProgress(useSettings, this))
    , m_show(new QAction(tr("&Learning Path…"), this))
{
    m_show->setObjectName("learningPath");
    m_show->setToolTip(tr("Lessons, trade-off cards, challenges and interview problems in four tiers, and what to do next"));
    connect(m_show, &QAction::triggered, this, &LearningPathMode::showPath);
    // Any design loaded is, until the window says otherwise, no step of the path.
    connect(document, &widgets::DesignDocument::designReset, this, [this] { m_current.clear(); });
}

void LearningPathMode::watch(widgets::LessonPanel* lessons, widgets::ChallengePanel* challenge,
                             widgets::InterviewPanel* interview)
{
    connect(lessons, &widgets::LessonPanel::lessonFinished, this, &LearningPathMode::markCurrentDone);
    connect(challenge, &widgets::ChallengePanel::passed, this, &LearningPathMode::markCurrentDone);
    connect(interview, &widgets::InterviewPanel::gradeShown, this, &LearningPathMode::markCurrentDone);
}

void LearningPathMode::setSource(const QString& filePath) { m_current = widgets::PathFiles::stepIdFor(filePath); }

void LearningPathMode::markCurrentDone()
{
    if (m_current.isEmpty() || m_progress->isDone(m_current))
        return;
    m_progress->markDone(m_current);
    m_window->statusBar()->showMessage(tr("Learning path: step done. Help > Learning Path shows the next one."), 8000);
}

void LearningPathMode::markTradeoffDone(const QString& cardName)
{
    const QString stem = QFileInfo(cardName).fileName().section('.', 0, 0);
    m_progress->markDone(QString(model::LearningPath::kindName(model::PathStep::Kind::Tradeoff)) + ":" + stem);
}

void LearningPathMode::showPath()
{
    if (!m_dialog) {
        model::LearningPath path;
        try {
            path = widgets::PathFiles::loadBundled();
        } catch (const std::exception& error) {
            m_window->statusBar()->showMessage(QString::fromUtf8(error.what()), 10000);
            return;
        }
        m_dialog = new widgets::LearningPathDialog(std::move(path), m_progress, m_window);
        connect(m_dialog, &widgets::LearningPathDialog::openDesignRequested, this, &LearningPathMode::openDesignRequested);
        connect(m_dialog, &widgets::LearningPathDialog::openInterviewRequested, this,
                &LearningPathMode::openInterviewRequested);
        connect(m_dialog, &widgets::LearningPathDialog::openTradeoffRequested, this,
                &LearningPathMode::openTradeoffRequested);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

} // namespace scalelab::app
