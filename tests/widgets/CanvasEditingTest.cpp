// Canvas editing through the real scene, view and property editor, with
// QTest mouse events where a user would use the mouse. Every edit is undone
// and redone, and the design must come back exactly (model::Architecture ==).
#include "QtText.h"
#include "WidgetTestSupport.h"
#include "canvas/BlockItem.h"
#include "canvas/CalloutItem.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "canvas/LinkItem.h"
#include "document/DesignClipboard.h"
#include "document/DesignDocument.h"
#include "palette/BlockPalette.h"
#include "properties/ParamField.h"
#include "properties/PropertyEditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace scalelab;
using namespace scalelab::widgets;
using namespace scalelab::testing;

namespace {

// A window with a palette and a canvas, laid out like the editor's.
struct Editor {
    DesignDocument document;
    CanvasScene scene{&document};
    QWidget window;
    BlockPalette* palette = new BlockPalette;
    CanvasView* view = new CanvasView(&scene);

    Editor()
    {
        auto* layout = new QHBoxLayout(&window);
        layout->addWidget(palette);
        layout->addWidget(view, 1);
        window.resize(1000, 700);
        window.show();
        QVERIFY2(QTest::qWaitForWindowExposed(&window), "the editor window was never shown");
        view->resetZoom();
        view->centerOn(QPointF(300, 100));
    }

    QUndoStack* stack() { return document.undoStack(); }
    const model::Architecture& design() { return document.architecture(); }
    QPoint viewPoint(QPointF scenePos) { return view->mapFromScene(scenePos); }
    BlockItem* item(const std::string& id) { return scene.blockItem(toQString(id)); }
    // Adds a block whose top-left corner is at `topLeft` (grid-aligned).
    std::string add(const std::string& kind, QPointF topLeft)
    {
        return scene.addBlock(kind, topLeft + QPointF(100, 48));
    }
};

// Undo back to the stack index `mark` (taken before the edit) and redo to
// the end, checking the design at both ends.
void checkUndoRedo(Editor& editor, int mark, const model::Architecture& before, const model::Architecture& after)
{
    while (editor.stack()->index() > mark)
        editor.stack()->undo();
    QVERIFY2(editor.design() == before, "undo did not restore the design as it was before the edit");
    while (editor.stack()->canRedo())
        editor.stack()->redo();
    QVERIFY2(editor.design() == after, "redo did not reproduce the edited design");
}

} // namespace

class CanvasEditingTest : public QObject {
    Q_OBJECT
private slots:
    void drag_from_palette_adds_block_where_dropped();
    void add_block_undo_redo();
    void link_by_dragging_from_output_port_undo_redo();
    void invalid_link_is_refused_with_reason();
    void move_by_mouse_snaps_and_undoes();
    void delete_removes_links_and_undo_restores_order();
    void paste_gives_new_ids_and_keeps_inner_links();
    void param_edit_merges_into_one_undo_step();
    void rename_and_id_change_are_undoable();
    void duplicate_name_and_id_are_refused();
    void problems_put_badges_on_blocks();
};

void CanvasEditingTest::drag_from_palette_adds_block_where_dropped()
{
    Editor editor;
    QTreeWidgetItem* entry = editor.palette->itemForKind("database");
    QVERIFY2(entry, "the palette has no database entry");
    const QPoint start = editor.palette->visualItemRect(entry).center();
    QWidget* source = editor.palette->viewport();
    // Press and move past the drag distance: the palette starts a drag. The
    // offscreen platform ends QDrag::exec at once, so the drop is delivered
    // below with the very data the palette put on the drag.
    QTest::mousePress(source, Qt::LeftButton, {}, start);
    QTest::mouseMove(source, start + QPoint(5, 0));
    QTest::mouseMove(source, start + QPoint(40, 0));
    QTest::mouseRelease(source, Qt::LeftButton, {}, start + QPoint(40, 0));
    const QModelIndex index = editor.palette->indexFromItem(entry);
    std::unique_ptr<QMimeData> data(editor.palette->model()->mimeData({index}));
    QVERIFY2(data && data->hasFormat(BlockPalette::kMimeType), "the palette's drag data carries no block kind");

    const QPointF target(420, 260);
    const QPoint dropAt = editor.viewPoint(target);
    QDragEnterEvent enter(dropAt, Qt::CopyAction, data.get(), Qt::LeftButton, {});
    QCoreApplication::sendEvent(editor.view->viewport(), &enter);
    QVERIFY2(enter.isAccepted(), "the canvas refused a block dragged from the palette");
    QDropEvent drop(dropAt, Qt::CopyAction, data.get(), Qt::LeftButton, {});
    QCoreApplication::sendEvent(editor.view->viewport(), &drop);

    QCOMPARE(editor.design().blocks.size(), size_t(1));
    const model::Block& block = editor.design().blocks.front();
    QCOMPARE(block.kind, std::string("database"));
    QCOMPARE(block.id, std::string("database"));
    // Centred on the drop point, snapped to the 20-unit grid.
    QVERIFY2(std::abs(block.x + 100 - target.x()) <= 10 && std::abs(block.y + 48 - target.y()) <= 10,
             qPrintable(QString("dropped at (%1, %2), the block's centre is at (%3, %4)")
                            .arg(target.x())
                            .arg(target.y())
                            .arg(block.x + 100)
                            .arg(block.y + 48)));
    QCOMPARE(std::fmod(block.x, 20.0), 0.0);
    QVERIFY2(editor.item("database")->isSelected(), "the dropped block is not selected");
}

void CanvasEditingTest::add_block_undo_redo()
{
    Editor editor;
    const model::Architecture before = editor.design();
    const int mark = editor.stack()->index();
    editor.add("service", {0, 0});
    editor.add("service", {260, 0});
    QCOMPARE(editor.design().blocks.size(), size_t(2));
    QCOMPARE(editor.design().blocks[1].id, std::string("service2"));
    QCOMPARE(editor.design().blocks[1].name, std::string("Service 2"));
    QCOMPARE(editor.stack()->count(), 2);
    checkUndoRedo(editor, mark, before, model::Architecture(editor.design()));
    QVERIFY2(editor.item("service2"), "after undo and redo the canvas has no item for service2");
}

void CanvasEditingTest::link_by_dragging_from_output_port_undo_redo()
{
    Editor editor;
    const std::string client = editor.add("client", {0, 0});
    const std::string service = editor.add("service", {300, 0});
    const model::Architecture before = editor.design();
    const int mark = editor.stack()->index();

    mouseDrag(editor.view->viewport(), editor.viewPoint(editor.item(client)->outputPortPos()),
              editor.viewPoint(editor.item(service)->inputPortPos() + QPointF(40, 0)));

    QCOMPARE(editor.design().links.size(), size_t(1));
    QCOMPARE(editor.design().links[0].from, client);
    QCOMPARE(editor.design().links[0].to, service);
    QVERIFY2(editor.scene.linkItem({client, service}), "the canvas has no item for the new link");
    // Dragging a link must not have moved the source block.
    QCOMPARE(editor.design().blocks[0].x, before.blocks[0].x);
    checkUndoRedo(editor, mark, before, model::Architecture(editor.design()));
    QVERIFY2(editor.scene.linkItem({client, service}), "after undo and redo the canvas has no item for the link");
}

void CanvasEditingTest::invalid_link_is_refused_with_reason()
{
    Editor editor;
    const std::string client = editor.add("client", {0, 0});
    const std::string service = editor.add("service", {300, 0});
    const int steps = editor.stack()->count();
    QSignalSpy refused(&editor.scene, &CanvasScene::linkRefused);

    // Service -> client: a client only sends requests, the registry says no.
    mouseDrag(editor.view->viewport(), editor.viewPoint(editor.item(service)->outputPortPos()),
              editor.viewPoint(editor.item(client)->pos() + QPointF(100, 48)));

    QVERIFY2(editor.design().links.empty(), "a link the registry forbids was created");
    QCOMPARE(editor.stack()->count(), steps);
    QCOMPARE(refused.count(), 1);
    const QString reason = refused.first().first().toString();
    QVERIFY2(reason.contains("only sends requests"), qPrintable("unexpected reason: " + reason));
    bool shown = false;
    for (QGraphicsItem* item : editor.scene.items())
        if (auto* callout = dynamic_cast<CalloutItem*>(item))
            shown = callout->text() == reason;
    QVERIFY2(shown, "the reason is not shown on the canvas");

    // The same rule without the mouse, and the other refusals.
    QVERIFY2(!editor.scene.tryLink(service, client).isEmpty(), "service -> client was linked");
    QVERIFY2(!editor.scene.tryLink(service, service).isEmpty(), "a block was linked to itself");
    QCOMPARE(editor.scene.tryLink(client, service), QString());
    const QString again = editor.scene.tryLink(client, service);
    QVERIFY2(again.contains("already"),
             qPrintable("a second client -> service link should be refused as a duplicate: " + again));
}

void CanvasEditingTest::move_by_mouse_snaps_and_undoes()
{
    Editor editor;
    const std::string id = editor.add("cache", {0, 0});
    const model::Architecture before = editor.design();
    const int mark = editor.stack()->index();
    const QPoint grab = editor.viewPoint(QPointF(60, 60)); // on the card, away from the ports
    mouseDrag(editor.view->viewport(), grab, grab + QPoint(107, 53));

    const model::Block& moved = editor.design().blocks.front();
    QVERIFY2(moved.x != 0 || moved.y != 0, "the block did not move");
    QCOMPARE(std::fmod(moved.x, 20.0), 0.0);
    QCOMPARE(std::fmod(moved.y, 20.0), 0.0);
    QCOMPARE(editor.item(id)->pos(), QPointF(moved.x, moved.y));
    QCOMPARE(editor.stack()->command(editor.stack()->count() - 1)->text(), QString("Move 1 block(s)"));
    const model::Architecture after = editor.design();
    checkUndoRedo(editor, mark, before, after);
    editor.stack()->undo();
    QCOMPARE(editor.item(id)->pos(), QPointF(0, 0));
}

void CanvasEditingTest::delete_removes_links_and_undo_restores_order()
{
    Editor editor;
    const std::string client = editor.add("client", {0, 0});
    const std::string lb = editor.add("load_balancer", {260, 0});
    const std::string service = editor.add("service", {520, 0});
    QCOMPARE(editor.scene.tryLink(client, lb), QString());
    QCOMPARE(editor.scene.tryLink(lb, service), QString());
    const model::Architecture before = editor.design();
    const int mark = editor.stack()->index();

    editor.scene.selectBlocks({lb});
    editor.scene.deleteSelection();
    QCOMPARE(editor.design().blocks.size(), size_t(2));
    QVERIFY2(editor.design().links.empty(), "links of a deleted block must go with it");
    QVERIFY2(!editor.item(lb), "the deleted block's item is still on the canvas");
    checkUndoRedo(editor, mark, before, model::Architecture(editor.design()));

    // A link alone can be selected and deleted too.
    while (editor.stack()->index() > mark)
        editor.stack()->undo();
    editor.scene.clearSelection();
    editor.scene.linkItem({client, lb})->setSelected(true);
    editor.scene.deleteSelection();
    QCOMPARE(editor.design().links.size(), size_t(1));
    QCOMPARE(editor.design().blocks.size(), size_t(3));
    editor.stack()->undo();
    QVERIFY2(editor.design() == before, "undo did not bring the deleted link back");
}

void CanvasEditingTest::paste_gives_new_ids_and_keeps_inner_links()
{
    Editor editor;
    const std::string client = editor.add("client", {0, 0});
    const std::string service = editor.add("service", {260, 0});
    const std::string db = editor.add("database", {520, 0});
    QCOMPARE(editor.scene.tryLink(client, service), QString());
    QCOMPARE(editor.scene.tryLink(service, db), QString());
    const model::Architecture before = editor.design();
    const int mark = editor.stack()->index();

    // Copy service + database through the clipboard format, as Edit > Copy does.
    editor.scene.selectBlocks({service, db});
    std::unique_ptr<QMimeData> data(DesignClipboard::toMimeData(editor.scene.selectionFragment()));
    const auto fragment = DesignClipboard::fromMimeData(data.get());
    QVERIFY2(fragment, "the copied selection did not read back from the clipboard data");
    QCOMPARE(fragment->blocks.size(), size_t(2));
    QCOMPARE(fragment->links.size(), size_t(1)); // client -> service is not inside the selection
    editor.scene.paste(*fragment, {40, 40}, "Paste");

    const model::Architecture& after = editor.design();
    QCOMPARE(after.blocks.size(), size_t(5));
    QCOMPARE(after.blocks[3].id, std::string("service2"));
    QCOMPARE(after.blocks[4].id, std::string("database2"));
    QCOMPARE(after.blocks[3].name, std::string("Service 2"));
    QCOMPARE(after.blocks[3].x, before.blocks[1].x + 40);
    QCOMPARE(after.links.size(), size_t(3));
    QCOMPARE(after.links[2].from, std::string("service2"));
    QCOMPARE(after.links[2].to, std::string("database2"));
    QCOMPARE(editor.scene.selectedBlockIds(), (std::vector<std::string>{"service2", "database2"}));
    QCOMPARE(editor.stack()->count(), 6); // 3 adds, 2 links, 1 paste
    checkUndoRedo(editor, mark, before, model::Architecture(after));
}

void CanvasEditingTest::param_edit_merges_into_one_undo_step()
{
    Editor editor;
    const std::string id = editor.add("service", {0, 0});
    PropertyEditor properties(&editor.document);
    properties.showSelection({id}, {});
    const model::Architecture before = editor.design();
    const int mark = editor.stack()->index();
    const int steps = editor.stack()->count();

    ParamField* workers = properties.field("workers");
    QVERIFY2(workers, "the property editor has no workers field for a service");
    auto* spin = workers->findChild<QSpinBox*>();
    QVERIFY2(spin, "the workers field (an integer) has no spin box");
    QCOMPARE(spin->value(), 8);
    QCOMPARE(spin->maximum(), 100000); // the registry's range is the widget's range
    spin->stepUp();
    spin->stepUp();
    spin->stepUp();
    QCOMPARE(editor.design().blocks[0].param("workers"), 11.0);
    QCOMPARE(editor.stack()->count(), steps + 1); // three clicks, one undo step
    const model::Architecture after = editor.design();
    editor.stack()->undo();
    QCOMPARE(editor.stack()->index(), mark);
    QVERIFY2(editor.design() == before, "undo did not restore the design as it was before the clicks");
    QCOMPARE(spin->value(), 8); // the form follows the document on undo
    editor.stack()->redo();
    QVERIFY2(editor.design() == after, "redo did not reproduce the three clicks");
    QCOMPARE(spin->value(), 11);

    // A different field is a new undo step.
    auto* time = properties.field("service_time_ms")->findChild<QDoubleSpinBox*>();
    QVERIFY2(time, "the service_time_ms field has no double spin box");
    QCOMPARE(time->suffix(), QString(" ms"));
    time->setValue(25);
    QCOMPARE(editor.stack()->count(), steps + 2);
    QCOMPARE(editor.design().blocks[0].param("service_time_ms"), 25.0);
    // Out-of-range input is clamped by the widget, never stored.
    spin->setValue(-5);
    QCOMPARE(editor.design().blocks[0].param("workers"), 1.0);
}

void CanvasEditingTest::rename_and_id_change_are_undoable()
{
    Editor editor;
    const std::string client = editor.add("client", {0, 0});
    const std::string service = editor.add("service", {300, 0});
    QCOMPARE(editor.scene.tryLink(client, service), QString());
    PropertyEditor properties(&editor.document);
    properties.showSelection({service}, {});
    const model::Architecture before = editor.design();
    const int mark = editor.stack()->index();

    properties.nameEdit()->setText("Checkout API");
    emit properties.nameEdit()->editingFinished();
    properties.idEdit()->setText("checkout");
    emit properties.idEdit()->editingFinished();
    properties.regionEdit()->setCurrentText("eu-west");
    emit properties.regionEdit()->lineEdit()->editingFinished();

    QCOMPARE(editor.design().blocks[1].name, std::string("Checkout API"));
    QCOMPARE(editor.design().blocks[1].region, std::string("eu-west"));
    QCOMPARE(editor.document.regions(), QStringList{"eu-west"});
    QCOMPARE(editor.design().blocks[1].id, std::string("checkout"));
    QCOMPARE(editor.design().links[0].to, std::string("checkout")); // links follow the id
    QVERIFY2(editor.item("checkout"), "the canvas has no item under the new id checkout");
    QVERIFY2(editor.scene.linkItem({client, "checkout"}), "the link item did not follow the new id");
    checkUndoRedo(editor, mark, before, model::Architecture(editor.design()));
    editor.stack()->undo(); // the region
    editor.stack()->undo(); // the id
    editor.stack()->undo(); // the name
    QVERIFY2(editor.scene.linkItem({client, service}), "undoing the id change did not bring back the link item");
    QCOMPARE(editor.design().blocks[1].region, std::string());
}

void CanvasEditingTest::duplicate_name_and_id_are_refused()
{
    Editor editor;
    editor.add("service", {0, 0});
    const std::string second = editor.add("service", {300, 0});
    PropertyEditor properties(&editor.document);
    properties.showSelection({second}, {});
    const int steps = editor.stack()->count();
    properties.idEdit()->setText("service");
    emit properties.idEdit()->editingFinished();
    properties.nameEdit()->setText("Service");
    emit properties.nameEdit()->editingFinished();
    properties.idEdit()->setText("has space");
    emit properties.idEdit()->editingFinished();
    QCOMPARE(editor.stack()->count(), steps);
    QCOMPARE(editor.design().blocks[1].id, second);
    QCOMPARE(properties.idEdit()->text(), QString::fromStdString(second));
    QVERIFY2(!editor.document.idRefusal("service").isEmpty(), "the taken id service was not refused");
    QVERIFY2(!editor.document.nameRefusal("Service 2").isEmpty(), "the taken name Service 2 was not refused");
    QCOMPARE(editor.document.nameRefusal("Service 3"), QString());
}

void CanvasEditingTest::problems_put_badges_on_blocks()
{
    Editor editor;
    const std::string client = editor.add("client", {0, 0}); // no target: an error
    const bool hasError = std::any_of(editor.document.problems().begin(), editor.document.problems().end(),
                                      [&](const model::Problem& p) { return p.blockId == client && p.isError(); });
    QVERIFY2(hasError, "a client without a link should be an error");
    QVERIFY2(editor.item(client)->toolTip().contains("nowhere to send"),
             qPrintable("the badge's tool tip should give the error: " + editor.item(client)->toolTip()));
    const std::string service = editor.add("service", {300, 0});
    QCOMPARE(editor.scene.tryLink(client, service), QString());
    QVERIFY2(!editor.item(client)->toolTip().contains("Error"),
             qPrintable("the error is fixed but the tool tip still says: " + editor.item(client)->toolTip()));
}

QTEST_MAIN(CanvasEditingTest)
#include "CanvasEditingTest.moc"
