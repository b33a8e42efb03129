#pragma once
// The Advisor dock: what analysis::advise() reads in the live run, about
// once a second: the block that limits the design and the seeds' remedy,
// symptoms and anti-patterns. A click on a finding names its block so the
// window can select it on the canvas.
#include "stats/Snapshot.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace scalelab::widgets {

class DesignDocument;

class AdvisorPanel : public QWidget {
    Q_OBJECT
public:
    explicit AdvisorPanel(DesignDocument* document, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }

public slots:
    // Re-reads the run at most once a second of wall time, unless `now`.
    void appendSnapshot(const stats::Snapshot& snapshot, bool now = false);
    void clear();

signals:
    void blocksActivated(const QStringList& ids);

private:
    DesignDocument* m_document;
    QListWidget* m_list;
    QLabel* m_hint;
    QElapsedTimer m_sinceLast;
};

} // namespace scalelab::widgets
