#include "RunToolBar.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QLabel>
#include <QSpinBox>
#include <QStyle>

#include <algorithm>
#include <limits>

namespace scalelab::widgets {

RunToolBar::RunToolBar(RunController* controller, QWidget* parent)
    : QToolBar(tr("Run"), parent)
    , m_controller(controller)
{
    setObjectName("RunToolBar");
    setIconSize(QSize(20, 20));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_playPause = addAction(tr("Play"));
    m_playPause->setObjectName("playPause");
    // Space for the hand on the keyboard, F5 as in debuggers and browsers.
    m_playPause->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_F5)});
    connect(m_playPause, &QAction::triggered, controller, &RunController::togglePlay);

    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"));
    m_step->setObjectName("step");
    m_step->setShortcut(QKeySequence(Qt::Key_F10));
    m_step->setToolTip(tr("Run one statistics window (1 s of simulated time), then pause (F10)"));
    connect(m_step, &QAction::triggered, controller, &RunController::step);

    m_reset = addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("Reset"));
    m_reset->setObjectName("resetRun");
    m_reset->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_reset->setToolTip(tr("Stop and clear the run's data (Shift+F5)"));
    connect(m_reset, &QAction::triggered, controller, &RunController::reset);

    addSeparator();
    addWidget(new QLabel(tr(" Speed ")));
    m_speed = createSpeedBox(controller->speed());
    m_speed->setObjectName("speed");
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_controller->setSpeed(m_speed->itemData(index).toDouble()); });
    addWidget(m_speed);

    addWidget(new QLabel(tr("  Seed ")));
    m_seed = createSeedBox(controller->seed());
    m_seed->setObjectName("seed");
    connect(m_seed, &QSpinBox::valueChanged, this,
            [this](int seed) { m_controller->setSeed(static_cast<quint64>(seed)); });
    addWidget(m_seed);

    addSeparator();
    m_clock = new QLabel;
    m_clock->setObjectName("clock");
    m_clock->setToolTip(tr("Simulated time"));
    addWidget(m_clock);
    m_ratio = new QLabel;
    m_ratio->setObjectName("ratio");
    m_ratio->setToolTip(tr("Simulated seconds per wall-clock second actually achieved"));
    addWidget(m_ratio);

    connect(controller, &RunController::stateChanged, this, &RunToolBar::showState);
    connect(controller, &RunController::snapshotReady, this,
            [this](const RunController::SnapshotPtr& snapshot) { showSnapshot(*snapshot); });
    connect(controller, &RunController::ratioChanged, this, &RunToolBar::showRatio);
    showState(controller->state());
    fitLabels();
}

QComboBox* RunToolBar::createSpeedBox(double speed)
{
    auto* box = new QComboBox;
    for (double choice : {1.0, 2.0, 10.0, 100.0})
        box->addItem(QStringLiteral("%1×").arg(choice), choice);
    box->addItem(tr("Max"), RunController::kMaxSpeed);
    box->setToolTip(tr("Simulated seconds per wall-clock second; Max runs as fast as the engine can"));
    box->setCurrentIndex(std::max(0, box->findData(speed)));
    return box;
}

QSpinBox* RunToolBar::createSeedBox(quint64 seed)
{
    auto* box = new QSpinBox;
    box->setRange(0, std::numeric_limits<int>::max());
    box->setValue(static_cast<int>(seed));
    box->setToolTip(tr("Random seed: the same design and seed give the same run"));
    return box;
}

void RunToolBar::changeEvent(QEvent* event)
{
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitLabels(); // presenter mode: the texts grow, so must their room
}

void RunToolBar::fitLabels()
{
    // Widths from the longest texts the labels show, in the current font, so
    // the clock never runs into "paused" and the toolbar does not jump as
    // the figures change. The ratio's left margin keeps the two apart.
    const QFontMetrics metrics(m_clock->font());
    m_clock->setFixedWidth(metrics.horizontalAdvance(tr("t = %1 s").arg(99999.9, 0, 'f', 1)) + 4);
    const int gap = metrics.horizontalAdvance(QStringLiteral("  "));
    m_ratio->setIndent(gap);
    int ratio = 0;
    for (const QString& text : {tr("paused"), tr("×%1 real time").arg(99999)})
        ratio = std::max(ratio, metrics.horizontalAdvance(text));
    m_ratio->setFixedWidth(gap + ratio + 4);
}

void RunToolBar::showState(RunController::State state)
{
    const bool running = state == RunController::State::Running;
    m_playPause->setText(running ? tr("Pause") : tr("Play"));
    m_playPause->setIcon(style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPause->setToolTip(running ? tr("Pause the simulation (Space or F5)")
                                    : tr("Run the simulation; edits apply while it runs (Space or F5)"));
    m_reset->setEnabled(state != RunController::State::Stopped);
    if (state == RunController::State::Stopped)
        m_clock->setText(tr("t = 0.0 s"));
    if (!running)
        m_ratio->setText(state == RunController::State::Paused ? tr("paused") : QString());
}

void RunToolBar::showSnapshot(const stats::Snapshot& snapshot)
{
    m_clock->setText(tr("t = %1 s").arg(snapshot.simSeconds, 0, 'f', 1));
}

void RunToolBar::showRatio(double ratio)
{
    if (m_controller->state() != RunController::State::Running)
        return;
    m_ratio->setText(tr("×%1 real time").arg(ratio >= 100 ? QString::number(ratio, 'f', 0) : QString::number(ratio, 'g', 2)));
}

} // namespace scalelab::widgets
