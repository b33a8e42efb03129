#pragma once
// The interview's countdown: whole seconds left, paused or running. A QTimer
// calls tick() once a second, so nothing ever blocks; tests call tick()
// directly instead of waiting. At zero it stops and reports the time is up.
#include <QObject>
#include <QTimer>

namespace scalelab::widgets {

class InterviewClock : public QObject {
    Q_OBJECT
public:
    static constexpr int kWarningSeconds = 5 * 60; // amber below five minutes

    enum class Phase { Plenty, Hurry, TimeUp };

    explicit InterviewClock(QObject* parent = nullptr);

    // Sets the allowance and stops the clock (start() runs it).
    void reset(int minutes);
    int allowedSeconds() const { return m_allowed; }
    int remainingSeconds() const { return m_remaining; }
    int usedSeconds() const { return m_allowed - m_remaining; }
    bool running() const { return m_timer.isActive(); }
    Phase phase() const;
    // "44:59", "4:05", "0:00".
    static QString format(int seconds);

public slots:
    void start();
    void pause();
    void toggle();
    // One second passes (the QTimer calls it; so can a test).
    void tick();

signals:
    void changed();
    // One second of interview time passed (the phases count it).
    void ticked();
    void timeUp();

private:
    QTimer m_timer;
    int m_allowed = 0;
    int m_remaining = 0;
};

} // namespace scalelab::widgets
