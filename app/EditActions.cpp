#include "EditActions.h"

#include "MainWindow.h"
#include "WindowAction.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignClipboard.h"
#include "document/DesignDocument.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsItem>
#include <QMimeData>
#include <QStatusBar>
#include <QUndoStack>

namespace scalelab::app {

namespace {
constexpr QPointF kPasteStep(40, 40);
} // namespace

EditActions::EditActions(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_scene(window->scene())
{
}

void EditActions::createActions()
{
    QAction* undo = m_window->document()->undoStack()->createUndoAction(m_window, tr("&Undo"));
    undo->setObjectName("undo");
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon(":/actions/undo.svg"));
    QAction* redo = m_window->document()->undoStack()->createRedoAction(m_window, tr("&Redo"));
    redo->setObjectName("redo");
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(QIcon(":/actions/redo.svg"));
    m_window->addActions({undo, redo});

    m_cut = addWindowAction(m_window, "cut", tr("Cu&t"), QKeySequence::Cut, "cut", this, &EditActions::cutSelection);
    m_copy =
        addWindowAction(m_window, "copy", tr("&Copy"), QKeySequence::Copy, "copy", this, &EditActions::copySelection);
    m_paste = addWindowAction(m_window, "paste", tr("&Paste"), QKeySequence::Paste, "paste", this, &EditActions::paste);
    m_duplicate = addWindowAction(m_window, "duplicate", tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                                  "duplicate", this, &EditActions::duplicate);
    m_delete = addWindowAction(m_window, "delete", tr("&Delete"), QKeySequence::Delete, "delete", m_scene,
                               &widgets::CanvasScene::deleteSelection);
    m_delete->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    addWindowAction(m_window, "selectAll", tr("Select &All"), QKeySequence::SelectAll, {}, this,
                    &EditActions::selectAll);
    addWindowAction(m_window, "arrange", tr("Arrange &Automatically"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                    {}, this, [this] {
                        if (const QString error = m_scene->arrangeAutomatically(); !error.isEmpty())
                            m_window->statusBar()->showMessage(error, 10000);
                        else
                            m_window->view()->fitToView();
                    });
}

void EditActions::updateEnabled()
{
    const bool blocks = !m_scene->selectedBlockIds().empty();
    const bool any = blocks || !m_scene->selectedLinks().empty();
    m_cut->setEnabled(blocks);
    m_copy->setEnabled(blocks);
    m_duplicate->setEnabled(blocks);
    m_delete->setEnabled(any);
    const QMimeData* data = QApplication::clipboard()->mimeData();
    m_paste->setEnabled(data && (data->hasFormat(widgets::DesignClipboard::kMimeType) || data->hasText()));
}

void EditActions::copySelection()
{
    const model::Architecture fragment = m_scene->selectionFragment();
    if (fragment.blocks.empty())
        return;
    QApplication::clipboard()->setMimeData(widgets::DesignClipboard::toMimeData(fragment));
    m_pasteCount = 0;
}

void EditActions::cutSelection()
{
    copySelection();
    m_scene->deleteSelection();
    m_pasteCount = -1; // the first paste after a cut goes back where the blocks were
}

void EditActions::paste()
{
    const auto fragment = widgets::DesignClipboard::fromMimeData(QApplication::clipboard()->mimeData());
    if (!fragment || fragment->blocks.empty()) {
        m_window->statusBar()->showMessage(tr("The clipboard holds no ScaleLab blocks."), 4000);
        return;
    }
    ++m_pasteCount;
    m_scene->paste(*fragment, kPasteStep * m_pasteCount, tr("Paste"));
}

void EditActions::duplicate()
{
    m_scene->paste(m_scene->selectionFragment(), kPasteStep, tr("Duplicate"));
}

void EditActions::selectAll()
{
    for (QGraphicsItem* item : m_scene->items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable)
            item->setSelected(true);
}

} // namespace scalelab::app
