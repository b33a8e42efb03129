#pragma once
// The canvas: one BlockItem per block and one LinkItem per link of the
// document, kept in step with it through the document's signals. The scene
// owns the interactions that become edits (drop a block, draw a link, move,
// delete, paste) and turns each into one QUndoCommand; it never changes the
// model directly, so everything it does is undoable.
#include "document/LinkKey.h"
#include "model/Architecture.h"
#include "stats/Snapshot.h"

#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QPointer>

#include <map>
#include <vector>

namespace scalelab::widgets {

class BlockItem;
class DesignDocument;
class LinkItem;

class CanvasScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit CanvasScene(DesignDocument* document, QObject* parent = nullptr);
    ~CanvasScene() override;

    DesignDocument* document() const { return m_document; }
    BlockItem* blockItem(const QString& id) const;
    LinkItem* linkItem(const LinkKey& key) const;
    int blockCount() const { return static_cast<int>(m_blocks.size()); }

    std::vector<std::string> selectedBlockIds() const;
    std::vector<LinkKey> selectedLinks() const;
    void selectBlocks(const std::vector<std::string>& ids);

    // --- Edits (each pushes one command) --------------------------------------
    // Adds a block of `kind` centred near `scenePos` and selects it; returns its id.
    std::string addBlock(const std::string& kind, QPointF scenePos);
    // Links two blocks, or returns why not (registry rule, self-link, duplicate).
    QString tryLink(const std::string& from, const std::string& to);
    void deleteSelection();
    // The selected blocks and the links among them, for the clipboard.
    model::Architecture selectionFragment() const;
    // Pastes a fragment, shifted by `offset`, with fresh ids; selects what was pasted.
    void paste(const model::Architecture& fragment, QPointF offset, const QString& text);

    // Why a link from -> to is not allowed; empty when it is.
    QString linkRefusal(const std::string& from, const std::string& to) const;

    bool snapToGrid() const { return m_snapToGrid; }
    void setSnapToGrid(bool on) { m_snapToGrid = on; }
    // True while the user drags blocks with the mouse: only then positions snap.
    bool snapsUserMoves() const { return m_snapToGrid && m_userMoving; }
    // The dotted grid is for editing; exports and thumbnails turn it off.
    void setShowGrid(bool on);
    // Live view: cards show the newest window of each block, links their flow.
    void showLiveSnapshot(const stats::Snapshot& snapshot);
    void clearLiveStats();

    // Lays the design out left to right in layers (Graphviz's dot) as one
    // undoable move; returns why not when Graphviz failed (nothing moves then).
    QString arrangeAutomatically();
    // Presenter mode: card texts grow by `scale` (1: normal).
    void setTextScale(double scale);
    double textScale() const { return m_textScale; }
    // Re-routes every link round the cards as they are now. Moves and edits
    // ask for it themselves (once per event-loop pass); tests may call it.
    void rerouteLinks();

    // Bounding box of all blocks and links (empty rect when there are none).
    QRectF designRect() const;

signals:
    // A link the user tried to draw was refused; `reason` is for the status bar.
    void linkRefused(const QString& reason);

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void rebuild();
    void deleteLinkItems();
    void addBlockItem(const QString& id);
    void removeBlockItem(const QString& id);
    void addLinkItem(const QString& from, const QString& to);
    void removeLinkItem(const QString& from, const QString& to);
    void refreshBlock(const QString& id);
    void moveBlockItem(const QString& id);
    void renameBlockItem(const QString& oldId, const QString& newId);
    void refreshProblems();
    void updateSceneRect();
    void scheduleReroute();
    BlockItem* blockAt(QPointF scenePos, const BlockItem* except = nullptr) const;
    void showRefusal(const QString& reason, QPointF scenePos);
    void finishLinkDrag(QPointF scenePos);
    void finishMove();

    DesignDocument* m_document;
    std::map<QString, BlockItem*> m_blocks;
    std::multimap<LinkKey, LinkItem*> m_links; // a file may hold a duplicate link; show both
    bool m_snapToGrid = true;
    bool m_showGrid = true;
    bool m_userMoving = false;
    std::map<std::string, QPointF> m_moveStart; // positions when a drag began
    // Link being drawn from an output port.
    BlockItem* m_linkSource = nullptr;
    QGraphicsPathItem* m_linkPreview = nullptr;
    BlockItem* m_linkHover = nullptr;
    QPointer<QGraphicsObject> m_callout;
    double m_textScale = 1;
    bool m_rerouteScheduled = false;
};

} // namespace scalelab::widgets
