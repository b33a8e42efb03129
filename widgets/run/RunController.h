#pragma once
// The GUI side of a live run: a small state machine (Stopped, Running,
// Paused) over a SimulationWorker on its own thread, fed by the document.
//
// - play / pause / step / reset / runTo are posted to the worker; the GUI
//   never waits for it. Step (from Stopped or Paused) runs one statistics
//   window and pauses; reset returns to Stopped and clears the run's data.
// - A start hands the worker the document's current design, and a copy of
//   it stays here (what the engine has). Each parameter edit the document
//   reports (DesignDocument::edited, undo and redo included) is posted to
//   the worker as it is and takes effect at its next slice without a
//   restart. Blocks and links added or removed (undo and redo too) go live
//   as well: once the document's signals of one command are all in, the
//   difference from what was sent (model::diff) is posted as one batch, and
//   time, statistics and plots carry on ("Design changed live: ..."). Edits
//   made while Stopped, or while a restart is pending, are not posted: the
//   design handed over next already has them.
// - While the document has validation errors (a block not yet wired) the
//   run keeps running the last valid design, with a notice; the edits go as
//   one difference when it is valid again.
// - A changed block id or region, or a difference with no live edit (cell
//   count), restarts the run on the document's design, with a notice.
// - A design with validation errors does not start (startRefused).
// - Live faults and recoveries (the Faults panel) go to the running engine;
//   with no run they are refused, because a fault needs traffic to act on
//   and starting a run behind the user's back would be a surprise.
// Snapshots that arrive faster than the GUI handles them are coalesced: only
// the newest is passed on, so a slow repaint never builds a backlog.
#include "model/Architecture.h"
#include "model/DesignEdit.h"
#include "model/Fault.h"
#include "stats/Snapshot.h"

#include <QObject>

#include <memory>

class QThread;

namespace scalelab::widgets {

class DesignDocument;
class SimulationWorker;

class RunController : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Running, Paused };
    Q_ENUM(State)
    using SnapshotPtr = std::shared_ptr<const stats::Snapshot>;
    static constexpr double kMaxSpeed = 0; // setSpeed(kMaxSpeed): as fast as possible

    explicit RunController(DesignDocument* document, QObject* parent = nullptr);
    ~RunController() override;

    State state() const { return m_state; }
    double speed() const { return m_speed; }
    quint64 seed() const { return m_seed; }
    // The newest snapshot of the current run; null when Stopped or before the first one.
    SnapshotPtr latestSnapshot() const { return m_latest; }

public slots:
    void play();
    void pause();
    void togglePlay();
    void step();
    void reset();
    // Runs as fast as possible to `simSeconds` of simulated time, then pauses
    // (targetReached). For screenshots, benchmarks and tests.
    void runTo(double simSeconds);
    void setSpeed(double speed);
    void setSeed(quint64 seed);
    // Applies `fault` to the run now (its atS is ignored; durationS > 0
    // recovers it after that long). Answered by faultApplied or faultRefused.
    void injectFault(const scalelab::model::Fault& fault);
    // Ends every fault on block `id` now. Answered like injectFault.
    void recoverBlock(const QString& id);

signals:
    void stateChanged(scalelab::widgets::RunController::State state);
    void snapshotReady(std::shared_ptr<const scalelab::stats::Snapshot> snapshot);
    void ratioChanged(double ratio);
    // The previous run's data is void (reset, restart): plots and canvas clear.
    void cleared();
    // Something the user should see in the status bar ("Design changed live: cache added").
    void notice(const QString& message);
    // Play or step refused because the design has errors.
    void startRefused(const QString& message);
    // The engine failed; the run stopped.
    void failed(const QString& message);
    // A step or runTo reached its target.
    void targetReached();
    // A live edit took effect in the engine at `simSeconds`.
    void editApplied(double simSeconds);
    // A live fault or recovery took effect at `simSeconds` ("crash 1 instance of app").
    void faultApplied(const QString& text, double simSeconds);
    // A live fault or recovery was refused: no run, or the catalogue's reason.
    // Also reported through notice.
    void faultRefused(const QString& reason);

private:
    bool start();
    void setState(State state);
    void sendDesign();
    void scheduleRestart();
    void restart();
    void onEdited(const model::DesignEdit& edit);
    // Posts the document's difference from m_sent once the event loop is back.
    void queueSync();
    void sync();
    void refuseFault(const QString& reason);
    void onSnapshot(SnapshotPtr snapshot, quint64 generation);
    void deliverSnapshot();
    template <typename F> void post(F&& command);

    DesignDocument* m_document;
    QThread* m_thread;
    SimulationWorker* m_worker;
    State m_state = State::Stopped;
    double m_speed = 1;
    quint64 m_seed = 1;
    quint64 m_generation = 0; // bumped whenever the run's data becomes void
    SnapshotPtr m_latest;
    SnapshotPtr m_pending;
    bool m_restartPending = false;
    model::Architecture m_sent; // the design the worker has, as far as a run goes
    bool m_syncQueued = false;
    bool m_holding = false; // the document has errors: its edits wait
};

} // namespace scalelab::widgets
