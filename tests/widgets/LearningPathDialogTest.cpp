// The learning path's progress record and dialog: steps done survive in an
// isolated QSettings and a reset forgets them, the dialog's next step follows
// done / locked, each kind of step asks the window to open the right file,
// and a bundled file (or its naive / solution variant) maps back to its step.
#include "path/LearningPathDialog.h"
#include "path/PathFiles.h"
#include "path/PathProgress.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidgetItem>
#include <QtTest>

using namespace scalelab;

class LearningPathDialogTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ScaleLabTests");
        QCoreApplication::setApplicationName("LearningPathDialogTest");
    }

    void init() { QSettings().clear(); }

    void progress_is_kept_in_settings_and_reset_forgets_it()
    {
        {
            widgets::PathProgress progress(true);
            QSignalSpy changed(&progress, &widgets::PathProgress::changed);
            progress.markDone("lesson:caching");
            progress.markDone("lesson:caching"); // idempotent: no second signal
            progress.markDone("");
            QCOMPARE(changed.count(), 1);
        }
        widgets::PathProgress reread(true);
        QVERIFY2(reread.isDone("lesson:caching"), "a new PathProgress does not see the step marked before");
        QCOMPARE(int(reread.done().size()), 1);
        reread.reset();
        QVERIFY(!widgets::PathProgress(true).isDone("lesson:caching"));
    }

    void progress_without_settings_touches_none()
    {
        widgets::PathProgress memoryOnly(false);
        memoryOnly.markDone("lesson:caching");
        QVERIFY(memoryOnly.isDone("lesson:caching"));
        QVERIFY2(!widgets::PathProgress(true).isDone("lesson:caching"), "a headless window wrote the user's settings");
    }

    void files_map_to_their_steps()
    {
        QCOMPARE(widgets::PathFiles::stepIdFor(":/lessons/caching.scalelab"), QString("lesson:caching"));
        QCOMPARE(widgets::PathFiles::stepIdFor("/home/u/resources/challenges/video-cdn.naive.scalelab"),
                 QString("challenge:video-cdn"));
        QCOMPARE(widgets::PathFiles::stepIdFor(":/interviews/pastebin.solution.scalelab"), QString("interview:pastebin"));
        QCOMPARE(widgets::PathFiles::stepIdFor(":/tradeoffs/push-vs-pull-fanout.tradeoff"), QString("tradeoff:push-vs-pull-fanout"));
        QCOMPARE(widgets::PathFiles::stepIdFor(":/examples/three-tier.scalelab"), QString());
        QCOMPARE(widgets::PathFiles::stepIdFor(":/tradeoffs/push-vs-pull-fanout.a.scalelab"), QString());
    }

    void next_step_follows_progress_and_opens_the_right_file()
    {
        const model::LearningPath path = widgets::PathFiles::loadBundled();
        widgets::PathProgress progress(false);
        widgets::LearningPathDialog dialog(path, &progress);
        QSignalSpy designs(&dialog, &widgets::LearningPathDialog::openDesignRequested);
        QSignalSpy interviews(&dialog, &widgets::LearningPathDialog::openInterviewRequested);
        QSignalSpy cards(&dialog, &widgets::LearningPathDialog::openTradeoffRequested);

        const model::PathStep* first = path.next({});
        QVERIFY(first);
        QVERIFY2(dialog.nextLabel()->text().contains(QString::fromStdString(first->title).toHtmlEscaped()),
                 qPrintable(dialog.nextLabel()->text()));
        dialog.openNextButton()->click();
        QCOMPARE(designs.count(), 1);
        QCOMPARE(designs.at(0).at(0).toString(), widgets::PathFiles::resourcePath(*first));

        // A step that needs the first one is locked, then available once it is done.
        const model::PathStep* dependent = nullptr;
        for (const model::PathTier& tier : path.tiers)
            for (const model::PathStep& step : tier.steps)
                if (!dependent && step.prerequisites == std::vector<std::string>{first->id})
                    dependent = &step;
        QVERIFY(dependent);
        QTreeWidgetItem* item = dialog.itemFor(QString::fromStdString(dependent->id));
        QVERIFY(item);
        QVERIFY2(item->text(2).startsWith("Locked"), qPrintable(item->text(2)));
        progress.markDone(QString::fromStdString(first->id));
        QVERIFY2(!item->text(2).startsWith("Locked"), qPrintable(item->text(2)));
        QCOMPARE(dialog.itemFor(QString::fromStdString(first->id))->text(2), QString("Done"));
        QVERIFY(path.next(progress.done()) != first);
        QVERIFY2(dialog.tierLine(0).contains(QString("1 of %1").arg(path.tiers[0].steps.size())),
                 qPrintable(dialog.tierLine(0)));

        QVERIFY(dialog.openStep("interview:pastebin"));
        QCOMPARE(interviews.count(), 1);
        QCOMPARE(interviews.at(0).at(0).toString(), QString(":/interviews/pastebin.scalelab"));
        QVERIFY(dialog.openStep("tradeoff:push-vs-pull-fanout"));
        QCOMPARE(cards.count(), 1);
        QCOMPARE(cards.at(0).at(0).toString(), QString(":/tradeoffs/push-vs-pull-fanout.tradeoff"));
        QVERIFY(!dialog.openStep("lesson:no-such-lesson"));
    }

    void when_every_step_is_done_there_is_no_next()
    {
        const model::LearningPath path = widgets::PathFiles::loadBundled();
        widgets::PathProgress progress(false);
        widgets::LearningPathDialog dialog(path, &progress);
        for (const model::PathTier& tier : path.tiers)
            for (const model::PathStep& step : tier.steps)
                progress.markDone(QString::fromStdString(step.id));
        QVERIFY(!dialog.openNextButton()->isEnabled());
        QVERIFY2(dialog.tierLine(3).contains("(100%)"), qPrintable(dialog.tierLine(3)));
    }
};

QTEST_MAIN(LearningPathDialogTest)
#include "LearningPathDialogTest.moc"
