#include "RunController.h"

#include "QtText.h"
#include "SimulationWorker.h"
#include "document/DesignDocument.h"
#include "model/DesignDiff.h"
#include "model/Validator.h"

#include <QThread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <QTimer>

namespace scalelab::widgets {

namespace {

// Nice 5 for the calling thread only (Linux keeps a nice value per thread);
// QThread's priorities do nothing under the default scheduling policy.
void lowerThisThreadPriority()
{
#ifdef __linux__
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, thread, ::getpriority(PRIO_PROCESS, thread) + 5);
#endif
}

} // namespace

RunController::RunController(DesignDocument* document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_thread(new QThread(this))
    , m_worker(new SimulationWorker)
{
    qRegisterMetaType<std::shared_ptr<const stats::Snapshot>>();
    m_thread->setObjectName("SimulationWorker");
    m_worker->moveToThread(m_thread);
    // finished is emitted in the worker thread: the worker (and its timer) die there.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SimulationWorker::snapshotReady, this, &RunController::onSnapshot);
    connect(m_worker, &SimulationWorker::ratioMeasured, this, [this](double ratio, quint64 generation) {
        if (generation != m_generation || m_state != State::Running)
            return;
        emit ratioChanged(ratio);
    });
    connect(m_worker, &SimulationWorker::targetReached, this, [this](quint64 generation) {
        if (generation != m_generation)
            return;
        if (m_state == State::Running)
            setState(State::Paused);
        emit targetReached();
    });
    connect(m_worker, &SimulationWorker::editApplied, this, [this](double at, quint64 generation) {
        if (generation == m_generation)
            emit editApplied(at);
    });
    connect(m_worker, &SimulationWorker::editRefused, this, [this](const QString& message) {
        emit notice(tr("Live edit refused: %1").arg(message));
        // The engine's design and m_sent have parted: start again from the document's.
        scheduleRestart();
    });
    connect(m_worker, &SimulationWorker::faultApplied, this, [this](const QString& text, double at, quint64 generation) {
        if (generation != m_generation)
            return;
        emit faultApplied(text, at);
        emit notice(tr("At %1 s: %2").arg(at, 0, 'f', 1).arg(text));
    });
    connect(m_worker, &SimulationWorker::faultRefused, this, [this](const QString& reason, quint64 generation) {
        if (generation == m_generation)
            refuseFault(reason);
    });
    connect(m_worker, &SimulationWorker::failed, this, [this](const QString& message, quint64 generation) {
        if (generation != m_generation)
            return;
        reset();
        emit failed(message);
    });
    // The simulation yields the CPU to the window: on a busy machine the GUI
    // thread and the worker compete for the same cores, and at equal priority
    // the scheduler lets the worker's long slices delay a repaint or a click
    // by 50 ms and more (bench --ui --load 1). A lower priority for the worker
    // costs it nothing when a core is free.
    connect(m_thread, &QThread::started, m_worker, [] { lowerThisThreadPriority(); }, Qt::DirectConnection);
    m_thread->start();

    connect(document, &DesignDocument::designReset, this, &RunController::reset);
    // A block's id and region are read when its runtime is built: no live edit for them.
    connect(document, &DesignDocument::blockIdChanged, this, &RunController::scheduleRestart);
    connect(document, &DesignDocument::blockRegionChanged, this, &RunController::scheduleRestart);
    connect(document, &DesignDocument::edited, this, &RunController::onEdited);
    // Held edits go once the design is valid again, whatever made it so.
    connect(document, &DesignDocument::problemsChanged, this, [this] {
        if (m_holding)
            queueSync();
    });
}

RunController::~RunController()
{
    // The worker finishes its current slice (at most a tick's budget) and is deleted in its thread.
    m_thread->quit();
    m_thread->wait();
}

template <typename F> void RunController::post(F&& command)
{
    QMetaObject::invokeMethod(m_worker, std::forward<F>(command), Qt::QueuedConnection);
}

void RunController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool RunController::start()
{
    const auto& problems = m_document->problems();
    if (model::hasErrors(problems)) {
        int errors = 0;
        QString first;
        for (const auto& problem : problems)
            if (problem.isError() && errors++ == 0)
                first = toQString(problem.blockId.empty() ? problem.message : problem.blockId + ": " + problem.message);
        emit startRefused(tr("The design has %n error(s) and cannot run. First: %1", nullptr, errors).arg(first));
        return false;
    }
    sendDesign();
    return true;
}

void RunController::sendDesign()
{
    const quint64 generation = ++m_generation;
    const quint64 seed = m_seed;
    m_latest.reset();
    m_pending.reset();
    m_sent = m_document->architecture();
    m_holding = false;
    post([worker = m_worker, design = m_sent, generation, seed] {
        worker->setSeed(seed);
        worker->replaceDesign(design, generation);
    });
}

void RunController::play()
{
    if (m_state == State::Running)
        return;
    if (m_state == State::Stopped && !start())
        return;
    post([worker = m_worker] { worker->play(); });
    setState(State::Running);
}

void RunController::pause()
{
    if (m_state != State::Running)
        return;
    post([worker = m_worker] { worker->pause(); });
    setState(State::Paused);
}

void RunController::togglePlay()
{
    if (m_state == State::Running)
        pause();
    else
        play();
}

void RunController::step()
{
    if (m_state == State::Stopped && !start())
        return;
    post([worker = m_worker] { worker->step(); });
    setState(State::Paused);
}

void RunController::runTo(double simSeconds)
{
    if (m_state == State::Stopped && !start())
        return;
    post([worker = m_worker, simSeconds] { worker->runTo(simSeconds); });
    setState(State::Running);
}

void RunController::reset()
{
    const quint64 generation = ++m_generation;
    post([worker = m_worker, generation] { worker->reset(generation); });
    m_latest.reset();
    m_pending.reset();
    m_restartPending = false;
    m_holding = false;
    setState(State::Stopped);
    emit cleared();
}

void RunController::setSpeed(double speed)
{
    m_speed = speed;
    post([worker = m_worker, speed] { worker->setSpeed(speed); });
}

void RunController::setSeed(quint64 seed)
{
    if (seed == m_seed)
        return;
    m_seed = seed;
    if (m_state == State::Stopped)
        return;
    // Another seed is another run: its numbers must not continue the old one's.
    sendDesign();
    emit cleared();
    emit notice(tr("Seed changed: simulation restarted"));
}

void RunController::injectFault(const model::Fault& fault)
{
    if (m_state == State::Stopped) {
        refuseFault(tr("no simulation is running: press Play, then inject the fault"));
        return;
    }
    post([worker = m_worker, fault] { worker->injectFault(fault); });
}

void RunController::recoverBlock(const QString& id)
{
    if (m_state == State::Stopped) {
        refuseFault(tr("no simulation is running, so nothing needs recovering"));
        return;
    }
    post([worker = m_worker, id] { worker->recoverBlock(id); });
}

void RunController::refuseFault(const QString& reason)
{
    emit faultRefused(reason);
    emit notice(tr("Fault refused: %1").arg(reason));
}

void RunController::scheduleRestart()
{
    // A paste or a delete is several document signals; restart once, after all of them.
    if (m_state == State::Stopped || m_restartPending)
        return;
    m_restartPending = true;
    QTimer::singleShot(0, this, &RunController::restart);
}

void RunController::restart()
{
    if (!m_restartPending || m_state == State::Stopped)
        return;
    m_restartPending = false;
    if (model::hasErrors(m_document->problems())) {
        reset();
        emit startRefused(tr("The design now has errors: simulation stopped. Fix them to run it again."));
        return;
    }
    sendDesign();
    emit cleared();
    emit notice(tr("Design changed beyond a live edit (an id, a region): simulation restarted"));
}

void RunController::onEdited(const model::DesignEdit& edit)
{
    // Stopped: the next start hands over the document's design, this edit
    // included. Restart pending: likewise, and the engine still running may
    // not have the edited block yet.
    if (m_state == State::Stopped || m_restartPending)
        return;
    // A value edit of what the engine already has goes as it is, at once.
    // Anything else waits for the document to settle (a paste is several
    // signals) and goes as the difference from what was sent.
    if (!edit.isStructural() && !m_syncQueued && !m_holding && edit.applyTo(m_sent).empty()) {
        post([worker = m_worker, edit] { worker->apply(edit); });
        return;
    }
    queueSync();
}

void RunController::queueSync()
{
    if (m_syncQueued)
        return;
    m_syncQueued = true;
    QTimer::singleShot(0, this, &RunController::sync);
}

void RunController::sync()
{
    m_syncQueued = false;
    if (m_state == State::Stopped || m_restartPending)
        return;
    if (model::hasErrors(m_document->problems())) {
        if (!m_holding)
            emit notice(tr("The design has errors: the run continues with the last valid design"));
        m_holding = true;
        return;
    }
    const model::Architecture& design = m_document->architecture();
    const auto edits = model::diff(m_sent, design);
    if (!edits) { // a difference with no live edit
        m_restartPending = true;
        restart();
        return;
    }
    const bool held = m_holding;
    m_holding = false;
    m_sent = design;
    if (edits->empty())
        return;
    post([worker = m_worker, edits = *edits] { worker->applyAll(edits); });
    QStringList changes;
    for (const auto& edit : *edits)
        if (edit.isStructural())
            changes << toQString(edit.describe());
    if (changes.size() > 3)
        changes = changes.mid(0, 2) << tr("%n more change(s)", nullptr, int(changes.size() - 2));
    if (!changes.isEmpty())
        emit notice(tr("Design changed live: %1").arg(changes.join(", ")));
    else if (held)
        emit notice(tr("The design is valid again: edits applied live"));
}

void RunController::onSnapshot(SnapshotPtr snapshot, quint64 generation)
{
    if (generation != m_generation || m_state == State::Stopped)
        return; // from a run already thrown away
    const bool scheduled = m_pending != nullptr;
    m_pending = std::move(snapshot);
    if (!scheduled)
        QTimer::singleShot(0, this, &RunController::deliverSnapshot);
}

void RunController::deliverSnapshot()
{
    if (!m_pending)
        return;
    m_latest = std::move(m_pending);
    m_pending.reset();
    emit snapshotReady(m_latest);
}

} // namespace scalelab::widgets
