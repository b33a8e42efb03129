// The commands that change a string of a block (RenameBlockCommand,
// ChangeBlockRegionCommand, ChangeTextParamCommand), pushed on the document's
// undo stack as the property editor pushes them: the Edit menu's text for
// each, undo and redo, consecutive edits of one field merging into one step
// that drops out when the field ends where it started, and edits of other
// fields, blocks or kinds staying separate steps.
#include "commands/ChangeBlockRegionCommand.h"
#include "commands/ChangeParamCommand.h"
#include "commands/ChangeTextParamCommand.h"
#include "commands/RenameBlockCommand.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"

#include <QTest>
#include <QUndoStack>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

model::Architecture design()
{
    model::Architecture a;
    model::Block users = model::makeBlock("client", "users", "Users");
    model::Block svc = model::makeBlock("service", "svc", "Service");
    svc.region = "us";
    model::Block db = model::makeBlock("database", "db", "Database");
    a.blocks = {users, svc, db};
    a.links = {model::makeLink("users", "svc"), model::makeLink("svc", "db")};
    return a;
}

const model::Block& blockOf(const DesignDocument& document, const std::string& id)
{
    return *document.architecture().findBlock(id);
}

QString stepTexts(const QUndoStack& stack)
{
    QStringList texts;
    for (int i = 0; i < stack.count(); ++i)
        texts << stack.text(i);
    return texts.join(" | ");
}

} // namespace

class BlockStringCommandsTest : public QObject {
    Q_OBJECT
private slots:
    void each_edit_keeps_its_undo_text();
    void undo_and_redo_swap_old_and_new();
    void keystrokes_on_one_field_merge_into_one_step();
    void editing_back_to_the_start_drops_the_step();
    void other_fields_blocks_and_kinds_do_not_merge();
};

void BlockStringCommandsTest::each_edit_keeps_its_undo_text()
{
    DesignDocument document;
    document.reset(design());
    QUndoStack& stack = *document.undoStack();
    stack.push(new RenameBlockCommand(&document, "svc", "Checkout"));
    stack.push(new ChangeBlockRegionCommand(&document, "svc", "eu"));
    stack.push(new ChangeTextParamCommand(&document, "users", "ramp_stages", "10s:100"));
    const model::ParamSpec* ramp = model::Registry::instance().find("client")->param("ramp_stages");
    QVERIFY2(ramp && ramp->isText(), "the client kind has no ramp_stages text parameter");
    QCOMPARE(stack.count(), 3);
    QCOMPARE(stack.text(0), QString("Rename svc"));
    QCOMPARE(stack.text(1), QString("Move svc to region eu"));
    QCOMPARE(stack.text(2), QString("Change %1 of users").arg(QString::fromStdString(ramp->label)));
}

void BlockStringCommandsTest::undo_and_redo_swap_old_and_new()
{
    DesignDocument document;
    document.reset(design());
    const model::Architecture before = document.architecture();
    QUndoStack& stack = *document.undoStack();
    stack.push(new RenameBlockCommand(&document, "svc", "Checkout"));
    stack.push(new ChangeBlockRegionCommand(&document, "svc", "eu"));
    stack.push(new ChangeTextParamCommand(&document, "users", "ramp_stages", "10s:100"));
    QCOMPARE(blockOf(document, "svc").name, std::string("Checkout"));
    QCOMPARE(blockOf(document, "svc").region, std::string("eu"));
    QCOMPARE(blockOf(document, "users").text("ramp_stages"), std::string("10s:100"));
    const model::Architecture after = document.architecture();

    while (stack.canUndo())
        stack.undo();
    QVERIFY2(document.architecture() == before, "undo did not restore the name, region and ramp stages");
    while (stack.canRedo())
        stack.redo();
    QVERIFY2(document.architecture() == after, "redo did not reapply the name, region and ramp stages");
}

void BlockStringCommandsTest::keystrokes_on_one_field_merge_into_one_step()
{
    DesignDocument document;
    document.reset(design());
    QUndoStack& stack = *document.undoStack();
    for (const char* name : {"C", "Ch", "Che", "Check"})
        stack.push(new RenameBlockCommand(&document, "svc", name));
    for (const char* region : {"e", "eu"})
        stack.push(new ChangeBlockRegionCommand(&document, "svc", region));
    for (const char* stages : {"10s:1", "10s:100"})
        stack.push(new ChangeTextParamCommand(&document, "users", "ramp_stages", stages));
    QVERIFY2(stack.count() == 3, qPrintable(QString("%1 steps: %2").arg(stack.count()).arg(stepTexts(stack))));
    QCOMPARE(blockOf(document, "svc").name, std::string("Check"));
    stack.undo();
    stack.undo();
    QCOMPARE(blockOf(document, "svc").region, std::string("us"));
    stack.undo();
    QCOMPARE(blockOf(document, "svc").name, std::string("Service")); // before the first keystroke
}

void BlockStringCommandsTest::editing_back_to_the_start_drops_the_step()
{
    DesignDocument document;
    document.reset(design());
    const model::Architecture before = document.architecture();
    QUndoStack& stack = *document.undoStack();
    stack.push(new RenameBlockCommand(&document, "svc", "Servic"));
    stack.push(new RenameBlockCommand(&document, "svc", "Service"));
    stack.push(new ChangeBlockRegionCommand(&document, "svc", "eu"));
    stack.push(new ChangeBlockRegionCommand(&document, "svc", "us"));
    const std::string stages = blockOf(document, "users").text("ramp_stages");
    stack.push(new ChangeTextParamCommand(&document, "users", "ramp_stages", "10s:1"));
    stack.push(new ChangeTextParamCommand(&document, "users", "ramp_stages", stages));
    QVERIFY2(stack.count() == 0, qPrintable(QString("edits back to the start left steps: %1").arg(stepTexts(stack))));
    QVERIFY2(document.architecture() == before, "the design changed after edits back to the start");
}

void BlockStringCommandsTest::other_fields_blocks_and_kinds_do_not_merge()
{
    DesignDocument document;
    document.reset(design());
    QUndoStack& stack = *document.undoStack();
    stack.push(new RenameBlockCommand(&document, "svc", "Checkout"));
    stack.push(new RenameBlockCommand(&document, "db", "Orders"));           // another block
    stack.push(new ChangeBlockRegionCommand(&document, "db", "eu"));         // another field
    stack.push(new ChangeParamCommand(&document, "db", "instances", 2));     // another kind of edit
    stack.push(new ChangeTextParamCommand(&document, "users", "ramp_stages", "10s:100"));
    stack.push(new RenameBlockCommand(&document, "users", "Shoppers"));
    QVERIFY2(stack.count() == 6, qPrintable(QString("%1 steps: %2").arg(stack.count()).arg(stepTexts(stack))));
}

QTEST_MAIN(BlockStringCommandsTest)
#include "BlockStringCommandsTest.moc"
