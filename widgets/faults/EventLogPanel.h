#pragma once
// The Event log dock: the cascade timeline of a run. Each snapshot appends
// the log entries it brings (see EventLogModel); the table follows the
// newest line unless the user has scrolled up to read, and a click on a line
// names its blocks so the window can select them on the canvas.
#include "stats/Snapshot.h"

#include <QStringList>
#include <QWidget>

class QStackedWidget;
class QTableView;

namespace scalelab::widgets {

class EventLogModel;

class EventLogPanel : public QWidget {
    Q_OBJECT
public:
    explicit EventLogPanel(QWidget* parent = nullptr);

    EventLogModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

public slots:
    void appendSnapshot(const stats::Snapshot& snapshot);
    // The run's data is gone (reset, restart).
    void clear();

signals:
    void blocksActivated(const QStringList& ids);

private:
    bool atBottom() const;
    void showTableOrHint();

    EventLogModel* m_model;
    QTableView* m_view;
    QStackedWidget* m_stack;
    bool m_follow = true; // the view was at the bottom when rows began to arrive
};

} // namespace scalelab::widgets
