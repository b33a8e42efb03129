#pragma once
// Owns the sim::Simulator of a live run and drives it on a worker thread.
//
// Every public slot is a command the GUI posts with a queued call; the worker
// applies it between slices, so the engine is only ever touched by this
// thread and the GUI never waits on it. While playing, a timer tick advances
// the engine by a slice: at 1x..100x the slice follows the wall clock
// (simulated time = anchor + speed x wall time elapsed), at max speed it is
// as much as fits in the tick's wall budget. A tick never holds the thread
// longer than kTickBudget, so queued edits wait at most that long.
// The worker holds one copy of the design: the one it was handed until it
// builds an engine from it, then the engine's own architecture(). A live
// edit (model::DesignEdit) changes whichever copy exists, so an edit that
// arrives before the engine is built is in it.
// Snapshots (with the series of closed windows) leave through queued signals
// at about 15 Hz; each carries the generation of the command that built the
// engine, so the GUI can drop those of a run it has already thrown away.
#include "model/Architecture.h"
#include "model/DesignEdit.h"
#include "core/SimTime.h"
#include "stats/Snapshot.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace scalelab::sim {
class Simulator;
}

namespace scalelab::widgets {

class SimulationWorker : public QObject {
    Q_OBJECT
public:
    using SnapshotPtr = std::shared_ptr<const stats::Snapshot>;
    static constexpr double kMaxSpeed = 0; // speed value meaning "as fast as possible"

    explicit SimulationWorker(QObject* parent = nullptr);
    ~SimulationWorker() override;

public slots:
    // Structural change, new seed or first start: a fresh engine for `design`
    // at t = 0, tagged `generation`. Keeps playing if it was playing.
    void replaceDesign(const model::Architecture& design, quint64 generation);
    void setSeed(quint64 seed) { m_seed = seed; }
    void setSpeed(double speed);
    void play();
    void pause();
    // Runs to the end of the current statistics window, then pauses.
    void step();
    // Runs as fast as possible to `simSeconds`, then pauses.
    void runTo(double simSeconds);
    // Throws the engine and the design away; the next start hands a design over again.
    void reset(quint64 generation);
    // A live edit, applied to the engine, or to the design the next engine is
    // built from. Answered by editApplied (engine only) or editRefused.
    void apply(const model::DesignEdit& edit);
    // Several edits at once, all or none (blocks and links added with their
    // values): one editApplied or editRefused.
    void applyAll(const std::vector<model::DesignEdit>& edits);
    // Faults from the Faults panel, applied now (builds the engine first if a
    // restart while paused left only a design). Followed by a snapshot, so
    // the event log shows the fault even while paused.
    void injectFault(const model::Fault& fault);
    void recoverBlock(const QString& blockId);

signals:
    void snapshotReady(std::shared_ptr<const scalelab::stats::Snapshot> snapshot, quint64 generation);
    // Simulated seconds per wall second over the last half second or so of play.
    void ratioMeasured(double ratio, quint64 generation);
    // A step or runTo reached its target; the worker is paused.
    void targetReached(quint64 generation);
    // A live edit took effect at simulated time `simSeconds`.
    void editApplied(double simSeconds, quint64 generation);
    // The engine refused the design (InvalidDesign) or failed; the worker stopped.
    void failed(const QString& message, quint64 generation);
    // A live edit was refused (unknown block, value out of range); the run goes on.
    void editRefused(const QString& message);
    // A live fault or recovery took effect at `simSeconds`; `text` describes it.
    void faultApplied(const QString& text, double simSeconds, quint64 generation);
    // A live fault or recovery was refused (FaultCatalog's reason); the run goes on.
    void faultRefused(const QString& reason, quint64 generation);

private:
    using Clock = std::chrono::steady_clock;
    bool ensureSimulator();
    void startTicking();
    void tick();
    void advance(sim::SimTime target, Clock::time_point deadline);
    void anchor();
    void publish();
    void fail(const QString& message);
    void afterEdit(const std::string& error);
    void afterFault(const std::string& error, const std::string& text);

    // At most one of these: the design handed over and not yet built, or the engine built from it.
    std::optional<model::Architecture> m_design;
    std::unique_ptr<sim::Simulator> m_sim;
    quint64 m_seed = 1;
    quint64 m_generation = 0;
    double m_speed = 1;
    bool m_playing = false;
    std::optional<sim::SimTime> m_stopAt; // step / runTo target
    QTimer* m_timer;
    sim::SimTime m_chunk = sim::kMillisecond; // adapted so that one runUntil takes ~2 ms of wall time
    // Real-time pacing: simulated time `m_anchorSim` at wall time `m_anchorWall`.
    Clock::time_point m_anchorWall;
    sim::SimTime m_anchorSim = 0;
    // Achieved ratio: measured between these marks.
    Clock::time_point m_rateWall;
    sim::SimTime m_rateSim = 0;
    Clock::time_point m_lastPublish;
};

} // namespace scalelab::widgets
