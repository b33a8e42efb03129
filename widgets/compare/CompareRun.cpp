#include "CompareRun.h"

#include <QTimer>

namespace scalelab::widgets {

namespace {
QString sideName(CompareRun::Side side)
{
    return side == CompareRun::A ? QStringLiteral("A") : QStringLiteral("B");
}
} // namespace

CompareRun::CompareRun(DesignDocument* a, DesignDocument* b, QObject* parent)
    : QObject(parent)
    , m_runs{new RunController(a, this), new RunController(b, this)}
    , m_coalesce(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(0);
    connect(m_coalesce, &QTimer::timeout, this, &CompareRun::snapshotsReady);
    watch(A);
    watch(B);
}

void CompareRun::watch(Side side)
{
    RunController* run = m_runs[side];
    connect(run, &RunController::snapshotReady, m_coalesce, [this] {
        if (!m_coalesce->isActive())
            m_coalesce->start();
    });
    connect(run, &RunController::stateChanged, this, [this] { emit stateChanged(state()); });
    connect(run, &RunController::cleared, this, &CompareRun::cleared);
    connect(run, &RunController::targetReached, this, [this, side] { onTargetReached(side); });
    connect(run, &RunController::faultApplied, this, [this, side](const QString& text, double at) {
        emit faultReport(tr("%1: %2 at %3 s").arg(sideName(side), text).arg(at, 0, 'f', 1), false);
    });
    connect(run, &RunController::faultRefused, this, [this, side](const QString& reason) {
        emit faultReport(tr("%1 refused: %2").arg(sideName(side), reason), true);
    });
    connect(run, &RunController::notice, this,
            [this, side](const QString& message) { emit notice(sideName(side) + ": " + message); });
    connect(run, &RunController::startRefused, this,
            [this, side](const QString& message) { emit failed(sideName(side) + ": " + message); });
    connect(run, &RunController::failed, this, [this, side](const QString& message) {
        reset(); // the other side alone compares with nothing
        emit failed(sideName(side) + ": " + message);
    });
}

void CompareRun::onTargetReached(Side side)
{
    m_reached[side] = true;
    if (m_reached[A] && m_reached[B]) {
        m_reached[A] = m_reached[B] = false;
        emit targetReached();
    }
}

void CompareRun::play()
{
    for (RunController* run : m_runs)
        run->play();
    // One side refused to start (errors): the other must not run alone.
    if (m_runs[A]->state() != m_runs[B]->state())
        reset();
}

void CompareRun::pause()
{
    for (RunController* run : m_runs)
        run->pause();
}

void CompareRun::togglePlay()
{
    state() == RunController::State::Running ? pause() : play();
}

void CompareRun::step()
{
    m_reached[A] = m_reached[B] = false;
    for (RunController* run : m_runs)
        run->step();
}

void CompareRun::reset()
{
    m_reached[A] = m_reached[B] = false;
    for (RunController* run : m_runs)
        run->reset();
}

void CompareRun::runTo(double simSeconds)
{
    m_reached[A] = m_reached[B] = false;
    for (RunController* run : m_runs)
        run->runTo(simSeconds);
    if (m_runs[A]->state() != m_runs[B]->state())
        reset();
}

void CompareRun::setSpeed(double speed)
{
    for (RunController* run : m_runs)
        run->setSpeed(speed);
}

void CompareRun::setSeed(quint64 seed)
{
    for (RunController* run : m_runs)
        run->setSeed(seed);
}

void CompareRun::injectFault(const model::Fault& fault)
{
    for (RunController* run : m_runs)
        run->injectFault(fault);
}

void CompareRun::recoverBlock(const QString& id)
{
    for (RunController* run : m_runs)
        run->recoverBlock(id);
}

} // namespace scalelab::widgets
