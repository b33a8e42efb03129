// Compare mode's entry points in the main window: Design > Duplicate as
// Variant B (B a copy to edit, the main design untouched), File > Compare
// With…'s work (A the open design, B the file), MainWindow::
// openTradeoffCard on a bundled card, and the Help > Trade-off Cards…
// browser listing every bundled card and opening the one chosen.
#include "../widgets/WidgetTestSupport.h"
#include "CompareMode.h"
#include "MainWindow.h"
#include "commands/ChangeParamCommand.h"
#include "compare/CompareWindow.h"
#include "compare/TradeoffCardBrowser.h"
#include "compare/TradeoffCardFile.h"
#include "document/DesignDocument.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QTreeWidget>
#include <QUndoStack>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

// The menu of the main window's menu bar titled `title` (without the &).
QMenu* menuNamed(app::MainWindow& window, const QString& title)
{
    for (QAction* action : window.menuBar()->actions())
        if (action->menu() && action->text().remove('&') == title)
            return action->menu();
    return nullptr;
}

} // namespace

class CompareModeTest : public QObject {
    Q_OBJECT
private slots:
    void entry_points_are_in_the_menus();
    void duplicate_as_variant_edits_only_b();
    void compare_with_takes_the_open_design_as_a();
    void opens_a_bundled_card();
    void browser_lists_every_bundled_card();
};

void CompareModeTest::entry_points_are_in_the_menus()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QVERIFY(menuNamed(window, "File"));
    QVERIFY2(menuNamed(window, "File")->actions().contains(window.compare()->compareWithAction()),
             "File should offer Compare With…");
    QVERIFY2(menuNamed(window, "Design") && menuNamed(window, "Design")->actions().contains(window.compare()->duplicateAction()),
             "Design should offer Duplicate as Variant B");
    QVERIFY2(menuNamed(window, "Help") && menuNamed(window, "Help")->actions().contains(window.compare()->cardsAction()),
             "Help should offer Trade-off Cards…");
}

void CompareModeTest::duplicate_as_variant_edits_only_b()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QVERIFY(window.openFile(testing::examplePath("twitter-fanout-write.scalelab")).isEmpty());
    const model::Architecture original = window.document()->architecture();
    window.compare()->duplicateAction()->trigger();
    CompareWindow* compare = window.compare()->window();
    QVERIFY2(compare->isVisible(), "the compare window should open");
    QCOMPARE(compare->document(0)->architecture(), original);
    QCOMPARE(compare->document(1)->architecture(), original);

    // "Change one thing" in B, through the undo stack like any edit.
    DesignDocument* b = compare->document(1);
    b->undoStack()->push(new ChangeParamCommand(b, "timeline", "instances", 4));
    QCOMPARE(b->architecture().findBlock("timeline")->params.at("instances"), 4.0);
    QCOMPARE(compare->document(0)->architecture(), original);
    QCOMPARE(window.document()->architecture(), original);
    b->undoStack()->undo();
    QCOMPARE(b->architecture(), original);
}

void CompareModeTest::compare_with_takes_the_open_design_as_a()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QVERIFY(window.openFile(testing::examplePath("twitter-fanout-write.scalelab")).isEmpty());
    const QString error = window.compare()->compareWith(testing::examplePath("twitter-fanout-read.scalelab"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CompareWindow* compare = window.compare()->window();
    QCOMPARE(compare->document(0)->architecture(), window.document()->architecture());
    QCOMPARE(compare->document(1)->architecture(), testing::readExample("twitter-fanout-read.scalelab"));
    const QString missing = window.compare()->compareWith(testing::examplePath("no-such-design.scalelab"));
    QVERIFY2(missing.contains("no-such-design"), qPrintable("the error should name the file, got: " + missing));
}

void CompareModeTest::opens_a_bundled_card()
{
    const QStringList cards = TradeoffCardFile::bundled();
    QVERIFY2(!cards.isEmpty(), "the app should bundle trade-off cards under :/tradeoffs");
    const QString path = cards.first();
    const io::TradeoffPair expected = TradeoffCardFile::load(path);

    app::MainWindow window(app::MainWindow::Options::headless());
    window.openTradeoffCard(path);
    CompareWindow* compare = window.compare()->window();
    QVERIFY2(compare->isVisible(), "the card should open the compare window");
    QCOMPARE(compare->cardName(), TradeoffCardFile::cardName(path));
    QVERIFY2(compare->cardLabel()->text().contains(QString::fromStdString(expected.card.title).toHtmlEscaped()),
             qPrintable("the card's title should show, got: " + compare->cardLabel()->text()));
    // The window holds the card's designs as read (before the stated traffic is applied, both alike).
    QCOMPARE(compare->document(0)->architecture().blocks.size(), expected.a.blocks.size());
    QCOMPARE(compare->document(1)->architecture().blocks.size(), expected.b.blocks.size());
    QCOMPARE(compare->document(0)->architecture().name, expected.a.name);
    QCOMPARE(compare->document(1)->architecture().name, expected.b.name);
}

void CompareModeTest::browser_lists_every_bundled_card()
{
    TradeoffCardBrowser browser;
    QCOMPARE(browser.cardCount(), TradeoffCardFile::bundled().size());
    QSignalSpy chosen(&browser, &TradeoffCardBrowser::cardChosen);
    // The first card under the first topic.
    QTreeWidgetItem* topic = browser.tree()->topLevelItem(0);
    QVERIFY(topic && topic->childCount() > 0);
    QTreeWidgetItem* card = topic->child(0);
    QVERIFY2(!card->text(1).isEmpty() && !card->text(2).isEmpty(), "each card should show its tier and question");
    browser.tree()->setCurrentItem(card);
    emit browser.tree()->itemActivated(card, 0);
    QCOMPARE(chosen.count(), 1);
    QVERIFY(TradeoffCardFile::bundled().contains(chosen.first().first().toString()));

    browser.setFilterText("zzz-no-card-has-this");
    QVERIFY2(topic->isHidden(), "a filter no card matches should hide every topic");
}

QTEST_MAIN(CompareModeTest)
#include "CompareModeTest.moc"
