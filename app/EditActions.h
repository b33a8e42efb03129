#pragma once
// The Edit menu's actions on the main window and what they do: undo and
// redo (the document's stack), cut, copy, paste and duplicate through the
// clipboard (DesignClipboard: blocks and the links between them; repeated
// pastes step down and right), delete, select all and automatic layout.
// They are enabled while there is something to act on.
#include <QObject>

class QAction;

namespace scalelab::widgets {
class CanvasScene;
}

namespace scalelab::app {

class MainWindow;

class EditActions : public QObject {
    Q_OBJECT
public:
    explicit EditActions(MainWindow* window);

    // Creates the actions (undo, redo, cut, copy, paste, duplicate, delete, selectAll, arrange) on the window.
    void createActions();
    // A design was loaded: the next paste lands one step from the original again.
    void resetPasteOffset() { m_pasteCount = 0; }

public slots:
    // Cut, copy and duplicate need selected blocks, delete a selected
    // block or link, paste blocks (or text) on the clipboard.
    void updateEnabled();

private:
    void copySelection();
    void cutSelection();
    void paste();
    void duplicate();
    void selectAll();

    MainWindow* m_window;
    widgets::CanvasScene* m_scene;
    QAction* m_cut = nullptr;
    QAction* m_copy = nullptr;
    QAction* m_paste = nullptr;
    QAction* m_duplicate = nullptr;
    QAction* m_delete = nullptr;
    int m_pasteCount = 0; // pastes since the last copy: each lands a step further
};

} // namespace scalelab::app
