#include "TeachingDocks.h"

#include "TeachingDockLayout.h"
#include "challenge/ChallengePanel.h"
#include "QtText.h"
#include "document/DesignDocument.h"
#include "lessons/LessonPanel.h"
#include "model/StatedTraffic.h"
#include "run/RunController.h"

#include <QDockWidget>
#include <QFrame>
#include <QMainWindow>
#include <QStatusBar>

namespace scalelab::app {

TeachingDocks::TeachingDocks(QMainWindow* window, widgets::DesignDocument* document,
                             widgets::RunController* controller, bool useSettings)
    : QObject(window)
    , m_window(window)
{
    m_challenge = new widgets::ChallengePanel(document);
    m_challenge->setKeepsProgress(useSettings);
    m_challengeDock = new QDockWidget(tr("Challenge"), window);
    m_challengeDock->setObjectName("ChallengeDock");
    // The panel scrolls its text itself and keeps Submit in view.
    m_challengeDock->setWidget(m_challenge);
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
    // Say what load a challenge's Play runs: the stated one unless the student changed it.
    connect(controller, &widgets::RunController::stateChanged, this, [this, document](widgets::RunController::State state) {
        const model::Architecture& design = document->architecture();
        if (state != widgets::RunController::State::Running || !design.challenge || design.challenge->traffic.empty())
            return;
        const QString stated = widgets::toQString(model::statedTrafficText(design));
        m_window->statusBar()->showMessage(model::runsStatedTraffic(design)
                                               ? tr("Running the stated load: %1").arg(stated)
                                               : tr("Running your own traffic; the grader uses the stated load: %1")
                                                     .arg(stated),
                                           10000);
    });

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
