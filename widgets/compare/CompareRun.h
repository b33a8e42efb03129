#pragma once
// Two live runs driven as one: design A and design B, each on its own
// DesignDocument and RunController, started together, with the same seed
// and speed. With the same seed, blocks with the same id draw the same
// random streams (sim/RngStreams: seeded from run seed and block id), so two
// designs that share their clients see the same arrivals: common random
// numbers, and what differs between the plots is the design, not the luck.
//
// Every command (play, pause, step, reset, runTo, seed, speed, fault) goes
// to both controllers in the same event-loop pass. The two engines run on
// their own threads at their own pace: at 1x both follow the wall clock and
// stay within a slice of each other; at Max the cheaper design runs ahead,
// which is why CompareOverlayPlot only draws the windows both have closed.
// A fault is posted to both at once and so lands at the same simulated time
// within a slice (faultApplied reports each side's time).
#include "run/RunController.h"

#include <QObject>

class QTimer;

namespace scalelab::widgets {

class DesignDocument;

class CompareRun : public QObject {
    Q_OBJECT
public:
    enum Side { A = 0, B = 1 };

    CompareRun(DesignDocument* a, DesignDocument* b, QObject* parent = nullptr);

    RunController* controller(Side side) const { return m_runs[side]; }
    RunController::State state() const { return m_runs[A]->state(); }
    double speed() const { return m_runs[A]->speed(); }
    quint64 seed() const { return m_runs[A]->seed(); }
    // The newest snapshot of each side; null before the first one.
    RunController::SnapshotPtr latest(Side side) const { return m_runs[side]->latestSnapshot(); }

public slots:
    void play();
    void pause();
    void togglePlay();
    void step();
    void reset();
    void runTo(double simSeconds);
    void setSpeed(double speed);
    void setSeed(quint64 seed);
    // The same fault into both runs now (its atS is ignored, as in RunController).
    void injectFault(const scalelab::model::Fault& fault);
    void recoverBlock(const QString& id);

signals:
    // Either side has a new snapshot (coalesced: at most one per event-loop pass).
    void snapshotsReady();
    // Either side's state changed; state() is A's, B follows it.
    void stateChanged(scalelab::widgets::RunController::State state);
    // Both sides' data is void (reset or restart of either).
    void cleared();
    // Both sides reached a step's or runTo's target.
    void targetReached();
    // One side took or refused a fault ("A: crash 1 instance of db at 12.0 s").
    void faultReport(const QString& text, bool refused);
    // Something for the status line (a side's notice, prefixed "A: " or "B: ").
    void notice(const QString& message);
    void failed(const QString& message);

private:
    void watch(Side side);
    void onTargetReached(Side side);

    RunController* m_runs[2];
    QTimer* m_coalesce;
    bool m_reached[2] = {false, false};
};

} // namespace scalelab::widgets
