#pragma once
// The run controls: Play/Pause (one toggling action, Space or F5), Step (one
// statistics window), Reset, the speed (1x, 2x, 10x, 100x, Max), the seed,
// the simulated clock and the achieved simulated/wall ratio. It only talks to
// a RunController and follows its state, so other triggers (tests, the
// screenshot mode) keep the buttons honest.
#include "RunController.h"

#include <QToolBar>

class QComboBox;
class QLabel;
class QSpinBox;

namespace scalelab::widgets {

class RunToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit RunToolBar(RunController* controller, QWidget* parent = nullptr);

    // The speed choices (1x, 2x, 10x, 100x, Max; item data the speed) and the
    // seed field every run toolbar offers, set to `speed` and `seed`.
    static QComboBox* createSpeedBox(double speed);
    static QSpinBox* createSeedBox(quint64 seed);

    QAction* playPauseAction() const { return m_playPause; }
    QAction* stepAction() const { return m_step; }
    QAction* resetAction() const { return m_reset; }
    QLabel* clockLabel() const { return m_clock; }
    QLabel* ratioLabel() const { return m_ratio; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showState(RunController::State state);
    void showSnapshot(const stats::Snapshot& snapshot);
    void showRatio(double ratio);
    void fitLabels();

    RunController* m_controller;
    QAction* m_playPause;
    QAction* m_step;
    QAction* m_reset;
    QComboBox* m_speed;
    QSpinBox* m_seed;
    QLabel* m_clock;
    QLabel* m_ratio;
};

} // namespace scalelab::widgets
