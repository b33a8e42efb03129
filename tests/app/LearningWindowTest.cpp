// The learning path and the concept library in the main window, offscreen:
// the path's Open button opens the next step's lesson, a finished lesson or
// a passed challenge of a bundled file marks its step done (and an example
// marks nothing), F1 shows the Concepts dock, which follows the selected
// block without taking the focus, and its links open what they name.
#include "../widgets/WidgetTestSupport.h"
#include "ConceptDock.h"
#include "LearningPathMode.h"
#include "MainWindow.h"
#include "ShowWindow.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "challenge/ChallengePanel.h"
#include "document/DesignDocument.h"
#include "help/ConceptBrowser.h"
#include "help/ConceptPage.h"
#include "lessons/LessonPanel.h"
#include "path/LearningPathDialog.h"
#include "path/PathProgress.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

using namespace scalelab;

using testing::showAt;

class LearningWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void open_button_opens_the_next_lesson()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        window.learningPath()->showPath();
        widgets::LearningPathDialog* dialog = window.learningPath()->dialog();
        QVERIFY(dialog);
        QVERIFY(!window.lessonPanel()->hasLesson());
        dialog->openNextButton()->click();
        QVERIFY2(window.lessonPanel()->hasLesson(), "Open did not open the next step's lesson");
        QCOMPARE(window.learningPath()->currentStep(), QString("lesson:golden-rule"));
    }

    void finishing_a_bundled_lesson_or_challenge_marks_its_step()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        widgets::PathProgress* progress = window.learningPath()->progress();
        QCOMPARE(window.openExample(":/lessons/caching.scalelab"), QString());
        emit window.lessonPanel()->lessonFinished();
        QVERIFY(progress->isDone("lesson:caching"));

        QCOMPARE(window.openExample(":/challenges/video-cdn.naive.scalelab"), QString());
        emit window.challenge()->passed();
        QVERIFY2(progress->isDone("challenge:video-cdn"), "passing the naive file is passing the challenge");

        // A design that is no step of the path marks nothing, even after a path step was open.
        window.newDesign();
        QCOMPARE(window.learningPath()->currentStep(), QString());
        emit window.challenge()->passed();
        QCOMPARE(int(progress->done().size()), 2);

        // The compare window names the card it finished, as a stem or a resource path.
        window.learningPath()->markTradeoffDone(":/tradeoffs/push-vs-pull-fanout.tradeoff");
        QVERIFY(progress->isDone("tradeoff:push-vs-pull-fanout"));
    }

    void f1_shows_the_concepts_dock_which_follows_the_selection()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
        showAt(window, {1280, 800});
        widgets::ConceptBrowser* browser = window.concepts()->browser();
        QVERIFY2(browser, "the bundled concept library did not load");
        QDockWidget* dock = window.concepts()->dock();
        QVERIFY(dock->isHidden());

        // Hidden, it does not follow.
        window.scene()->selectBlocks({"db"});
        QCOMPARE(browser->currentConcept(), QString());

        window.action("conceptLibrary")->trigger();
        QTRY_VERIFY(dock->isVisible());
        QVERIFY2(dock->width() >= 320, qPrintable(QString("%1 px").arg(dock->width())));
        const QString database = QString::fromStdString(browser->library().forKind("database")->id);
        QCOMPARE(browser->currentConcept(), database);

        window.view()->setFocus();
        window.scene()->selectBlocks({"app"});
        const model::Concept* service = browser->library().forKind(
            window.document()->architecture().findBlock("app")->kind);
        QVERIFY(service);
        QCOMPARE(browser->currentConcept(), QString::fromStdString(service->id));
        QVERIFY2(!dock->isAncestorOf(QApplication::focusWidget()), "selecting a block moved the focus to the dock");
    }

    void page_links_open_lessons_and_concepts()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        widgets::ConceptBrowser* browser = window.concepts()->browser();
        QVERIFY(browser);
        const model::Concept* withLesson = nullptr;
        for (const model::Concept& entry : browser->library().concepts())
            if (!withLesson && !entry.lesson.empty())
                withLesson = &entry;
        QVERIFY(withLesson);
        browser->followLink(widgets::ConceptPage::link(widgets::ConceptPage::kLessonScheme, withLesson->lesson));
        QVERIFY2(window.lessonPanel()->hasLesson(), "the lesson link did not open the lesson");
    }
};

QTEST_MAIN(LearningWindowTest)
#include "LearningWindowTest.moc"
