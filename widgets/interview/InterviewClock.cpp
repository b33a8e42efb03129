#include "InterviewClock.h"

namespace scalelab::widgets {

InterviewClock::InterviewClock(QObject* parent)
    : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &InterviewClock::tick);
}

void InterviewClock::reset(int minutes)
{
    m_timer.stop();
    m_allowed = m_remaining = qMax(0, minutes) * 60;
    emit changed();
}

InterviewClock::Phase InterviewClock::phase() const
{
    if (m_remaining <= 0)
        return Phase::TimeUp;
    return m_remaining < kWarningSeconds ? Phase::Hurry : Phase::Plenty;
}

QString InterviewClock::format(int seconds)
{
    seconds = qMax(0, seconds);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void InterviewClock::start()
{
    if (m_remaining > 0 && !m_timer.isActive()) {
        m_timer.start();
        emit changed();
    }
}

void InterviewClock::pause()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        emit changed();
    }
}

void InterviewClock::toggle()
{
    running() ? pause() : start();
}

void InterviewClock::tick()
{
    if (m_remaining <= 0)
        return;
    --m_remaining;
    if (m_remaining == 0)
        m_timer.stop();
    emit ticked();
    emit changed();
    if (m_remaining == 0)
        emit timeUp();
}

} // namespace scalelab::widgets
