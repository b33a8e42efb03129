#pragma once
// One block on the canvas: a card with the kind's icon, the block's name,
// its kind and key figures, an input port on the left and an output port on
// the right, and a badge when validation found a problem. The card paints a
// copy of the model block that the scene refreshes on document signals.
// While a simulation runs the card is also the live view (BlockLiveStats):
// tinted by utilisation, with badges for rate, p95, errors and queue.
#include "BlockLiveStats.h"
#include "model/Architecture.h"
#include "model/Problem.h"

#include <QGraphicsItem>

#include <optional>
#include <vector>

namespace scalelab::widgets {

class LinkItem;

class BlockItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    enum class Highlight { None, Accept, Refuse }; // while a link is dragged over it

    explicit BlockItem(const model::Block& block);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const model::Block& block() const { return m_block; }
    QString id() const;
    void setBlock(const model::Block& block);
    void setProblems(std::vector<model::Problem> problems);
    void setHighlight(Highlight highlight);
    // Live view: the newest window of this block's run; cleared when the run stops.
    void setLiveStats(const stats::BlockSnapshot& block);
    void clearLiveStats();
    const std::optional<BlockLiveStats>& liveStats() const { return m_live; }

    bool hasInputPort() const;
    bool hasOutputPort() const;
    // Port centres in scene coordinates.
    QPointF inputPortPos() const;
    QPointF outputPortPos() const;
    bool isOnOutputPort(QPointF scenePos) const;

    void addLink(LinkItem* link) { m_links.push_back(link); }
    void removeLink(LinkItem* link);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void updateToolTip();
    void paintBadge(QPainter* painter, QRectF card) const;

    model::Block m_block;
    std::vector<model::Problem> m_problems;
    std::vector<LinkItem*> m_links;
    Highlight m_highlight = Highlight::None;
    std::optional<BlockLiveStats> m_live;
};

} // namespace scalelab::widgets
