// The Lessons dock with the real document, undo stack and live run
// (offscreen): Next stays locked until the step's check passes, Show me
// performs the step's edits as undoable commands, and progress survives a
// reopen. QSettings go to a temporary directory under a test organisation,
// so the user's own progress is never touched. Waits are on signals.
#include "WidgetTestSupport.h"
#include "document/DesignDocument.h"
#include "lessons/LessonPanel.h"
#include "run/RunController.h"

#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace scalelab;
using namespace scalelab::widgets;
using namespace scalelab::testing;

namespace {

QString lessonPath(const QString& name) { return resourcePath("lessons/" + name); }

model::Architecture readLesson(const QString& name) { return io::readScenario(lessonPath(name).toStdString()); }

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

    void a_short_panel_keeps_the_steps_text_and_drops_the_step_list()
    {
        Editor editor;
        editor.document.reset(readLesson("caching.scalelab"), lessonPath("caching.scalelab"));
        QListWidget* steps = editor.panel.findChild<QListWidget*>();
        QVERIFY(steps);
        editor.panel.resize(340, 900); // a tall dock: the list of steps shows
        editor.panel.show();
        QTRY_VERIFY(steps->isVisible());
        editor.panel.resize(340, 380); // a laptop's shared column: the instruction matters more
        QTRY_VERIFY(!steps->isVisible());
        editor.panel.goToStep(1); // a new step redraws the panel: the list stays out
        QVERIFY(!steps->isVisible());
        editor.panel.resize(340, 900);
        QTRY_VERIFY(steps->isVisible());
    }

    void next_is_locked_until_the_check_passes()
    {
        Editor editor;
        editor.run.setSpeed(RunController::kMaxSpeed);
        editor.document.reset(readLesson("load-balancing.scalelab"), lessonPath("load-balancing.scalelab"));
        QVERIFY2(editor.panel.hasLesson(), "load-balancing.scalelab opened without its lesson");
        QCOMPARE(editor.panel.currentStep(), 0);
        QVERIFY(!editor.panel.nextButton()->isEnabled());
        editor.panel.next(); // refused while the check fails
        QCOMPARE(editor.panel.currentStep(), 0);

        // Step 1 checks the live run: at the design's 200 rps the app is half busy, so it does not pass.
        editor.run.play();
        QSignalSpy snapshots(&editor.run, &RunController::snapshotReady);
        for (int i = 0; i < 8; ++i)
            QVERIFY2(snapshots.wait(20000), qPrintable("the lesson's run stalled: " + describeRun(editor.run)));
        QVERIFY2(!editor.panel.stepPassed(), qPrintable(editor.panel.checkText()));
        QVERIFY(!editor.panel.nextButton()->isEnabled());

        editor.panel.showMe(); // raises the rate to 600 rps: the app saturates
        // The panel hears each snapshot before this wait does, so its verdict is up to date.
        QVERIFY2(waitForSnapshot(editor.run, [&](const stats::Snapshot&) { return editor.panel.stepPassed(); }),
                 qPrintable("the step never passed after Show me: " + editor.panel.checkText()));
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
        QVERIFY2(design.findBlock("cache"), "reopened at step 3, the design has no cache");
        QVERIFY2(design.linkOrdinal("cache", "db"), "reopened at step 3, the cache does not call the database");

        // Another lesson keeps its own progress; Restart lesson goes back to the file's design.
        reopened.panel.restartLesson();
        QCOMPARE(reopened.panel.currentStep(), 0);
        QVERIFY2(!reopened.document.architecture().findBlock("cache"), "Restart lesson kept the cache of step 2");
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
        QVERIFY2(after.findBlock("cache"), "Show me added no cache");
        QVERIFY2(after.linkOrdinal("app", "cache") && after.linkOrdinal("cache", "db"),
                 "Show me did not put the cache between app and db");
        QVERIFY2(!after.linkOrdinal("app", "db"), "the app still calls the database directly");
        // Pressed twice, it does not add a second cache.
        editor.panel.showMe();
        QCOMPARE(editor.document.undoStack()->count(), commands + 1);
        editor.document.undoStack()->undo();
        QVERIFY2(editor.document.architecture() == before, "one undo did not take back all of Show me's edits");
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(LessonPanelTest)
#include "LessonPanelTest.moc"
