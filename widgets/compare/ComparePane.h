#pragma once
// One side of the compare window: its label ("A: Push (fan-out on write)"
// and how its lines are drawn), and a canvas on the side's own
// DesignDocument showing the run live (utilisation fill, badges). Edits on
// the canvas go through the document's undo stack like in the main window;
// the pane's Undo and Redo act on that stack.
#include <QWidget>

class QLabel;
class QToolButton;

namespace scalelab::stats {
struct Snapshot;
}

namespace scalelab::widgets {

class CanvasScene;
class CanvasView;
class DesignDocument;

class ComparePane : public QWidget {
    Q_OBJECT
public:
    // `side` is "A" or "B"; `lineStyle` how its plot lines look ("solid", "dashed").
    ComparePane(const QString& side, const QString& lineStyle, DesignDocument* document, QWidget* parent = nullptr);

    void setLabel(const QString& label);
    QString label() const { return m_label; }
    QLabel* titleLabel() const { return m_title; }
    CanvasScene* scene() const { return m_scene; }
    CanvasView* view() const { return m_view; }
    DesignDocument* document() const { return m_document; }

    void showSnapshot(const stats::Snapshot& snapshot);
    void clearLive();

private:
    void updateTitle();

    QString m_side, m_lineStyle, m_label;
    DesignDocument* m_document;
    QLabel* m_title;
    CanvasScene* m_scene;
    CanvasView* m_view;
};

} // namespace scalelab::widgets
