#include "InterviewPhases.h"

#include <algorithm>

namespace scalelab::widgets {

InterviewPhases::InterviewPhases(QObject* parent)
    : QObject(parent)
{
}

QString InterviewPhases::name(int phase)
{
    static const std::array<const char*, model::kInterviewPhaseCount> names = {
        QT_TR_NOOP("Requirements"), QT_TR_NOOP("Estimation"),        QT_TR_NOOP("API"),
        QT_TR_NOOP("Data model"),   QT_TR_NOOP("High-level design"), QT_TR_NOOP("Deep dive")};
    return tr(names.at(size_t(phase)));
}

void InterviewPhases::reset()
{
    m_current = m_reached = 0;
    m_seconds.fill(0);
    emit changed();
}

InterviewPhases::Status InterviewPhases::status(int phase) const
{
    const int used = secondsIn(phase);
    const int target = targetSeconds(phase);
    if (used > target)
        return Status::Over;
    return used >= kHurryShare * target ? Status::Hurry : Status::Plenty;
}

void InterviewPhases::tick()
{
    ++m_seconds.at(size_t(m_current));
    emit changed();
}

void InterviewPhases::next() { setCurrent(m_current + 1); }

void InterviewPhases::previous() { setCurrent(m_current - 1); }

void InterviewPhases::setCurrent(int phase)
{
    phase = std::clamp(phase, 0, model::kInterviewPhaseCount - 1);
    if (phase == m_current)
        return;
    m_current = phase;
    m_reached = std::max(m_reached, phase);
    emit changed();
}

} // namespace scalelab::widgets
