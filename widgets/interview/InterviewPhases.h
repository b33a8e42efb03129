#pragma once
// The six phases of a 45-minute interview and the time spent in each:
// requirements 5 min, estimation 5, API 5, data model 5, high-level design
// 15, deep dive 10. The interview clock's tick() adds a second to the
// current phase (so tests drive it without waiting). A phase turns amber
// when 80% of its time is used and red when over. A phase counts as done
// once the candidate has moved past it: its guide (the model answer) shows
// only then.
#include "model/Interview.h"

#include <QObject>
#include <QString>

#include <array>

namespace scalelab::widgets {

class InterviewPhases : public QObject {
    Q_OBJECT
public:
    static constexpr std::array<int, model::kInterviewPhaseCount> kTargetMinutes = {5, 5, 5, 5, 15, 10};
    static constexpr double kHurryShare = 0.8;

    enum class Status { Plenty, Hurry, Over };

    explicit InterviewPhases(QObject* parent = nullptr);

    // "Requirements", "Estimation", "API", "Data model", "High-level design", "Deep dive".
    static QString name(int phase);
    static int targetSeconds(int phase) { return kTargetMinutes.at(size_t(phase)) * 60; }

    void reset();
    int current() const { return m_current; }
    model::InterviewPhase currentPhase() const { return model::InterviewPhase(m_current); }
    bool isLast() const { return m_current == model::kInterviewPhaseCount - 1; }
    int secondsIn(int phase) const { return m_seconds.at(size_t(phase)); }
    Status status(int phase) const;
    // The candidate has moved past this phase at least once.
    bool done(int phase) const { return phase < m_reached; }

public slots:
    void tick();
    void next();
    void previous();
    void setCurrent(int phase);

signals:
    void changed();

private:
    int m_current = 0;
    int m_reached = 0; // the furthest phase entered
    std::array<int, model::kInterviewPhaseCount> m_seconds{};
};

} // namespace scalelab::widgets
