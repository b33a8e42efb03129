// The canvas's right-click menu: a right click selects what it hits and
// offers, on a block, the faults its kind can take (disabled, with the
// reason, until a run is on) and the Edit actions; a fault chosen there
// reaches the running engine as the Faults dock's would.
#include "../widgets/WidgetTestSupport.h"
#include "CanvasContextMenu.h"
#include "MainWindow.h"
#include "RunDocks.h"
#include "canvas/BlockItem.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "canvas/LinkItem.h"
#include "document/DesignDocument.h"
#include "model/FaultCatalog.h"
#include "run/RunController.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace scalelab;
using namespace scalelab::testing;

namespace {

QAction* findAction(const QMenu& menu, const QString& prefix)
{
    for (QAction* action : menu.actions())
        if (action->text().startsWith(prefix))
            return action;
    return nullptr;
}

// The menu's fault entries: those the catalogue has for block faults.
QStringList faultEntries(const QMenu& menu)
{
    QStringList entries;
    for (QAction* action : menu.actions())
        for (const model::FaultSpec& spec : model::faultSpecs())
            if (spec.target == model::FaultSpec::Target::Block &&
                action->text().startsWith(QString::fromStdString(spec.label)))
                entries << action->text();
    return entries;
}

} // namespace

class CanvasContextMenuTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void a_right_click_selects_the_block_and_pops_its_menu()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openExample(":/examples/three-tier.scalelab"), QString());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->blockItem("lb")->setSelected(true);
        widgets::CanvasView* view = window.view();
        const QPoint at = view->mapFromScene(window.scene()->blockItem("app")->sceneBoundingRect().center());
        QSignalSpy requested(view, &widgets::CanvasView::contextMenuRequested);
        QContextMenuEvent click(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &click);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(1).toString(), QString("app"));
        QCOMPARE(window.scene()->selectedBlockIds(), std::vector<std::string>{"app"}); // the menu acts on it alone
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY2(menu, "no menu popped up");
        QVERIFY(findAction(*menu, "Crash instances"));
        menu->close();

        // On the background: the selection goes, and the menu has no faults.
        const QPoint empty = view->mapFromScene(window.scene()->blockItem("app")->sceneBoundingRect().center() +
                                                QPointF(0, 400));
        QContextMenuEvent background(QContextMenuEvent::Mouse, empty, view->viewport()->mapToGlobal(empty));
        QApplication::sendEvent(view->viewport(), &background);
        QCOMPARE(requested.last().at(1).toString(), QString());
        QVERIFY(window.scene()->selectedBlockIds().empty());
        menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY2(menu, "no menu popped up on the background");
        QVERIFY(faultEntries(*menu).isEmpty());
        QVERIFY(menu->actions().contains(window.action("paste")));
        QVERIFY(menu->actions().contains(window.action("fit")));
        menu->close();

        // The menu key acts on the selection as it is.
        window.scene()->blockItem("cache")->setSelected(true);
        QContextMenuEvent key(QContextMenuEvent::Keyboard, QPoint(5, 5), view->viewport()->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(view->viewport(), &key);
        QCOMPARE(requested.last().at(1).toString(), QString("cache"));
        QCOMPARE(window.scene()->selectedBlockIds(), std::vector<std::string>{"cache"});
        menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY2(menu && findAction(*menu, "Flush cache"), "the menu key gave no cache menu");
        menu->close();
    }

    void each_block_is_offered_the_faults_of_its_kind_and_refused_without_a_run()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openExample(":/examples/three-tier.scalelab"), QString());
        const app::CanvasContextMenu contextMenu(&window);
        for (const model::Block& block : window.document()->architecture().blocks) {
            const auto menu = contextMenu.build(QString::fromStdString(block.id));
            QStringList expected;
            for (const model::FaultSpec& spec : model::faultSpecs())
                if (spec.target == model::FaultSpec::Target::Block && spec.appliesTo(block.kind))
                    expected << QString::fromStdString(spec.label);
            const QStringList entries = faultEntries(*menu);
            QCOMPARE(entries.size(), expected.size());
            for (int i = 0; i < entries.size(); ++i) {
                QVERIFY2(entries[i].startsWith(expected[i]), qPrintable(entries[i] + " for " + expected[i]));
                QAction* action = findAction(*menu, entries[i]);
                QVERIFY2(!action->isEnabled(), qPrintable(entries[i] + " is enabled with no run"));
                QVERIFY2(action->toolTip().contains("Play"), qPrintable(action->toolTip()));
            }
            QVERIFY(menu->actions().contains(window.action("delete")));
        }
        const auto cache = contextMenu.build("cache");
        QVERIFY(findAction(*cache, "Flush cache"));
        const auto app = contextMenu.build("app");
        QVERIFY(findAction(*app, "Crash instances (1 instance)")); // the catalogue's default, singular
        QVERIFY(!findAction(*app, "Flush cache"));
    }

    void a_link_offers_to_cut_it()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openExample(":/examples/three-tier.scalelab"), QString());
        window.scene()->linkItem({"app", "cache"})->setSelected(true);
        const app::CanvasContextMenu contextMenu(&window);
        const auto menu = contextMenu.build({});
        QAction* cut = findAction(*menu, "Cut link");
        QVERIFY2(cut, "no Cut link on a selected link");
        QVERIFY(!cut->isEnabled()); // no run yet
        QVERIFY(findAction(*menu, "Recover"));
        QVERIFY(menu->actions().contains(window.action("delete")));
        QVERIFY(!menu->actions().contains(window.action("paste"))); // a link's menu, not the background's
    }

    void a_fault_chosen_in_the_menu_reaches_the_running_engine()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openExample(":/examples/three-tier.scalelab"), QString());
        widgets::RunController* run = window.run()->controller();
        run->setSpeed(100);
        run->play();
        QVERIFY2(waitForSnapshot(*run, [](const stats::Snapshot& s) { return s.simSeconds >= 1; }),
                 qPrintable(describeRun(*run)));
        const app::CanvasContextMenu contextMenu(&window);
        const auto menu = contextMenu.build("app");
        QAction* crash = findAction(*menu, "Crash instances");
        QVERIFY(crash && crash->isEnabled());
        QSignalSpy applied(run, &widgets::RunController::faultApplied);
        crash->trigger();
        QVERIFY2(applied.wait(10000), "the crash never reached the engine");
        QVERIFY2(applied.first().at(0).toString().contains("app"), qPrintable(applied.first().at(0).toString()));
        QVERIFY2(waitForSnapshot(*run,
                                 [](const stats::Snapshot& s) {
                                     const stats::BlockSnapshot* app = blockOf(s, "app");
                                     return app && app->extras.count("instances_down") &&
                                            app->extras.at("instances_down") == 1;
                                 }),
                 qPrintable(describeRun(*run)));
        QAction* recover = findAction(*menu, "Recover");
        QVERIFY(recover && recover->isEnabled());
        recover->trigger();
        QVERIFY2(waitForSnapshot(*run,
                                 [](const stats::Snapshot& s) {
                                     const stats::BlockSnapshot* app = blockOf(s, "app");
                                     return app && (!app->extras.count("instances_down") ||
                                                    app->extras.at("instances_down") == 0);
                                 }),
                 qPrintable(describeRun(*run)));
        run->reset();
    }
};

QTEST_MAIN(CanvasContextMenuTest)
#include "CanvasContextMenuTest.moc"
