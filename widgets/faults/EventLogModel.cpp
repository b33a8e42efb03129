#include "EventLogModel.h"

#include "QtText.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace scalelab::widgets {

namespace {

using Kind = stats::EventLogEntry::Kind;

// Entries compared when locating the held rows in a new log: enough that a
// few identical lines in a row cannot fool it, few enough to cost nothing.
constexpr size_t kMatchTail = 8;

bool same(const stats::EventLogEntry& a, const stats::EventLogEntry& b)
{
    return a.atS == b.atS && a.kind == b.kind && a.text == b.text && a.blocks == b.blocks;
}

QColor kindColour(Kind kind)
{
    // Faults red like the canvas's failed blocks, recoveries green, reactions amber.
    switch (kind) {
    case Kind::Fault: return QColor(0xd6, 0x45, 0x41);
    case Kind::Recovery: return QColor(0x2e, 0x9d, 0x57);
    case Kind::Reaction: return QColor(0xd9, 0x8c, 0x1a);
    case Kind::Design: return QColor(0x2f, 0x6f, 0xb5);
    }
    return {};
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Fault: return EventLogModel::tr("fault");
    case Kind::Recovery: return EventLogModel::tr("recovery");
    case Kind::Reaction: return EventLogModel::tr("reaction");
    case Kind::Design: return EventLogModel::tr("design");
    }
    return {};
}

QIcon kindIcon(Kind kind)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kindColour(kind));
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

} // namespace

size_t EventLogModel::firstNew(const std::vector<stats::EventLogEntry>& log) const
{
    if (m_entries.empty())
        return 0;
    // Dropped entries only move the held ones towards the front, so the match
    // ends at or before where the previous log ended; try the latest first.
    // Near the front fewer held entries can have survived: compare those.
    for (size_t end = std::min(m_lastLogSize, log.size()); end > 0; --end) {
        const auto tail = static_cast<std::ptrdiff_t>(std::min({kMatchTail, m_entries.size(), end}));
        const auto start = log.begin() + static_cast<std::ptrdiff_t>(end) - tail;
        if (std::equal(start, start + tail, m_entries.end() - tail, same))
            return end;
    }
    return 0; // everything held has left the log: all of it is new
}

void EventLogModel::appendFrom(const std::vector<stats::EventLogEntry>& log)
{
    const size_t from = firstNew(log);
    m_lastLogSize = log.size();
    if (from >= log.size())
        return;
    const size_t count = log.size() - from;
    const size_t overflow = m_entries.size() + count > kMaxRows ? m_entries.size() + count - kMaxRows : 0;
    if (overflow > 0) {
        const int drop = static_cast<int>(std::min(overflow, m_entries.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
            endRemoveRows();
        }
    }
    const size_t start = from + (count > kMaxRows ? count - kMaxRows : 0);
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(log.size() - start) - 1);
    m_entries.insert(m_entries.end(), log.begin() + static_cast<std::ptrdiff_t>(start), log.end());
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_lastLogSize = 0;
    endResetModel();
}

QStringList EventLogModel::blocks(int row) const
{
    QStringList ids;
    for (const auto& id : entry(row).blocks)
        ids << toQString(id);
    return ids;
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const stats::EventLogEntry& e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return QString::number(e.atS, 'f', 1);
        case KindColumn: return kindName(e.kind);
        case TextColumn: return toQString(e.text);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == KindColumn) {
            static const QIcon icons[] = {kindIcon(Kind::Fault), kindIcon(Kind::Recovery), kindIcon(Kind::Reaction),
                                          kindIcon(Kind::Design)};
            return icons[static_cast<int>(e.kind)];
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == KindColumn)
            return kindColour(e.kind);
        break;
    case Qt::FontRole:
        if (e.kind == Kind::Fault) { // the cause of a cascade: the line to find first
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return e.blocks.empty() ? toQString(e.text)
                                : tr("%1\nBlocks: %2 (click to show them)").arg(toQString(e.text), blocks(index.row()).join(", "));
    case BlocksRole:
        return blocks(index.row());
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time (s)");
    case KindColumn: return tr("Kind");
    case TextColumn: return tr("Event");
    }
    return {};
}

} // namespace scalelab::widgets
