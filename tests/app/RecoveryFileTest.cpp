// Autosave for crash recovery: an unsaved design is written to the recovery
// file, a later run finds it, a clean discard removes it, and a second
// window running at the same time never fights over the file.
#include "RecoveryFile.h"
#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"
#include "model/Architecture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoCommand>
#include <QUndoStack>

#include "commands/AddBlocksCommand.h"

using namespace scalelab;

class RecoveryFileTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void unsaved_design_is_offered_back_after_a_crash();
    void an_edit_is_written_moments_later();
    void a_failed_write_is_tried_again();
    void nothing_is_written_when_saved();
    void second_instance_does_not_autosave();
};

void RecoveryFileTest::unsaved_design_is_offered_back_after_a_crash()
{
    QTemporaryDir dir;
    widgets::DesignDocument document;
    document.reset({}, "/designs/shop.scalelab");
    document.undoStack()->push(
        new widgets::AddBlocksCommand(&document, {model::makeBlock("service", "api")}, {}, "Add"));
    {
        app::RecoveryFile recovery(&document, dir.path());
        QVERIFY(recovery.isActive());
        QVERIFY2(recovery.saveNow(), "an unsaved design was not written to the recovery file");
        // Going out of scope without discard() is what a crash leaves behind.
    }
    app::RecoveryFile next(&document, dir.path());
    const auto left = next.leftBehind();
    QVERIFY2(left, "the recovery file of the previous run was not found");
    QCOMPARE(left->originalPath, QString("/designs/shop.scalelab"));
    QVERIFY2(io::readScenario(left->recoveryPath.toStdString()) == document.architecture(),
             qPrintable(left->recoveryPath + " does not hold the unsaved design"));
    next.discard();
    QVERIFY2(!next.leftBehind(), "discard() left the recovery file behind");
}

void RecoveryFileTest::an_edit_is_written_moments_later()
{
    // Not a minute later: a crash soon after an edit must not lose it.
    QTemporaryDir dir;
    widgets::DesignDocument document;
    app::RecoveryFile recovery(&document, dir.path());
    QVERIFY(!QFile::exists(recovery.path()));
    document.undoStack()->push(
        new widgets::AddBlocksCommand(&document, {model::makeBlock("service", "api")}, {}, "Add"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(recovery.path()), 3 * app::RecoveryFile::kAfterEditMs);
    QVERIFY(io::readScenario(recovery.path().toStdString()) == document.architecture());
}

void RecoveryFileTest::a_failed_write_is_tried_again()
{
    QTemporaryDir dir;
    widgets::DesignDocument document;
    app::RecoveryFile recovery(&document, dir.path());
    // A folder where the file goes: the rename onto it fails, even for root.
    QVERIFY(QDir(dir.path()).mkdir("recovery.scalelab"));
    document.undoStack()->push(
        new widgets::AddBlocksCommand(&document, {model::makeBlock("service", "api")}, {}, "Add"));
    QVERIFY2(!recovery.saveNow(), "a write onto a folder reported success");
    QVERIFY(QDir(recovery.path()).removeRecursively()); // the disk has room again
    // No further edit: the retry alone must write it.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(recovery.path()).isFile(), 3 * app::RecoveryFile::kRetryMs);
    QVERIFY(io::readScenario(recovery.path().toStdString()) == document.architecture());
}

void RecoveryFileTest::nothing_is_written_when_saved()
{
    QTemporaryDir dir;
    widgets::DesignDocument document;
    app::RecoveryFile recovery(&document, dir.path());
    QVERIFY(!recovery.saveNow());
    QVERIFY(!QFile::exists(recovery.path()));
}

void RecoveryFileTest::second_instance_does_not_autosave()
{
    QTemporaryDir dir;
    widgets::DesignDocument document;
    app::RecoveryFile first(&document, dir.path());
    app::RecoveryFile second(&document, dir.path());
    QVERIFY(first.isActive());
    QVERIFY2(!second.isActive(), "two windows would overwrite each other's recovery file");
}

QTEST_MAIN(RecoveryFileTest)
#include "RecoveryFileTest.moc"
