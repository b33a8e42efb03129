#pragma once
// The view on the canvas: wheel zoom around the cursor, pan with the middle
// button or space + drag, rubber-band selection, fit to view, and drops from
// the block palette. It holds no model state; edits go through the scene.
#include <QGraphicsView>
#include <QStringList>

namespace scalelab::widgets {

class CanvasScene;

class CanvasView : public QGraphicsView {
    Q_OBJECT
public:
    explicit CanvasView(CanvasScene* scene, QWidget* parent = nullptr);

    CanvasScene* canvas() const { return m_canvas; }
    double zoom() const { return transform().m11(); }
    // Scene point at the centre of the visible area (where double-clicked palette blocks go).
    QPointF visibleCentre() const;
    // The zooms fitToView chooses between (default 0.1 and 1: a small design
    // is not blown up, a large one fits). Presenter mode asks for 1 to 1.5:
    // cards readable on a projector even if a large design then scrolls.
    void setFitZoomRange(double floor, double limit)
    {
        m_fitZoomFloor = floor;
        m_fitZoomLimit = limit;
    }
    double fitZoomFloor() const { return m_fitZoomFloor; }
    double fitZoomLimit() const { return m_fitZoomLimit; }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();
    void centreOnBlock(const QString& id);
    // Selects these blocks and centres on them unless all are in sight already
    // (the event log's "show me"); unknown ids are skipped.
    void revealBlocks(const QStringList& ids);

signals:
    void zoomChanged(double zoom);
    // Space pressed and released without panning: the run's play/pause key,
    // which the view must see itself because space-drag pans.
    void spaceTapped();
    // Right click (or the menu key) at `globalPos`: on a block (its id), or
    // on a link or the background (empty). What was clicked is selected
    // first, unless it already belongs to the selection, so the menu acts
    // on it; the background clears the selection. The menu key keeps the
    // selection and names its block when it is exactly one.
    void contextMenuRequested(const QPoint& globalPos, const QString& blockId);

protected:
    bool event(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void focusOutEvent(QFocusEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void zoomBy(double factor);

    CanvasScene* m_canvas;
    bool m_spaceHeld = false;
    bool m_panning = false;
    bool m_pannedWithSpace = false; // this space press was used to pan, not tapped
    QPoint m_panLast;
    double m_fitZoomFloor = 0.1;
    double m_fitZoomLimit = 1.0;
    // The view was last fitted and the user has not zoomed or panned since:
    // a resized window (maximised, docks moved) fits again rather than
    // leaving the design small in a corner of a larger canvas.
    bool m_keepsFit = false;
};

} // namespace scalelab::widgets
