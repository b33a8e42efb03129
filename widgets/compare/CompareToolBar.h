#pragma once
// The one set of run controls of the compare window: Play/Pause, Step,
// Reset, speed and seed, each sent to both runs through CompareRun, and the
// simulated clock of each side. It follows CompareRun's state, so other
// triggers (tests, the screenshot mode) keep the buttons honest.
#include "CompareRun.h"

#include <QToolBar>

class QComboBox;
class QLabel;
class QSpinBox;

namespace scalelab::widgets {

class CompareToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit CompareToolBar(CompareRun* run, QWidget* parent = nullptr);

    QAction* playPauseAction() const { return m_playPause; }
    QAction* resetAction() const { return m_reset; }
    QLabel* clockLabel() const { return m_clock; }

private:
    void showState(RunController::State state);
    void showClocks();

    CompareRun* m_run;
    QAction* m_playPause;
    QAction* m_step;
    QAction* m_reset;
    QComboBox* m_speed;
    QSpinBox* m_seed;
    QLabel* m_clock;
};

} // namespace scalelab::widgets
