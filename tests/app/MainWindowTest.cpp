// The editor window's file workflow and edit actions, offscreen: save then
// load round-trips the model, a malformed file leaves the open design alone,
// the title tracks unsaved changes, and the screenshot mode writes a PNG.
// Its layout: the canvas has most of a laptop-sized window, the Block dock
// shows only a selected, existing block, Reset Layout and the saved layout
// bring back what they should.
#include "../widgets/WidgetTestSupport.h"
#include "DockLayout.h"
#include "GuiStartup.h"
#include "MainWindow.h"
#include "RunDocks.h"
#include "Screenshot.h"
#include "ShowWindow.h"
#include "canvas/CanvasView.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "examples/ExampleLibrary.h"
#include "examples/GalleryDialog.h"
#include "io/ScenarioFile.h"
#include "plots/BlockDetailPlots.h"
#include "properties/PropertyEditor.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMap>
#include <QSettings>
#include <QTabBar>
#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace scalelab;
using scalelab::testing::writeFile;

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void default_example_opens();
    void save_then_load_gives_same_model();
    void a_file_without_positions_opens_laid_out_and_unmodified();
    void malformed_file_leaves_design_untouched();
    void title_marks_unsaved_changes();
    void copy_paste_and_duplicate_actions();
    void examples_gallery_lists_examples();
    void screenshot_writes_png();
    void screenshot_fails_on_bad_file();
    void canvas_gets_most_of_a_laptop_window_data();
    void canvas_gets_most_of_a_laptop_window();
    void block_dock_shows_only_a_selected_block();
    void block_dock_is_a_tab_while_a_lesson_holds_the_column();
    void undone_block_leaves_no_trace_in_the_docks();
    void reset_layout_restores_the_default();
    void saved_layout_is_restored_by_a_new_window();
};

namespace {

// Where every shown dock is, by name: what a user sees of the arrangement.
QMap<QString, QRect> dockGeometries(const QMainWindow& window)
{
    QMap<QString, QRect> geometries;
    for (const QDockWidget* dock : window.findChildren<QDockWidget*>())
        if (dock->isVisible())
            geometries.insert(dock->objectName(), dock->geometry());
    return geometries;
}

using testing::showAt;

// Tab bars of the dock groups that cut a title short: elided, or narrower than their tabs.
QStringList cutTabs(const QMainWindow& window)
{
    QStringList cut;
    for (const QTabBar* bar : window.findChildren<QTabBar*>(Qt::FindDirectChildrenOnly))
        if (bar->isVisible())
            for (int i = 0; i < bar->count(); ++i)
                if (bar->elideMode() != Qt::ElideNone || bar->sizeHint().width() > bar->width())
                    cut << bar->tabText(i);
    return cut;
}

} // namespace

void MainWindowTest::default_example_opens()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openExample(widgets::ExampleLibrary::kDefaultExample), QString());
    const size_t blocks = window.document()->architecture().blocks.size();
    QVERIFY2(blocks >= 2, qPrintable(QString("the default example has %1 block(s)").arg(blocks)));
    QVERIFY2(window.document()->filePath().isEmpty(), "an example must open untitled, so Save cannot overwrite it");
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.scene()->blockCount(), static_cast<int>(window.document()->architecture().blocks.size()));
}

void MainWindowTest::save_then_load_gives_same_model()
{
    QTemporaryDir dir;
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openExample(widgets::ExampleLibrary::kDefaultExample), QString());
    // Edit it first, so the file holds more than the example did.
    const std::string added = window.scene()->addBlock("cache", {900, 400});
    window.scene()->selectBlocks({added});
    const model::Architecture edited = window.document()->architecture();
    QVERIFY(window.document()->isModified());

    const QString path = dir.filePath("shop.scalelab");
    QCOMPARE(window.saveTo(path), QString());
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.document()->filePath(), path);

    app::MainWindow other(app::MainWindow::Options::headless());
    QCOMPARE(other.openFile(path), QString());
    QVERIFY2(other.document()->architecture() == edited, "the loaded design differs from the saved one");
    QCOMPARE(other.scene()->blockCount(), static_cast<int>(edited.blocks.size()));
}

void MainWindowTest::a_file_without_positions_opens_laid_out_and_unmodified()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("by-hand.scalelab");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "scalelab", "version": 1, "name": "No positions",
      "blocks": [{"id": "users", "kind": "client"}, {"id": "lb", "kind": "load_balancer"},
                 {"id": "app", "kind": "service"}],
      "links": [{"from": "users", "to": "lb"}, {"from": "lb", "to": "app"}]})");
    file.close();
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openFile(path), QString());
    const model::Architecture& design = window.document()->architecture();
    for (size_t i = 0; i < design.blocks.size(); ++i)
        for (size_t j = i + 1; j < design.blocks.size(); ++j)
            QVERIFY2(design.blocks[i].x != design.blocks[j].x || design.blocks[i].y != design.blocks[j].y,
                     "two blocks share a position");
    QVERIFY2(!window.document()->isModified(), "laying out a file as it opens is not an edit");
    QVERIFY(!window.document()->undoStack()->canUndo());

    // A design laid out by its author keeps its positions.
    QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
    const model::Architecture threeTier = io::readScenario(testing::examplePath("three-tier.scalelab").toStdString());
    for (const model::Block& block : threeTier.blocks) {
        const model::Block* opened = window.document()->architecture().findBlock(block.id);
        QVERIFY(opened);
        QCOMPARE(QPointF(opened->x, opened->y), QPointF(block.x, block.y));
    }
}

void MainWindowTest::malformed_file_leaves_design_untouched()
{
    QTemporaryDir dir;
    app::MainWindow window(app::MainWindow::Options::headless());
    const QString good = dir.filePath("good.scalelab");
    QCOMPARE(window.openExample(widgets::ExampleLibrary::kDefaultExample), QString());
    QCOMPARE(window.saveTo(good), QString());
    window.scene()->addBlock("service", {0, 600}); // unsaved work that must survive
    const model::Architecture before = window.document()->architecture();
    const int undoSteps = window.document()->undoStack()->count();

    const QString truncated = writeFile(dir, "broken.scalelab", R"({"format": "scalelab", "version": 1, "blocks": [)");
    const QString badValue = writeFile(
        dir, "bad-value.scalelab",
        R"({"format": "scalelab", "version": 1, "name": "x", "blocks": [{"id": "s", "kind": "service", "params": {"workers": 0}}], "links": []})");
    for (const QString& path : {truncated, badValue, dir.filePath("missing.scalelab")}) {
        const QString error = window.openFile(path);
        QVERIFY2(!error.isEmpty(), qPrintable("no error for " + path));
        QVERIFY2(error.startsWith(QFileInfo(path).fileName()), qPrintable("error does not name the file: " + error));
        QVERIFY2(window.document()->architecture() == before, "a failed load changed the open design");
        QCOMPARE(window.document()->filePath(), good);
        QCOMPARE(window.document()->undoStack()->count(), undoSteps);
    }
    const QString badValueError = window.openFile(badValue);
    QVERIFY2(badValueError.contains("workers"), qPrintable("the error should name the parameter: " + badValueError));
}

void MainWindowTest::title_marks_unsaved_changes()
{
    QTemporaryDir dir;
    app::MainWindow window(app::MainWindow::Options::headless());
    window.newDesign();
    QVERIFY2(window.windowTitle().startsWith("Untitled[*]"), qPrintable("title: " + window.windowTitle()));
    QVERIFY(!window.isWindowModified());
    window.scene()->addBlock("client", {0, 0});
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.saveTo(dir.filePath("mine.scalelab")), QString());
    QVERIFY2(window.windowTitle().startsWith("mine.scalelab[*]"), qPrintable("title: " + window.windowTitle()));
    QVERIFY(!window.isWindowModified());
    window.action("undo")->trigger();
    QVERIFY(window.isWindowModified());
    window.action("redo")->trigger();
    QVERIFY(!window.isWindowModified());
}

void MainWindowTest::copy_paste_and_duplicate_actions()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    window.newDesign();
    auto* scene = window.scene();
    const std::string client = scene->addBlock("client", {100, 100});
    const std::string service = scene->addBlock("service", {400, 100});
    QCOMPARE(scene->tryLink(client, service), QString());
    scene->selectBlocks({client, service});
    window.action("copy")->trigger();
    window.action("paste")->trigger();
    const auto& design = window.document()->architecture();
    QCOMPARE(design.blocks.size(), size_t(4));
    QCOMPARE(design.links.size(), size_t(2));
    QCOMPARE(design.links[1].from, std::string("client2"));
    QCOMPARE(design.links[1].to, std::string("service2"));
    window.action("duplicate")->trigger();
    QCOMPARE(design.blocks.size(), size_t(6));
    window.action("selectAll")->trigger();
    window.action("delete")->trigger();
    QVERIFY2(design.blocks.empty(),
             qPrintable(QString("%1 block(s) left after Select all, Delete").arg(design.blocks.size())));
    window.action("undo")->trigger();
    QCOMPARE(design.blocks.size(), size_t(6));
}

void MainWindowTest::examples_gallery_lists_examples()
{
    const auto examples = widgets::ExampleLibrary::all();
    QVERIFY2(examples.size() >= 2, qPrintable(QString("%1 example(s)").arg(examples.size())));
    QCOMPARE(examples.front().path, QString(widgets::ExampleLibrary::kDefaultExample));
    for (const auto& example : examples) {
        QVERIFY2(!example.design.name.empty(), qPrintable(example.path + " has no name"));
        QVERIFY2(!example.design.description.empty(), qPrintable(example.path + " has no description"));
    }
    widgets::GalleryDialog dialog(widgets::ExampleLibrary::kExamplesFolder, "Examples", "none");
    QCOMPARE(dialog.count(), static_cast<int>(examples.size()));
    QVERIFY(!dialog.selectedPath().isEmpty()); // the first design of the first topic
    dialog.setFilterText("no design says this");
    QCOMPARE(dialog.shownCount(), 0);
    QCOMPARE(dialog.selectedPath(), QString());
    // An empty folder opens with its message rather than failing.
    widgets::GalleryDialog none(":/no-such-folder", "Lessons", "No lessons yet.");
    QCOMPARE(none.count(), 0);
    QCOMPARE(none.selectedPath(), QString());
}

void MainWindowTest::screenshot_writes_png()
{
    QTemporaryDir dir;
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openExample(widgets::ExampleLibrary::kDefaultExample), QString());
    const QString out = dir.filePath("shot.png");
    QCOMPARE(app::Screenshot::capture(window, {1200, 800}, out), QString());
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1200, 800));
    QVERIFY2(!app::Screenshot::capture(window, {1200, 800}, dir.filePath("no/such/dir/shot.png")).isEmpty(),
             "a screenshot into a missing folder reported no error");
    QCOMPARE(app::Screenshot::parseSize("1600x1000"), QSize(1600, 1000));
    QVERIFY(!app::Screenshot::parseSize("big").isValid());
}

void MainWindowTest::screenshot_fails_on_bad_file()
{
    QTemporaryDir dir;
    const QString broken = writeFile(dir, "broken.scalelab", "{");
    const QString out = dir.filePath("shot.png");
    QCOMPARE(app::GuiStartup::run({"scalelab", "--screenshot", out, broken}), 1);
    QVERIFY2(!QFile::exists(out), "a failed screenshot left a file behind");
    QCOMPARE(app::GuiStartup::run({"scalelab", "--screenshot", out, "--size", "huge"}), 2);
    QCOMPARE(app::GuiStartup::run({"scalelab", "--screenshot", out, "--size", "800x600"}), 0);
    QCOMPARE(QImage(out).size(), QSize(800, 600));
}

void MainWindowTest::canvas_gets_most_of_a_laptop_window_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("share");
    // With the palette at its names' width (200 px), the properties column
    // at 300 px and a plot row of 176 px, the canvas of a 1280 x 800 window
    // can have (1280 - 200 - 300 - 24) x (800 - 90 - 176 - 8) = 39% of it,
    // and no dock more than half as much; a wider window gives it more.
    QTest::newRow("1280x800") << QSize(1280, 800) << 0.38;
    QTest::newRow("1366x768") << QSize(1366, 768) << 0.38;
    QTest::newRow("1920x1080") << QSize(1920, 1080) << 0.43;
}

void MainWindowTest::canvas_gets_most_of_a_laptop_window()
{
    QFETCH(QSize, size);
    QFETCH(double, share);
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
    showAt(window, size);
    const QSize canvas = window.view()->size();
    const double area = double(canvas.width()) * canvas.height() / (double(size.width()) * size.height());
    QVERIFY2(area >= share, qPrintable(QString("the canvas is %1 x %2, %3% of the window")
                                           .arg(canvas.width())
                                           .arg(canvas.height())
                                           .arg(area * 100, 0, 'f', 1)));
    // No dock is larger than the canvas, and no dock tab is cut short.
    for (const auto& [name, rect] : dockGeometries(window).asKeyValueRange())
        QVERIFY2(2 * rect.width() * rect.height() < canvas.width() * canvas.height(),
                 qPrintable(QString("%1 is %2 x %3").arg(name).arg(rect.width()).arg(rect.height())));
    QVERIFY2(cutTabs(window).isEmpty(), qPrintable("cut tabs: " + cutTabs(window).join(", ")));
}

void MainWindowTest::block_dock_is_a_tab_while_a_lesson_holds_the_column()
{
    // Lesson, properties and the block's plots stacked would leave each a
    // sliver at 1920 x 1080 (the lesson's goal was cut): the plots join the
    // properties' tabs instead, and the instructions keep their room.
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openFile(QStringLiteral(SCALELAB_SOURCE_DIR "/resources/lessons/scale-up-or-out.scalelab")),
             QString());
    showAt(window, {1920, 1080});
    auto* lesson = window.findChild<QDockWidget*>("LessonDock");
    auto* properties = window.findChild<QDockWidget*>("PropertyDock");
    QVERIFY(lesson && properties);
    QTRY_VERIFY(lesson->isVisible());
    window.scene()->selectBlocks({"app"});
    QDockWidget* block = window.run()->blockDock();
    QTRY_VERIFY(window.tabifiedDockWidgets(properties).contains(block));
    QVERIFY2(properties->isVisible() && !properties->visibleRegion().isEmpty(), "the properties are not the open tab");
    QTRY_VERIFY2(lesson->height() >= 300, qPrintable(QString("lesson dock %1 px").arg(lesson->height())));
}

void MainWindowTest::block_dock_shows_only_a_selected_block()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
    showAt(window, {1280, 800});
    QDockWidget* block = window.run()->blockDock();
    QVERIFY2(block->isHidden(), "the Block dock shows with nothing selected");

    window.scene()->selectBlocks({"app"});
    QTRY_VERIFY(block->isVisible());
    QCOMPARE(window.run()->blockPlots()->block(), QString("app"));
    QVERIFY2(block->windowTitle().contains("App servers"), qPrintable(block->windowTitle()));
    // Tall enough for its cost line and one plot with its ticks apart (the
    // others scroll), while the form above keeps the larger share: at this
    // size its first parameters show without scrolling.
    QTRY_VERIFY2(block->widget()->height() >= 200, qPrintable(QString("%1 px").arg(block->widget()->height())));
    auto* properties = window.findChild<QDockWidget*>("PropertyDock");
    QTRY_VERIFY2(properties->height() > block->height(),
                 qPrintable(QString("properties %1 px, block %2 px").arg(properties->height()).arg(block->height())));

    window.scene()->selectBlocks({"app", "db"});
    QTRY_VERIFY2(block->isHidden(), "the Block dock stays with two blocks selected");
    window.scene()->selectBlocks({"db"});
    QTRY_VERIFY(block->isVisible());
    QCOMPARE(window.run()->blockPlots()->block(), QString("db"));
    window.scene()->clearSelection();
    QTRY_VERIFY2(block->isHidden(), "the Block dock stays after the selection is cleared");
    QCOMPARE(window.run()->blockPlots()->block(), QString());
}

void MainWindowTest::undone_block_leaves_no_trace_in_the_docks()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
    showAt(window, {1280, 800});
    const std::string added = window.scene()->addBlock("cache", {900, 500});
    window.scene()->selectBlocks({added});
    QTRY_VERIFY(window.run()->blockDock()->isVisible());
    QCOMPARE(window.run()->blockPlots()->block(), QString::fromStdString(added));
    QVERIFY(window.propertyEditor()->idEdit());
    QCOMPARE(window.propertyEditor()->idEdit()->text(), QString::fromStdString(added));

    window.action("undo")->trigger();
    QVERIFY(!window.document()->architecture().findBlock(added));
    QCOMPARE(window.run()->blockPlots()->block(), QString());
    QVERIFY2(window.run()->blockDock()->isHidden(), qPrintable(window.run()->blockDock()->windowTitle()));
    QVERIFY2(!window.run()->blockDock()->windowTitle().contains(QString::fromStdString(added)),
             qPrintable(window.run()->blockDock()->windowTitle()));
    QVERIFY2(!window.propertyEditor()->idEdit(), "the property editor still edits the undone block");

    // Redo brings the block back, unselected; a design opened over a selection clears it too.
    window.action("redo")->trigger();
    window.scene()->selectBlocks({added});
    QTRY_VERIFY(window.run()->blockDock()->isVisible());
    QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
    QCOMPARE(window.run()->blockPlots()->block(), QString());
    QVERIFY(window.run()->blockDock()->isHidden());
    QVERIFY(!window.propertyEditor()->idEdit());
}

void MainWindowTest::reset_layout_restores_the_default()
{
    app::MainWindow window(app::MainWindow::Options::headless());
    QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
    showAt(window, {1280, 800});
    const QMap<QString, QRect> defaults = dockGeometries(window);
    QVERIFY(defaults.contains("PaletteDock") && defaults.contains("CostDock"));

    // The user rearranges: the cost moves left, the plot row grows, the palette goes.
    auto* cost = window.findChild<QDockWidget*>("CostDock");
    window.addDockWidget(Qt::LeftDockWidgetArea, cost);
    window.resizeDocks({window.findChild<QDockWidget*>("LatencyDock")}, {380}, Qt::Vertical);
    window.findChild<QDockWidget*>("PaletteDock")->hide();
    QApplication::processEvents();
    QVERIFY(dockGeometries(window) != defaults);

    window.action("resetLayout")->trigger();
    QApplication::processEvents();
    const QMap<QString, QRect> reset = dockGeometries(window);
    QCOMPARE(reset.keys(), defaults.keys());
    for (const auto& [name, rect] : defaults.asKeyValueRange()) {
        const QRect now = reset.value(name);
        // Within the few pixels the splitters' rounding may move.
        QVERIFY2((now.topLeft() - rect.topLeft()).manhattanLength() <= 4 && std::abs(now.width() - rect.width()) <= 4
                     && std::abs(now.height() - rect.height()) <= 4,
                 qPrintable(QString("%1 was %2,%3 %4x%5, now %6,%7 %8x%9")
                                .arg(name)
                                .arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height())
                                .arg(now.x()).arg(now.y()).arg(now.width()).arg(now.height())));
    }
}

void MainWindowTest::saved_layout_is_restored_by_a_new_window()
{
    QSettings().clear(); // the test-mode settings, apart from the user's
    app::MainWindow::Options options = app::MainWindow::Options::headless();
    options.useSettings = true;
    int latencyHeight = 0;
    {
        app::MainWindow first(options);
        QCOMPARE(first.openFile(testing::examplePath("three-tier.scalelab")), QString());
        showAt(first, {1280, 800});
        first.findChild<QDockWidget*>("PaletteDock")->hide();
        first.resizeDocks({first.findChild<QDockWidget*>("LatencyDock")}, {300}, Qt::Vertical);
        QApplication::processEvents();
        latencyHeight = first.findChild<QDockWidget*>("LatencyDock")->height();
        QVERIFY(first.close());
    }
    app::MainWindow second(options);
    QCOMPARE(second.openFile(testing::examplePath("three-tier.scalelab")), QString());
    // The offscreen screen is 800 x 600: restoreGeometry fits the window to
    // it. On the size it was saved at, the docks must be as they were.
    second.resize(1280, 800);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QApplication::processEvents();
    QVERIFY2(second.findChild<QDockWidget*>("PaletteDock")->isHidden(), "the hidden palette came back");
    QCOMPARE(second.findChild<QDockWidget*>("LatencyDock")->height(), latencyHeight);

    // A layout saved by an older arrangement is not restored: the default is.
    QSettings().setValue("window/state", second.saveState(app::DockLayout::kStateVersion - 1));
    app::MainWindow third(options);
    QVERIFY(!third.findChild<QDockWidget*>("PaletteDock")->isHidden());
    QSettings().clear();
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
