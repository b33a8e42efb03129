#include "CanvasView.h"

#include "BlockItem.h"
#include "CanvasScene.h"
#include "CanvasStyle.h"
#include "QtText.h"
#include "document/DesignDocument.h"
#include "palette/BlockPalette.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 4.0;
constexpr double kStep = 1.25;
} // namespace

CanvasView::CanvasView(CanvasScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , m_canvas(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    // The empty-canvas hint is painted over the whole viewport: repaint it all
    // when the design gains its first block or loses its last.
    auto repaint = [this] { viewport()->update(); };
    connect(scene->document(), &DesignDocument::blockAdded, this, repaint);
    connect(scene->document(), &DesignDocument::blockRemoved, this, repaint);
    connect(scene->document(), &DesignDocument::designReset, this, repaint);
}

QPointF CanvasView::visibleCentre() const { return mapToScene(viewport()->rect().center()); }

void CanvasView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (target == zoom())
        return;
    m_keepsFit = false;
    scale(target / zoom(), target / zoom());
    emit zoomChanged(zoom());
}

void CanvasView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter); // keyboard zoom: keep the centre still
    zoomBy(kStep);
    setTransformationAnchor(anchor);
}

void CanvasView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(1 / kStep);
    setTransformationAnchor(anchor);
}

void CanvasView::resetZoom()
{
    m_keepsFit = false;
    setTransform(QTransform());
    emit zoomChanged(zoom());
}

void CanvasView::fitToView()
{
    const QRectF design = m_canvas->designRect();
    if (design.isEmpty()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    fitInView(design.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    // A small design fitted to a big window would be comically large; stop at
    // the limit (100%). Below the floor, the design scrolls instead.
    const double bounded = std::clamp(zoom(), m_fitZoomFloor, m_fitZoomLimit);
    if (bounded != zoom()) {
        setTransform(QTransform::fromScale(bounded, bounded));
        centerOn(design.center());
    }
    m_keepsFit = true;
    emit zoomChanged(zoom());
}

void CanvasView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_keepsFit)
        fitToView();
}

void CanvasView::centreOnBlock(const QString& id)
{
    if (BlockItem* item = m_canvas->blockItem(id)) {
        m_canvas->selectBlocks({item->block().id});
        ensureVisible(item, 60, 60);
    }
}

void CanvasView::revealBlocks(const QStringList& ids)
{
    std::vector<std::string> found;
    QRectF area;
    for (const QString& id : ids)
        if (BlockItem* item = m_canvas->blockItem(id)) {
            found.push_back(item->block().id);
            area |= item->sceneBoundingRect();
        }
    if (found.empty())
        return;
    m_canvas->selectBlocks(found);
    // Moving a view the user is already looking at only disorients.
    if (!mapToScene(viewport()->rect()).boundingRect().contains(area))
        centerOn(area.center());
}

void CanvasView::wheelEvent(QWheelEvent* event)
{
    // Wheel zooms around the cursor (AnchorUnderMouse); a 120-unit notch is about 15%.
    const double delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event); // horizontal wheel still pans
        return;
    }
    zoomBy(std::pow(1.0012, delta));
    event->accept();
}

void CanvasView::contextMenuEvent(QContextMenuEvent* event)
{
    event->accept();
    if (event->reason() != QContextMenuEvent::Mouse) {
        // The menu key: for the selection as it is, beside the selected block.
        const std::vector<std::string> ids = m_canvas->selectedBlockIds();
        if (ids.size() == 1)
            if (const BlockItem* block = m_canvas->blockItem(toQString(ids.front()))) {
                const QPoint at = mapFromScene(block->sceneBoundingRect().center());
                emit contextMenuRequested(viewport()->mapToGlobal(at), block->id());
                return;
            }
        emit contextMenuRequested(event->globalPos(), {});
        return;
    }
    QGraphicsItem* item = itemAt(event->pos());
    while (item && !(item->flags() & QGraphicsItem::ItemIsSelectable))
        item = item->parentItem(); // a label or port: its block or link
    if (!item) {
        scene()->clearSelection();
    } else if (!item->isSelected()) {
        scene()->clearSelection();
        item->setSelected(true);
    }
    const auto* block = dynamic_cast<const BlockItem*>(item);
    emit contextMenuRequested(event->globalPos(), block ? block->id() : QString());
}

void CanvasView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_keepsFit = false;
        m_pannedWithSpace = m_spaceHeld;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - m_panLast;
        m_panLast = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

bool CanvasView::event(QEvent* event)
{
    // Space is also the window's play/pause shortcut; claim it here so that
    // space-drag still pans, and report a plain tap as spaceTapped.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space
        && static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

void CanvasView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        m_pannedWithSpace = false;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        if (!m_pannedWithSpace && !m_panning)
            emit spaceTapped();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::focusOutEvent(QFocusEvent* event)
{
    // A space released while another widget had focus must not leave the view in pan mode.
    m_spaceHeld = false;
    QGraphicsView::focusOutEvent(event);
}

void CanvasView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(BlockPalette::kMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void CanvasView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(BlockPalette::kMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void CanvasView::dropEvent(QDropEvent* event)
{
    if (!event->mimeData()->hasFormat(BlockPalette::kMimeType)) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const std::string kind = event->mimeData()->data(BlockPalette::kMimeType).toStdString();
    m_canvas->addBlock(kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    setFocus();
}

void CanvasView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (m_canvas->blockCount() > 0)
        return;
    // An empty canvas says what to do first instead of being a blank grey page.
    painter->save();
    painter->resetTransform();
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    painter->setFont(font);
    painter->setPen(style::textSecondary());
    const QString hint = tr("Drag blocks here from the palette, or double-click one to add it.\n"
                            "Then drag from a block's right-hand port to another block to link them.\n"
                            "File ▸ Examples opens a ready-made design.");
    painter->drawText(viewport()->rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, hint);
    painter->restore();
}

} // namespace scalelab::widgets
