// The Event log dock: its model appends only the entries each new snapshot
// brings (no duplicates, no reset, identical lines kept apart, entries the
// engine dropped from the front handled), clears for a new run, shows time,
// kind and text; the panel follows the newest line unless the user scrolled
// up, and a click names the entry's blocks.
#include "faults/EventLogModel.h"
#include "faults/EventLogPanel.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace scalelab;
using namespace scalelab::widgets;
using Kind = stats::EventLogEntry::Kind;

namespace {

stats::EventLogEntry entry(double atS, const std::string& text, Kind kind = Kind::Reaction,
                           std::vector<std::string> blocks = {"svc"})
{
    return {atS, kind, std::move(blocks), text};
}

std::vector<stats::EventLogEntry> numbered(int from, int to)
{
    std::vector<stats::EventLogEntry> log;
    for (int i = from; i < to; ++i)
        log.push_back(entry(i * 0.1, "event " + std::to_string(i)));
    return log;
}

QString textAt(const EventLogModel& model, int row)
{
    return model.data(model.index(row, EventLogModel::TextColumn)).toString();
}

} // namespace

class EventLogTest : public QObject {
    Q_OBJECT
private slots:
    void appends_only_new_entries_without_reset();
    void identical_lines_stay_separate();
    void entries_dropped_by_the_engine_do_not_duplicate();
    void keeps_at_most_the_engine_log_size();
    void clear_starts_a_new_run();
    void shows_time_kind_and_blocks();
    void follows_the_newest_line_unless_scrolled_up();
    void click_names_the_blocks();
};

void EventLogTest::appends_only_new_entries_without_reset()
{
    EventLogModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.appendFrom({entry(1, "a"), entry(2, "b")});
    model.appendFrom({entry(1, "a"), entry(2, "b"), entry(3, "c")});
    model.appendFrom({entry(1, "a"), entry(2, "b"), entry(3, "c")}); // nothing new: a paused run's snapshots
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(textAt(model, 2), QString("c"));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 2); // only row 2 was inserted the second time
    QCOMPARE(inserted.at(1).at(2).toInt(), 2);
    QCOMPARE(reset.count(), 0);
}

void EventLogTest::identical_lines_stay_separate()
{
    // Two instances marked unhealthy at one instant read the same; both happened.
    EventLogModel model;
    model.appendFrom({entry(5, "instance unhealthy")});
    model.appendFrom({entry(5, "instance unhealthy"), entry(5, "instance unhealthy")});
    QCOMPARE(model.rowCount(), 2);
}

void EventLogTest::entries_dropped_by_the_engine_do_not_duplicate()
{
    // The engine's log is full: each new entry pushes the oldest out.
    EventLogModel model;
    model.appendFrom(numbered(0, 10));
    model.appendFrom(numbered(3, 14));
    QCOMPARE(model.rowCount(), 14);
    for (int row = 0; row < 14; ++row)
        QCOMPARE(textAt(model, row), QString("event %1").arg(row));
}

void EventLogTest::keeps_at_most_the_engine_log_size()
{
    EventLogModel model;
    model.appendFrom(numbered(0, EventLogModel::kMaxRows));
    model.appendFrom(numbered(50, EventLogModel::kMaxRows + 50));
    QCOMPARE(model.rowCount(), EventLogModel::kMaxRows);
    QCOMPARE(textAt(model, 0), QString("event 50"));
    QCOMPARE(textAt(model, EventLogModel::kMaxRows - 1), QString("event %1").arg(EventLogModel::kMaxRows + 49));
}

void EventLogTest::clear_starts_a_new_run()
{
    EventLogModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.appendFrom({entry(1, "a"), entry(2, "b")});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 1);
    // The new run's log starts over, even with lines the old one had.
    model.appendFrom({entry(1, "a")});
    QCOMPARE(model.rowCount(), 1);
}

void EventLogTest::shows_time_kind_and_blocks()
{
    EventLogModel model;
    model.appendFrom({entry(12.34, "crash 1 instance of svc", Kind::Fault, {"svc"}),
                      entry(20, "recovered: svc back to normal", Kind::Recovery, {"svc"}),
                      entry(21, "breaker opened", Kind::Reaction, {"breaker", "svc"})});
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.data(model.index(0, EventLogModel::TimeColumn)).toString(), QString("12.3"));
    QCOMPARE(model.data(model.index(0, EventLogModel::KindColumn)).toString(), QString("fault"));
    QCOMPARE(model.data(model.index(1, EventLogModel::KindColumn)).toString(), QString("recovery"));
    QCOMPARE(model.data(model.index(2, EventLogModel::KindColumn)).toString(), QString("reaction"));
    QVERIFY2(model.data(model.index(0, EventLogModel::TextColumn), Qt::FontRole).value<QFont>().bold(),
             "faults are the causes of a cascade and must stand out");
    QVERIFY2(!model.data(model.index(0, EventLogModel::KindColumn), Qt::DecorationRole).isNull(),
             "the kind column has no icon");
    QCOMPARE(model.data(model.index(2, 0), EventLogModel::BlocksRole).toStringList(), QStringList({"breaker", "svc"}));
}

void EventLogTest::follows_the_newest_line_unless_scrolled_up()
{
    EventLogPanel panel;
    panel.resize(400, 160);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QScrollBar* bar = panel.view()->verticalScrollBar();
    panel.model()->appendFrom(numbered(0, 100));
    QVERIFY2(bar->maximum() > 0, "100 lines in a 160 px panel should need a scroll bar");
    QCOMPARE(bar->value(), bar->maximum());
    panel.model()->appendFrom(numbered(0, 120));
    QCOMPARE(bar->value(), bar->maximum());

    bar->setValue(10); // the user scrolls up to read
    panel.model()->appendFrom(numbered(0, 140));
    QCOMPARE(bar->value(), 10);
    QVERIFY2(bar->value() < bar->maximum(),
             qPrintable(QString("the view should no longer be at the bottom (%1 of %2)")
                            .arg(bar->value())
                            .arg(bar->maximum())));
}

void EventLogTest::click_names_the_blocks()
{
    EventLogPanel panel;
    panel.resize(400, 160);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    stats::Snapshot snapshot;
    snapshot.eventLog = {entry(1, "cut link svc -> db", Kind::Fault, {"svc", "db"})};
    panel.appendSnapshot(snapshot);
    QSignalSpy activated(&panel, &EventLogPanel::blocksActivated);
    const QRect cell = panel.view()->visualRect(panel.model()->index(0, EventLogModel::TextColumn));
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toStringList(), QStringList({"svc", "db"}));

    panel.clear();
    QCOMPARE(panel.model()->rowCount(), 0);
}

QTEST_MAIN(EventLogTest)
#include "EventLogTest.moc"
