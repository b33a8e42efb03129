#include "TeachingDocks.h"

#include "TeachingDockLayout.h"
#include "challenge/ChallengePanel.h"
#include "lessons/LessonPanel.h"

#include <QDockWidget>
#include <QFrame>
#include <QMainWindow>
#include <QScrollArea>

namespace scalelab::app {

TeachingDocks::TeachingDocks(QMainWindow* window, widgets::DesignDocument* document,
                             widgets::RunController* controller, bool useSettings)
    : QObject(window)
    , m_window(window)
{
    m_challenge = new widgets::ChallengePanel(document);
    m_challengeDock = new QDockWidget(tr("Challenge"), window);
    m_challengeDock->setObjectName("ChallengeDock");
    // Scrolls, so the results, the Next: line and the hints stay reachable in a short dock.
    auto* challengeScroll = new QScrollArea;
    challengeScroll->setWidget(m_challenge);
    challengeScroll->setWidgetResizable(true);
    challengeScroll->setFrameShape(QFrame::NoFrame);
    m_challengeDock->setWidget(challengeScroll);
    window->addDockWidget(Qt::RightDockWidgetArea, m_challengeDock);
    const auto showChallenge = [this](bool present) {
        m_challengeDock->setVisible(present);
        if (present) {
            giveRightColumnTo(m_window, m_challengeDock);
            // Wide enough for the results table (goal, load, measured ± CI, bound, result).
            m_window->resizeDocks({m_challengeDock}, {560}, Qt::Horizontal);
        }
    };
    connect(m_challenge, &widgets::ChallengePanel::challengeChanged, this, showChallenge);
    showChallenge(m_challenge->hasChallenge());

    m_lessons = new widgets::LessonPanel(document, controller, useSettings);
    m_lessonDock = new QDockWidget(tr("Lessons"), window);
    m_lessonDock->setObjectName("LessonDock");
    m_lessonDock->setWidget(m_lessons);
    m_lessonDock->setMinimumWidth(360);
    window->addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    m_lessonDock->hide();
    // Opening a lesson shows the dock; another design hides it (View > Lessons brings it back).
    connect(m_lessons, &widgets::LessonPanel::lessonAvailable, this, [this](bool available) {
        m_lessonDock->setVisible(available);
        if (available)
            giveRightColumnTo(m_window, m_lessonDock);
    });
}

} // namespace scalelab::app
