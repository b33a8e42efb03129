#include "CanvasScene.h"

#include "BlockItem.h"
#include "CalloutItem.h"
#include "CanvasStyle.h"
#include "LayeredLayout.h"
#include "LinkItem.h"
#include "QtText.h"
#include "commands/AddBlocksCommand.h"
#include "commands/AddLinkCommand.h"
#include "commands/MoveBlocksCommand.h"
#include "commands/PasteCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "document/DesignClipboard.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

CanvasScene::CanvasScene(DesignDocument* document, QObject* parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    connect(document, &DesignDocument::designReset, this, &CanvasScene::rebuild);
    connect(document, &DesignDocument::blockAdded, this, &CanvasScene::addBlockItem);
    connect(document, &DesignDocument::blockRemoved, this, &CanvasScene::removeBlockItem);
    connect(document, &DesignDocument::blockChanged, this, &CanvasScene::refreshBlock);
    connect(document, &DesignDocument::blockMoved, this, &CanvasScene::moveBlockItem);
    connect(document, &DesignDocument::blockIdChanged, this, &CanvasScene::renameBlockItem);
    connect(document, &DesignDocument::linkAdded, this, &CanvasScene::addLinkItem);
    connect(document, &DesignDocument::linkRemoved, this, &CanvasScene::removeLinkItem);
    connect(document, &DesignDocument::problemsChanged, this, &CanvasScene::refreshProblems);
    rebuild();
}

BlockItem* CanvasScene::blockItem(const QString& id) const
{
    auto it = m_blocks.find(id);
    return it == m_blocks.end() ? nullptr : it->second;
}

LinkItem* CanvasScene::linkItem(const LinkKey& key) const
{
    auto it = m_links.find(key);
    return it == m_links.end() ? nullptr : it->second;
}

std::vector<std::string> CanvasScene::selectedBlockIds() const
{
    // In design order, so copy/paste and delete keep the file's order.
    std::vector<std::string> ids;
    for (const auto& block : m_document->architecture().blocks)
        if (BlockItem* item = blockItem(toQString(block.id)); item && item->isSelected())
            ids.push_back(block.id);
    return ids;
}

std::vector<LinkKey> CanvasScene::selectedLinks() const
{
    std::vector<LinkKey> keys;
    for (const auto& [key, item] : m_links)
        if (item->isSelected())
            keys.push_back(key);
    return keys;
}

void CanvasScene::selectBlocks(const std::vector<std::string>& ids)
{
    clearSelection();
    for (const auto& id : ids)
        if (BlockItem* item = blockItem(toQString(id)))
            item->setSelected(true);
}

std::string CanvasScene::addBlock(const std::string& kind, QPointF scenePos)
{
    const model::BlockSpec* spec = model::Registry::instance().find(kind);
    if (!spec)
        return {};
    const model::Architecture& design = m_document->architecture();
    model::Block block = model::makeBlock(kind, design.uniqueId(kind), m_document->uniqueName(spec->displayName));
    QPointF topLeft = scenePos - QPointF(style::kBlockSize.width() / 2, style::kBlockSize.height() / 2);
    if (m_snapToGrid)
        topLeft = QPointF(std::round(topLeft.x() / style::kGrid) * style::kGrid,
                          std::round(topLeft.y() / style::kGrid) * style::kGrid);
    // Double-clicking the palette twice must not stack two cards exactly on top of each other.
    auto occupied = [this](QPointF corner) {
        for (QGraphicsItem* item : items(QRectF(corner, style::kBlockSize).adjusted(4, 4, -4, -4)))
            if (item->type() == BlockItem::Type)
                return true;
        return false;
    };
    for (int tries = 0; tries < 50 && occupied(topLeft); ++tries)
        topLeft += QPointF(2 * style::kGrid, 2 * style::kGrid);
    block.x = topLeft.x();
    block.y = topLeft.y();
    const std::string id = block.id;
    m_document->undoStack()->push(
        new AddBlocksCommand(m_document, {std::move(block)}, {}, tr("Add %1").arg(toQString(spec->displayName))));
    selectBlocks({id});
    return id;
}

QString CanvasScene::linkRefusal(const std::string& from, const std::string& to) const
{
    const model::Block* source = m_document->architecture().findBlock(from);
    const model::Block* target = m_document->architecture().findBlock(to);
    if (!source || !target)
        return tr("That block no longer exists.");
    if (from == to)
        return tr("A block cannot call itself.");
    if (m_document->findLink({from, to}))
        return tr("%1 already calls %2.").arg(toQString(source->name), toQString(target->name));
    const std::string reason = model::Registry::instance().linkRefusal(source->kind, target->kind);
    if (reason.empty())
        return {};
    QString text = toQString(reason);
    text[0] = text[0].toUpper();
    return text + ".";
}

QString CanvasScene::tryLink(const std::string& from, const std::string& to)
{
    QString refusal = linkRefusal(from, to);
    if (refusal.isEmpty())
        m_document->undoStack()->push(new AddLinkCommand(m_document, model::makeLink(from, to)));
    return refusal;
}

void CanvasScene::deleteSelection()
{
    const auto blocks = selectedBlockIds();
    const auto links = selectedLinks();
    if (blocks.empty() && links.empty())
        return;
    m_document->undoStack()->push(new RemoveItemsCommand(m_document, blocks, links));
}

model::Architecture CanvasScene::selectionFragment() const
{
    return DesignClipboard::fragment(m_document->architecture(), selectedBlockIds());
}

void CanvasScene::paste(const model::Architecture& fragment, QPointF offset, const QString& text)
{
    if (fragment.blocks.empty())
        return;
    auto* command = new PasteCommand(m_document, fragment, offset, text);
    std::vector<std::string> ids;
    for (const auto& block : command->blocks())
        ids.push_back(block.id);
    m_document->undoStack()->push(command);
    selectBlocks(ids);
}

void CanvasScene::setShowGrid(bool on)
{
    m_showGrid = on;
    update();
}

QRectF CanvasScene::designRect() const
{
    QRectF rect;
    for (const auto& [id, item] : m_blocks)
        rect |= item->sceneBoundingRect();
    return rect;
}

QString CanvasScene::arrangeAutomatically()
{
    const model::Architecture& design = m_document->architecture();
    std::vector<LayeredLayout::Node> nodes;
    for (const auto& block : design.blocks)
        nodes.push_back({block.id, style::kBlockSize.width(), style::kBlockSize.height()});
    std::vector<LayeredLayout::Edge> edges;
    for (const auto& link : design.links)
        edges.push_back({link.from, link.to});
    // Room between layers for the arrows, and between neighbours for the live badges.
    const LayeredLayout::Result layout = LayeredLayout::arrange(nodes, edges, 4 * style::kGrid, 3 * style::kGrid);
    if (!layout.ok)
        return tr("Could not arrange the design: %1").arg(toQString(layout.error).trimmed());
    // Keep the design where it was on the canvas: same top-left corner.
    QPointF origin(std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    for (const auto& block : design.blocks)
        origin = QPointF(std::min(origin.x(), block.x), std::min(origin.y(), block.y));
    auto snapped = [](double v) { return std::round(v / style::kGrid) * style::kGrid; };
    MoveBlocksCommand::Moves moves;
    for (const auto& block : design.blocks) {
        const auto& [x, y] = layout.topLeft.at(block.id);
        const QPointF to(snapped(origin.x() + x), snapped(origin.y() + y));
        if (to != QPointF(block.x, block.y))
            moves[block.id] = {QPointF(block.x, block.y), to};
    }
    if (moves.empty())
        return {};
    auto* command = new MoveBlocksCommand(m_document, std::move(moves));
    command->setText(tr("Arrange Automatically"));
    m_document->undoStack()->push(command);
    return {};
}

void CanvasScene::setTextScale(double scale)
{
    m_textScale = scale;
    for (const auto& [id, item] : m_blocks)
        item->setTextScale(scale);
}

void CanvasScene::rerouteLinks()
{
    m_rerouteScheduled = false;
    for (const auto& [key, item] : m_links)
        item->updatePath();
}

void CanvasScene::scheduleReroute()
{
    // A multi-block move or a layout moves blocks one by one: route once, after.
    if (m_rerouteScheduled)
        return;
    m_rerouteScheduled = true;
    QMetaObject::invokeMethod(this, [this] { if (m_rerouteScheduled) rerouteLinks(); }, Qt::QueuedConnection);
}

void CanvasScene::showLiveSnapshot(const stats::Snapshot& snapshot)
{
    std::map<std::string, double> arrivals; // per block, newest window
    std::vector<QRectF> obstacles;
    for (const auto& [id, item] : m_blocks)
        obstacles.push_back(item->obstacleRect());
    for (const auto& block : snapshot.blocks) {
        if (BlockItem* item = blockItem(toQString(block.id)))
            item->setLiveStats(block);
        if (!block.series.empty())
            arrivals[block.id] = block.series.back().arrivalsPerSecond;
    }
    // The engine counts arrivals per block, not per link. A link's flow is
    // approximated as its target's arrivals, shared among the target's callers
    // in proportion to their own arrivals: exact for a chain or a fan-out,
    // an estimate when several callers with different call probabilities
    // feed one block.
    std::map<std::string, double> callerArrivals; // per target: its callers' arrivals summed
    for (const auto& [key, item] : m_links)
        callerArrivals[key.to] += arrivals[key.from];
    std::map<LinkItem*, double> flows;
    double largest = 0;
    for (const auto& [key, item] : m_links) {
        const auto target = arrivals.find(key.to);
        if (target == arrivals.end())
            continue;
        const double callers = callerArrivals[key.to];
        const double flow = callers > 0 ? target->second * arrivals[key.from] / callers : 0;
        flows[item] = flow;
        largest = std::max(largest, flow);
    }
    for (const auto& [item, flow] : flows)
        // Logarithmic: flows span orders of magnitude (a cache in front of a database).
        item->setFlow(flow, largest > 0 ? std::log1p(flow) / std::log1p(largest) : 0);
    // Badges appeared or wrapped onto another line: links must keep clear of them.
    std::vector<QRectF> now;
    for (const auto& [id, item] : m_blocks)
        now.push_back(item->obstacleRect());
    if (now != obstacles)
        scheduleReroute();
}

void CanvasScene::clearLiveStats()
{
    for (const auto& [id, item] : m_blocks)
        item->clearLiveStats();
    for (const auto& [key, item] : m_links)
        item->clearFlow();
    scheduleReroute(); // the badges are gone
}

// --- Document -> items ---------------------------------------------------------

CanvasScene::~CanvasScene() { deleteLinkItems(); }

void CanvasScene::deleteLinkItems()
{
    // Links unregister from their blocks when deleted, so they must go before
    // the blocks; QGraphicsScene::clear() would delete in any order.
    for (auto& [key, item] : m_links)
        delete item;
    m_links.clear();
}

void CanvasScene::rebuild()
{
    deleteLinkItems();
    m_blocks.clear();
    m_linkSource = nullptr;
    m_linkPreview = nullptr;
    m_linkHover = nullptr;
    clear();
    for (const auto& block : m_document->architecture().blocks)
        addBlockItem(toQString(block.id));
    for (const auto& link : m_document->architecture().links)
        addLinkItem(toQString(link.from), toQString(link.to));
    refreshProblems();
}

void CanvasScene::addBlockItem(const QString& id)
{
    const model::Block* block = m_document->architecture().findBlock(toStdString(id));
    if (!block || m_blocks.count(id))
        return;
    auto* item = new BlockItem(*block);
    item->setTextScale(m_textScale);
    addItem(item);
    m_blocks[id] = item;
    updateSceneRect();
    scheduleReroute(); // a card dropped on a link
}

void CanvasScene::removeBlockItem(const QString& id)
{
    auto it = m_blocks.find(id);
    if (it == m_blocks.end())
        return;
    if (m_linkSource == it->second || m_linkHover == it->second) { // undo in the middle of a drag
        delete m_linkPreview;
        m_linkPreview = nullptr;
        m_linkSource = m_linkHover = nullptr;
    }
    // The document removes a block's links first; this only guards files with dangling ones.
    for (auto link = m_links.begin(); link != m_links.end();)
        if (link->second->source() == it->second || link->second->target() == it->second) {
            delete link->second;
            link = m_links.erase(link);
        } else {
            ++link;
        }
    delete it->second;
    m_blocks.erase(it);
    scheduleReroute(); // links that went round it can take the short way now
}

void CanvasScene::addLinkItem(const QString& from, const QString& to)
{
    BlockItem* source = blockItem(from);
    BlockItem* target = blockItem(to);
    if (!source || !target || source == target)
        return; // the Problems dock reports the broken link
    auto* item = new LinkItem(source, target);
    addItem(item);
    item->updatePath(); // now that it sees the cards to route round
    m_links.emplace(LinkKey{toStdString(from), toStdString(to)}, item);
}

void CanvasScene::removeLinkItem(const QString& from, const QString& to)
{
    auto it = m_links.find({toStdString(from), toStdString(to)});
    if (it == m_links.end())
        return;
    delete it->second;
    m_links.erase(it);
}

void CanvasScene::refreshBlock(const QString& id)
{
    if (BlockItem* item = blockItem(id))
        if (const model::Block* block = m_document->architecture().findBlock(toStdString(id)))
            item->setBlock(*block);
}

void CanvasScene::moveBlockItem(const QString& id)
{
    BlockItem* item = blockItem(id);
    const model::Block* block = m_document->architecture().findBlock(toStdString(id));
    if (!item || !block)
        return;
    item->setBlock(*block);
    item->setPos(block->x, block->y);
    updateSceneRect();
    scheduleReroute(); // the card may now be in other links' way, or out of it
}

void CanvasScene::renameBlockItem(const QString& oldId, const QString& newId)
{
    auto it = m_blocks.find(oldId);
    if (it == m_blocks.end())
        return;
    BlockItem* item = it->second;
    m_blocks.erase(it);
    m_blocks[newId] = item;
    refreshBlock(newId);
    // Link keys hold ids: re-key the ones that touch the renamed block.
    std::multimap<LinkKey, LinkItem*> rekeyed;
    for (auto& [key, link] : m_links)
        rekeyed.emplace(link->key(), link);
    m_links = std::move(rekeyed);
}

void CanvasScene::refreshProblems()
{
    std::map<std::string, std::vector<model::Problem>> byBlock;
    for (const auto& problem : m_document->problems())
        if (!problem.blockId.empty())
            byBlock[problem.blockId].push_back(problem);
    for (const auto& [id, item] : m_blocks)
        item->setProblems(byBlock[toStdString(id)]);
}

void CanvasScene::updateSceneRect()
{
    // Generous margins so the user can pan beyond the design and drop blocks there.
    const QRectF minimum(-600, -400, 1800, 1200);
    setSceneRect(designRect().adjusted(-800, -600, 800, 600) | minimum);
}

// --- Painting ---------------------------------------------------------------------

void CanvasScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, m_showGrid ? style::canvasBackground() : QColor(Qt::white));
    if (!m_showGrid)
        return;
    // Dots every grid step; skipped when zoomed far out, where they would be a grey wash.
    const double scale = painter->worldTransform().m11();
    const double step = scale < 0.5 ? style::kGrid * 5 : style::kGrid;
    QPen pen(style::gridDot(), 2.0 / std::max(scale, 0.25));
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    QVector<QPointF> dots;
    for (double x = left; x <= rect.right(); x += step)
        for (double y = top; y <= rect.bottom(); y += step)
            dots.append(QPointF(x, y));
    painter->drawPoints(dots.constData(), static_cast<int>(dots.size()));
}

// --- Mouse: links and moves ----------------------------------------------------

BlockItem* CanvasScene::blockAt(QPointF scenePos, const BlockItem* except) const
{
    for (QGraphicsItem* item : items(scenePos))
        if (item->type() == BlockItem::Type && item != except)
            return static_cast<BlockItem*>(item);
    return nullptr;
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        BlockItem* block = blockAt(event->scenePos());
        if (block && block->isOnOutputPort(event->scenePos())) {
            m_linkSource = block;
            m_linkPreview = addPath(LinkItem::curve(block->outputPortPos(), event->scenePos()),
                                    QPen(style::selection(), 2, Qt::DashLine, Qt::RoundCap));
            m_linkPreview->setZValue(5);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() == Qt::LeftButton && mouseGrabberItem() && mouseGrabberItem()->type() == BlockItem::Type) {
        m_userMoving = true;
        m_moveStart.clear();
        for (const auto& [id, item] : m_blocks)
            if (item->isSelected())
                m_moveStart[toStdString(id)] = item->pos();
    }
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!m_linkSource) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    BlockItem* target = blockAt(event->scenePos(), m_linkSource);
    const QPointF end = target && target->hasInputPort() ? target->inputPortPos() : event->scenePos();
    m_linkPreview->setPath(LinkItem::curve(m_linkSource->outputPortPos(), end));
    if (target != m_linkHover && m_linkHover)
        m_linkHover->setHighlight(BlockItem::Highlight::None);
    m_linkHover = target;
    if (target) {
        const bool allowed = linkRefusal(m_linkSource->block().id, target->block().id).isEmpty();
        target->setHighlight(allowed ? BlockItem::Highlight::Accept : BlockItem::Highlight::Refuse);
    }
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_linkSource) {
        finishLinkDrag(event->scenePos());
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (m_userMoving)
        finishMove();
}

void CanvasScene::finishLinkDrag(QPointF scenePos)
{
    if (m_linkHover)
        m_linkHover->setHighlight(BlockItem::Highlight::None);
    delete m_linkPreview;
    m_linkPreview = nullptr;
    BlockItem* source = m_linkSource;
    m_linkSource = m_linkHover = nullptr;
    BlockItem* target = blockAt(scenePos, source);
    if (!target)
        return; // dropped on empty canvas: nothing to do
    const QString refusal = tryLink(source->block().id, target->block().id);
    if (!refusal.isEmpty())
        showRefusal(refusal, scenePos);
}

void CanvasScene::showRefusal(const QString& reason, QPointF scenePos)
{
    delete m_callout; // one message at a time
    auto* callout = new CalloutItem(reason, style::error());
    callout->setPos(scenePos);
    addItem(callout);
    m_callout = callout;
    emit linkRefused(reason);
}

void CanvasScene::finishMove()
{
    m_userMoving = false;
    MoveBlocksCommand::Moves moves;
    for (const auto& [id, start] : m_moveStart)
        if (BlockItem* item = blockItem(toQString(id)); item && item->pos() != start)
            moves[id] = {start, item->pos()};
    m_moveStart.clear();
    if (!moves.empty())
        m_document->undoStack()->push(new MoveBlocksCommand(m_document, std::move(moves)));
}

} // namespace scalelab::widgets
