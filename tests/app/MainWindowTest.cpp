// The editor window's file workflow and edit actions, offscreen: save then
// load round-trips the model, a malformed file leaves the open design alone,
// the title tracks unsaved changes, and the screenshot mode writes a PNG.
#include "../widgets/WidgetTestSupport.h"
#include "GuiStartup.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "examples/ExampleLibrary.h"
#include "examples/GalleryDialog.h"
#include "io/ScenarioFile.h"

#include <QAction>
#include <QApplication>
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
    void malformed_file_leaves_design_untouched();
    void title_marks_unsaved_changes();
    void copy_paste_and_duplicate_actions();
    void examples_gallery_lists_examples();
    void screenshot_writes_png();
    void screenshot_fails_on_bad_file();
};

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

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
