#pragma once
// Shared helpers of the widget tests, and of the app tests that drive the
// same widgets: the bundled designs, a short engine run, a bounded wait on a
// live run with a description of the run for failure messages, block look-up
// in a snapshot, a mouse drag, and the page count of a written PDF.
#include "io/ScenarioFile.h"
#include "model/Architecture.h"
#include "run/RunController.h"
#include "run/Simulator.h"
#include "stats/Snapshot.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <functional>
#include <string>

namespace scalelab::testing {

// A file under resources/ of the source tree ("examples/three-tier.scalelab").
inline QString resourcePath(const QString& relative)
{
    return QStringLiteral(SCALELAB_SOURCE_DIR "/resources/") + relative;
}

inline QString examplePath(const QString& fileName) { return resourcePath("examples/" + fileName); }

inline model::Architecture readExample(const QString& fileName)
{
    return io::readScenario(examplePath(fileName).toStdString());
}

// Runs `design` for `seconds` of simulated time on this thread and returns
// the snapshot with its series, as the live worker would report it then.
inline stats::Snapshot runFor(const model::Architecture& design, double seconds, uint64_t seed = 1)
{
    sim::Simulator simulator(design, seed);
    simulator.runUntil(sim::fromSeconds(seconds));
    return simulator.snapshot(true);
}

// The block `id` of `snapshot`; null when the snapshot has none.
inline const stats::BlockSnapshot* blockOf(const stats::Snapshot& snapshot, const std::string& id)
{
    for (const auto& block : snapshot.blocks)
        if (block.id == id)
            return &block;
    return nullptr;
}

// Where a live run is, for failure messages: "Running, newest snapshot at 3.2 s".
inline QString describeRun(const widgets::RunController& run)
{
    const char* state = QMetaEnum::fromType<widgets::RunController::State>().valueToKey(int(run.state()));
    if (!run.latestSnapshot())
        return QString("%1, no snapshot yet").arg(state);
    return QString("%1, newest snapshot at %2 s").arg(state).arg(run.latestSnapshot()->simSeconds);
}

// Waits, on snapshotReady, until the newest snapshot satisfies `done`. False
// when it has not within `timeoutMs`: a run that stalls or never gets there
// fails the test with a message instead of hanging it.
inline bool waitForSnapshot(widgets::RunController& run, const std::function<bool(const stats::Snapshot&)>& done,
                            int timeoutMs = 60'000)
{
    QSignalSpy spy(&run, &widgets::RunController::snapshotReady);
    const QDeadlineTimer deadline(timeoutMs);
    while (!run.latestSnapshot() || !done(*run.latestSnapshot()))
        if (deadline.hasExpired() || !spy.wait(int(deadline.remainingTime())))
            return false;
    return true;
}

// Presses at `from`, moves halfway (past the drag distance), moves to `to`
// and releases there, as a user's drag does.
inline void mouseDrag(QWidget* widget, QPoint from, QPoint to)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, from);
    QTest::mouseMove(widget, (from + to) / 2);
    QTest::mouseMove(widget, to);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
}

// Writes `text` to `name` in `dir` and returns its path.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    QFile file(dir.filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return file.fileName();
}

// Pages as a PDF's page tree counts them: one "/Type /Page" object each.
inline int pdfPageCount(const QByteArray& pdf)
{
    static const QRegularExpression page("/Type\\s*/Page(?![a-zA-Z])");
    int count = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace scalelab::testing
