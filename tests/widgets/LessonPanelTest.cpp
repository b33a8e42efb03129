// The Lessons dock with the real document, undo stack and live run
// (offscreen): Next stays locked until the step's check passes, Show me
// performs the step's edits as undoable commands, and progress survives a
// reopen. QSettings go to a temporary directory under a test organisation,
// so the user's own progress is never touched. Waits are on signals.
#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"
#include "lessons/LessonPanel.h"
#include "run/RunController.h"

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

QString lessonPath(const QString& name) { return QStringLiteral(SCALELAB_SOURCE_DIR "/resources/lessons/") + name; }

model::Architecture readLesson(const QString& name) { return io::readScenario(lessonPath(name).toStdString()); }

// Waits on snapshots until the panel's current step has passed.
bool waitUntilPassed(RunController& run, LessonPanel& panel)
{
    QSignalSpy spy(&run, &RunController::snapshotReady);
    for (int snapshots = 0; !panel.stepPassed() && snapshots < 400; ++snapshots)
        if (!spy.wait(20000))
            return false;
    return panel.stepPassed();
}

struct Editor {
    DesignDocument document;
    RunController run{&document};
    LessonPanel panel{&document, &run};
};

} // namespace

class LessonPanelTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName("ScaleLabTests");
        QCoreApplication::setApplicationName("LessonPanelTest");
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init() { QSettings().clear(); }

    void next_is_locked_until_the_check_passes()
    {
        Editor editor;
        editor.run.setSpeed(RunController::kMaxSpeed);
        editor.document.reset(readLesson("load-balancing.scalelab"), lessonPath("load-balancing.scalelab"));
        QVERIFY(editor.panel.hasLesson());
        QCOMPARE(editor.panel.currentStep(), 0);
        QVERIFY(!editor.panel.nextButton()->isEnabled());
        editor.panel.next(); // refused while the check fails
        QCOMPARE(editor.panel.currentStep(), 0);

        // Step 1 checks the live run: at the design's 200 rps the app is half busy, so it does not pass.
        editor.run.play();
        QSignalSpy snapshots(&editor.run, &RunController::snapshotReady);
        for (int i = 0; i < 8; ++i)
            QVERIFY(snapshots.wait(20000));
        QVERIFY2(!editor.panel.stepPassed(), qPrintable(editor.panel.checkText()));
        QVERIFY(!editor.panel.nextButton()->isEnabled());

        editor.panel.showMe(); // raises the rate to 600 rps: the app saturates
        QVERIFY2(waitUntilPassed(editor.run, editor.panel), qPrintable(editor.panel.checkText()));
        QVERIFY(editor.panel.nextButton()->isEnabled());
        editor.panel.next();
        QCOMPARE(editor.panel.currentStep(), 1);
        QVERIFY(!editor.panel.nextButton()->isEnabled());

        // Step 2 checks the plan: it answers on the edit itself.
        editor.panel.showMe();
        QVERIFY2(editor.panel.stepPassed(), qPrintable(editor.panel.checkText()));
        QVERIFY(editor.panel.nextButton()->isEnabled());
    }

    void progress_survives_a_reopen()
    {
        {
            Editor editor;
            editor.document.reset(readLesson("caching.scalelab"), lessonPath("caching.scalelab"));
            editor.panel.goToStep(2);
            QCOMPARE(editor.panel.currentStep(), 2);
        }
        Editor reopened;
        reopened.document.reset(readLesson("caching.scalelab"), lessonPath("caching.scalelab"));
        QCOMPARE(reopened.panel.currentStep(), 2);
        // The earlier steps' edits are back: the traffic raised, the cache in place.
        const model::Architecture& design = reopened.document.architecture();
        QCOMPARE(design.findBlock("users")->param("rate_rps"), 2000.0);
        QVERIFY(design.findBlock("cache"));
        QVERIFY(design.linkOrdinal("cache", "db"));

        // Another lesson keeps its own progress; Restart lesson goes back to the file's design.
        reopened.panel.restartLesson();
        QCOMPARE(reopened.panel.currentStep(), 0);
        QVERIFY(!reopened.document.architecture().findBlock("cache"));
        Editor again;
        again.document.reset(readLesson("caching.scalelab"), lessonPath("caching.scalelab"));
        QCOMPARE(again.panel.currentStep(), 0);
    }

    void show_me_applies_the_steps_edits_as_undoable_commands()
    {
        Editor editor;
        editor.document.reset(readLesson("caching.scalelab"), lessonPath("caching.scalelab"));
        editor.panel.goToStep(1); // "Put a cache in front of the database"
        const model::Architecture before = editor.document.architecture();
        const int commands = editor.document.undoStack()->count();
        editor.panel.showMe();
        QCOMPARE(editor.document.undoStack()->count(), commands + 1); // one macro
        const model::Architecture& after = editor.document.architecture();
        QVERIFY(after.findBlock("cache"));
        QVERIFY(after.linkOrdinal("app", "cache") && after.linkOrdinal("cache", "db"));
        QVERIFY(!after.linkOrdinal("app", "db"));
        // Pressed twice, it does not add a second cache.
        editor.panel.showMe();
        QCOMPARE(editor.document.undoStack()->count(), commands + 1);
        editor.document.undoStack()->undo();
        QVERIFY(editor.document.architecture() == before);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(LessonPanelTest)
#include "LessonPanelTest.moc"
