#include "CompareToolBar.h"

#include "run/RunToolBar.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QStyle>


namespace scalelab::widgets {

CompareToolBar::CompareToolBar(CompareRun* run, QWidget* parent)
    : QToolBar(tr("Run both"), parent)
    , m_run(run)
{
    setObjectName("CompareToolBar");
    setIconSize(QSize(20, 20));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_playPause = addAction(tr("Play"));
    m_playPause->setObjectName("comparePlayPause");
    m_playPause->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_F5)});
    connect(m_playPause, &QAction::triggered, run, &CompareRun::togglePlay);

    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"));
    m_step->setShortcut(QKeySequence(Qt::Key_F10));
    m_step->setToolTip(tr("Run both designs one statistics window (1 s of simulated time), then pause (F10)"));
    connect(m_step, &QAction::triggered, run, &CompareRun::step);

    m_reset = addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("Reset"));
    m_reset->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_reset->setToolTip(tr("Stop both runs and clear their data (Shift+F5)"));
    connect(m_reset, &QAction::triggered, run, &CompareRun::reset);

    addSeparator();
    addWidget(new QLabel(tr(" Speed ")));
    m_speed = RunToolBar::createSpeedBox(run->speed());
    m_speed->setObjectName("compareSpeed");
    m_speed->setToolTip(tr("Simulated seconds per wall-clock second, the same for both designs"));
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_run->setSpeed(m_speed->itemData(index).toDouble()); });
    addWidget(m_speed);

    addWidget(new QLabel(tr("  Seed ")));
    m_seed = RunToolBar::createSeedBox(run->seed());
    m_seed->setObjectName("compareSeed");
    m_seed->setToolTip(tr("One seed for both runs: clients with the same id send the same requests at the same "
                          "times in A and B (common random numbers), so the difference is the design's"));
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int seed) { m_run->setSeed(static_cast<quint64>(seed)); });
    addWidget(m_seed);

    addSeparator();
    m_clock = new QLabel;
    m_clock->setObjectName("compareClock");
    m_clock->setToolTip(tr("Simulated time of each run"));
    addWidget(m_clock);

    connect(run, &CompareRun::stateChanged, this, &CompareToolBar::showState);
    connect(run, &CompareRun::snapshotsReady, this, &CompareToolBar::showClocks);
    connect(run, &CompareRun::cleared, this, &CompareToolBar::showClocks);
    showState(run->state());
}

void CompareToolBar::showState(RunController::State state)
{
    const bool running = state == RunController::State::Running;
    m_playPause->setText(running ? tr("Pause") : tr("Play"));
    m_playPause->setIcon(style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPause->setToolTip(running ? tr("Pause both runs (Space or F5)")
                                    : tr("Run both designs on the same traffic (Space or F5)"));
    m_reset->setEnabled(state != RunController::State::Stopped);
    showClocks();
}

void CompareToolBar::showClocks()
{
    const auto seconds = [this](CompareRun::Side side) {
        const auto snapshot = m_run->latest(side);
        return snapshot ? snapshot->simSeconds : 0.0;
    };
    QString text = tr("  A t = %1 s   B t = %2 s").arg(seconds(CompareRun::A), 0, 'f', 1).arg(seconds(CompareRun::B), 0, 'f', 1);
    if (m_run->state() == RunController::State::Paused)
        text += tr("   paused");
    m_clock->setText(text);
}

} // namespace scalelab::widgets
