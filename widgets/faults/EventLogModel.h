#pragma once
// The rows of the Event log dock: a run's faults, recoveries and the
// design's reactions to them (breaker opened, instances added, replica
// promoted), oldest first.
//
// Every snapshot carries the run's whole log (the engine keeps its newest
// kMaxRows entries), so appendFrom works out which entries are new and only
// inserts those rows: the view keeps its scroll position and selection
// instead of being reset fifteen times a second. The engine's log grows at
// the back and drops from the front, so the rows held here end at some
// position of the new log; a tail of them is matched there, which copes with
// dropped entries and with identical lines repeated at one instant.
#include "stats/EventLogEntry.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <deque>
#include <vector>

namespace scalelab::widgets {

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, TextColumn, ColumnCount };
    // The ids of an entry's blocks, as a QStringList.
    static constexpr int BlocksRole = Qt::UserRole + 1;
    // As many rows as the engine's log keeps; older rows go first.
    static constexpr int kMaxRows = 2000;

    using QAbstractTableModel::QAbstractTableModel;

    // Appends the entries of `log` (a run's whole log, oldest first) not shown yet.
    void appendFrom(const std::vector<stats::EventLogEntry>& log);
    // A new run: no rows.
    void clear();
    const stats::EventLogEntry& entry(int row) const { return m_entries.at(static_cast<size_t>(row)); }
    QStringList blocks(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    size_t firstNew(const std::vector<stats::EventLogEntry>& log) const;

    std::deque<stats::EventLogEntry> m_entries;
    size_t m_lastLogSize = 0; // length of the log appendFrom last saw
};

} // namespace scalelab::widgets
