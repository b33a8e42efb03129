#include "SimulationWorker.h"

#include "model/FaultCatalog.h"
#include "run/Simulator.h"

#include <QTimer>

#include <algorithm>
#include <exception>

namespace scalelab::widgets {

namespace {

using namespace std::chrono_literals;

// Longest a tick holds the worker thread: the wait of a queued edit, and the
// granularity of pausing. Short enough to feel instant, long enough that the
// event-loop round trip between ticks costs nothing measurable.
constexpr auto kTickBudget = 40ms;
// Wall time between snapshots: about 15 per second.
constexpr auto kPublishInterval = 66ms;
// One runUntil should take about this long, so the budget is kept closely.
constexpr auto kChunkWall = 2ms;
// Pacing at 1x..100x: ticks come this often.
constexpr int kPacedTickMs = 10;
// If pacing falls further behind than this (in wall time at the chosen
// speed), the worker gives up the lost time instead of bursting to catch up.
constexpr double kMaxLagSeconds = 0.25;
// The achieved ratio is measured over at least this much wall time.
constexpr double kRateIntervalSeconds = 0.5;

double seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

} // namespace

SimulationWorker::SimulationWorker(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this)) // a child: it moves to the worker thread with us
{
    connect(m_timer, &QTimer::timeout, this, &SimulationWorker::tick);
}

SimulationWorker::~SimulationWorker() = default;

bool SimulationWorker::ensureSimulator()
{
    if (m_sim)
        return true;
    if (!m_design)
        return false; // reset or failed: a design is handed over before the next start
    try {
        m_sim = std::make_unique<sim::Simulator>(std::move(*m_design), m_seed);
        m_design.reset();
        m_chunk = sim::kMillisecond;
        return true;
    } catch (const std::exception& error) {
        m_design.reset();
        fail(QString::fromUtf8(error.what()));
        return false;
    }
}

void SimulationWorker::replaceDesign(const model::Architecture& design, quint64 generation)
{
    m_design = design;
    m_generation = generation;
    m_sim.reset();
    m_stopAt.reset();
    if (!m_playing)
        return; // built on the next play or step
    if (ensureSimulator()) {
        anchor();
        publish();
    }
}

void SimulationWorker::setSpeed(double speed)
{
    m_speed = speed;
    anchor();
    if (m_playing)
        startTicking();
}

void SimulationWorker::play()
{
    if (!ensureSimulator())
        return;
    m_stopAt.reset();
    m_playing = true;
    anchor();
    startTicking();
}

void SimulationWorker::pause()
{
    m_stopAt.reset();
    if (!m_playing)
        return;
    m_playing = false;
    m_timer->stop();
    if (m_sim)
        publish();
}

void SimulationWorker::step()
{
    if (!ensureSimulator())
        return;
    const sim::SimTime window = sim::SimulatorOptions{}.window; // the run's statistics window
    m_stopAt = (m_sim->now() / window + 1) * window;
    m_playing = true;
    anchor();
    startTicking();
}

void SimulationWorker::runTo(double simSeconds)
{
    if (!ensureSimulator())
        return;
    m_stopAt = std::max(m_sim->now(), sim::fromSeconds(simSeconds));
    m_playing = true;
    anchor();
    startTicking();
}

void SimulationWorker::reset(quint64 generation)
{
    m_generation = generation;
    m_playing = false;
    m_stopAt.reset();
    m_timer->stop();
    m_sim.reset();
    m_design.reset();
}

void SimulationWorker::startTicking()
{
    // A target or max speed: tick back to back, yielding to queued commands
    // between ticks. Paced play: tick often enough for smooth plots.
    const bool flatOut = m_stopAt || m_speed <= kMaxSpeed;
    m_timer->start(flatOut ? 0 : kPacedTickMs);
}

void SimulationWorker::anchor()
{
    m_anchorWall = m_rateWall = Clock::now();
    m_anchorSim = m_rateSim = m_sim ? m_sim->now() : 0;
}

void SimulationWorker::tick()
{
    if (!m_playing || !m_sim) {
        m_timer->stop();
        return;
    }
    const auto start = Clock::now();
    sim::SimTime target = sim::kNever;
    if (m_stopAt)
        target = *m_stopAt;
    else if (m_speed > kMaxSpeed)
        target = m_anchorSim + sim::fromSeconds(m_speed * seconds(start - m_anchorWall));
    try {
        advance(target, start + kTickBudget);
    } catch (const std::exception& error) {
        fail(QString::fromUtf8(error.what()));
        return;
    }
    if (m_stopAt && m_sim->now() >= *m_stopAt) {
        m_playing = false;
        m_stopAt.reset();
        m_timer->stop();
        publish();
        emit targetReached(m_generation);
        return;
    }
    if (!m_stopAt && m_speed > kMaxSpeed && target - m_sim->now() > sim::fromSeconds(m_speed * kMaxLagSeconds)) {
        // The engine cannot keep this pace: carry on from here rather than race.
        m_anchorWall = Clock::now();
        m_anchorSim = m_sim->now();
    }
    if (Clock::now() - m_lastPublish >= kPublishInterval)
        publish();
}

void SimulationWorker::advance(sim::SimTime target, Clock::time_point deadline)
{
    while (m_sim->now() < target) {
        const auto before = Clock::now();
        if (before >= deadline)
            return;
        const sim::SimTime from = m_sim->now();
        const sim::SimTime until = target - from > m_chunk ? from + m_chunk : target;
        m_sim->runUntil(until);
        // Grow or shrink the chunk towards kChunkWall of work per call.
        const auto took = Clock::now() - before;
        if (until - from == m_chunk) {
            if (took < kChunkWall / 2)
                m_chunk = std::min(m_chunk * 2, sim::kSecond);
            else if (took > kChunkWall * 2)
                m_chunk = std::max(m_chunk / 2, sim::kMicrosecond);
        }
    }
}

void SimulationWorker::publish()
{
    const auto now = Clock::now();
    m_lastPublish = now;
    auto snapshot = std::make_shared<const stats::Snapshot>(m_sim->snapshot(true));
    if (m_playing && seconds(now - m_rateWall) >= kRateIntervalSeconds) {
        emit ratioMeasured(sim::toSeconds(m_sim->now() - m_rateSim) / seconds(now - m_rateWall), m_generation);
        m_rateWall = now;
        m_rateSim = m_sim->now();
    }
    emit snapshotReady(std::move(snapshot), m_generation);
}

void SimulationWorker::fail(const QString& message)
{
    m_playing = false;
    m_stopAt.reset();
    m_timer->stop();
    m_sim.reset();
    emit failed(message, m_generation);
}

void SimulationWorker::afterEdit(const std::string& error)
{
    if (!error.empty())
        emit editRefused(QString::fromStdString(error));
    else if (m_sim)
        emit editApplied(sim::toSeconds(m_sim->now()), m_generation);
}

void SimulationWorker::apply(const model::DesignEdit& edit)
{
    if (m_sim) {
        afterEdit(m_sim->apply(edit));
    } else if (m_design) {
        // No engine yet (a restart while paused): the edit waits in the design it will be built from.
        if (const std::string refusal = edit.applyTo(*m_design); !refusal.empty())
            emit editRefused(QString::fromStdString(refusal));
    }
    // Neither: the run was reset or failed, and the next start hands over the document's
    // design, which already has this edit.
}

void SimulationWorker::applyAll(const std::vector<model::DesignEdit>& edits)
{
    if (m_sim) {
        afterEdit(m_sim->apply(edits));
        publish(); // paused too: the plots show the new block at once
    } else if (m_design) {
        model::Architecture edited = *m_design;
        for (const auto& edit : edits)
            if (const std::string refusal = edit.applyTo(edited); !refusal.empty()) {
                emit editRefused(QString::fromStdString(refusal));
                return;
            }
        m_design = std::move(edited);
    }
}

void SimulationWorker::afterFault(const std::string& error, const std::string& text)
{
    if (!error.empty()) {
        emit faultRefused(QString::fromStdString(error), m_generation);
        return;
    }
    emit faultApplied(QString::fromStdString(text), sim::toSeconds(m_sim->now()), m_generation);
    publish();
}

void SimulationWorker::injectFault(const model::Fault& fault)
{
    if (!ensureSimulator())
        return;
    afterFault(m_sim->inject(fault), model::describeFault(fault));
}

void SimulationWorker::recoverBlock(const QString& blockId)
{
    if (!ensureSimulator())
        return;
    afterFault(m_sim->recover(blockId.toStdString()), "recover " + blockId.toStdString());
}

} // namespace scalelab::widgets
