// The editor window's file workflow and edit actions, offscreen: save then
// load round-trips the model, a malformed file leaves the open design alone,
// the title tracks unsaved changes, and the screenshot mode writes a PNG.
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

namespace {


QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(text);
    return file.fileName();
}

} // namespace

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
    QVERIFY(window.openExample(widgets::ExampleLibrary::kDefaultExample).isEmpty());
    QVERIFY(window.document()->architecture().blocks.size() >= 2);
    QVERIFY2(window.document()->filePath().isEmpty(), "an example must open untitled, so Save cannot overwrite it");
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.scene()->blockCount(), static_cast<int>(window.document()->architecture().blocks.size()));
}

void MainWindowTest::save_then_load_gives_same_model()
{
    QTemporaryDir dir;
    app::MainWindow window(app::MainWindow::Options::headless());
    QVERIFY(window.openExample(widgets::ExampleLibrary::kDefaultExample).isEmpty());
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
    QVERIFY(window.openExample(widgets::ExampleLibrary::kDefaultExample).isEmpty());
    QCOMPARE(window.saveTo(good), QString());
    window.scene()->addBlock("service", {0, 600}); // unsaved work that must survive
    const model::Architecture before = window.document()->architecture();
    const int undoSteps = window.document()->undoStack()->count();

    const QString truncated = writeText(dir, "broken.scalelab", R"({"format": "scalelab", "version": 1, "blocks": [)");
    const QString badValue = writeText(
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
    QVERIFY(window.openFile(badValue).contains("workers"));
}

void MainWindowTest::title_marks_unsaved_changes()
{
    QTemporaryDir dir;
    app::MainWindow window(app::MainWindow::Options::headless());
    window.newDesign();
    QVERIFY(window.windowTitle().startsWith("Untitled[*]"));
    QVERIFY(!window.isWindowModified());
    window.scene()->addBlock("client", {0, 0});
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.saveTo(dir.filePath("mine.scalelab")), QString());
    QVERIFY(window.windowTitle().startsWith("mine.scalelab[*]"));
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
    QVERIFY(scene->tryLink(client, service).isEmpty());
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
    QVERIFY(design.blocks.empty());
    window.action("undo")->trigger();
    QCOMPARE(design.blocks.size(), size_t(6));
}

void MainWindowTest::examples_gallery_lists_examples()
{
    const auto examples = widgets::ExampleLibrary::all();
    QVERIFY(examples.size() >= 2);
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
    QVERIFY(dialog.selectedPath().isEmpty());
    // An empty folder opens with its message rather than failing.
    widgets::GalleryDialog none(":/no-such-folder", "Lessons", "No lessons yet.");
    QCOMPARE(none.count(), 0);
    QVERIFY(none.selectedPath().isEmpty());
}

void MainWindowTest::screenshot_writes_png()
{
    QTemporaryDir dir;
    app::MainWindow window(app::MainWindow::Options::headless());
    QVERIFY(window.openExample(widgets::ExampleLibrary::kDefaultExample).isEmpty());
    const QString out = dir.filePath("shot.png");
    QCOMPARE(app::Screenshot::capture(window, {1200, 800}, out), QString());
    const QImage image(out);
    QCOMPARE(image.size(), QSize(1200, 800));
    QVERIFY(!app::Screenshot::capture(window, {1200, 800}, dir.filePath("no/such/dir/shot.png")).isEmpty());
    QCOMPARE(app::Screenshot::parseSize("1600x1000"), QSize(1600, 1000));
    QVERIFY(!app::Screenshot::parseSize("big").isValid());
}

void MainWindowTest::screenshot_fails_on_bad_file()
{
    QTemporaryDir dir;
    const QString broken = writeText(dir, "broken.scalelab", "{");
    const QString out = dir.filePath("shot.png");
    QCOMPARE(app::GuiStartup::run({"scalelab", "--screenshot", out, broken}), 1);
    QVERIFY(!QFile::exists(out));
    QCOMPARE(app::GuiStartup::run({"scalelab", "--screenshot", out, "--size", "huge"}), 2);
    QCOMPARE(app::GuiStartup::run({"scalelab", "--screenshot", out, "--size", "800x600"}), 0);
    QCOMPARE(QImage(out).size(), QSize(800, 600));
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
