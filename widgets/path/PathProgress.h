#pragma once
// Which learning-path steps are done, kept in QSettings under
// learningPath/done/<step id> (as the Lessons dock keeps its progress), or
// only in memory for a window nobody sits at. Anything that finishes a step
// calls markDone: the Lessons dock at a lesson's end, the Challenge dock on a
// pass, the interview report, the compare window at the end of a card's
// paired comparison.
#include <QObject>
#include <QString>

#include <set>
#include <string>

namespace scalelab::widgets {

class PathProgress : public QObject {
    Q_OBJECT
public:
    // `keepsProgress` false: neither reads nor writes QSettings.
    explicit PathProgress(bool keepsProgress, QObject* parent = nullptr);

    const std::set<std::string>& done() const { return m_done; }
    bool isDone(const QString& stepId) const { return m_done.count(stepId.toStdString()) > 0; }

public slots:
    // Idempotent; an empty id (a design that is no step) is ignored.
    void markDone(const QString& stepId);
    // Forgets every step.
    void reset();

signals:
    void changed();

private:
    static QString key(const QString& stepId);

    bool m_keepsProgress;
    std::set<std::string> m_done;
};

} // namespace scalelab::widgets
