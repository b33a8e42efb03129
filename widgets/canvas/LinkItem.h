#pragma once
// A link on the canvas: an arrowed path from the source's output port to the
// target's input port, routed round the cards in between (LinkRouter). Blocks tell their links when they move (the
// elasticnodes Edge pattern), so the scene does no bookkeeping for it.
#include "document/LinkKey.h"

#include <QGraphicsPathItem>

namespace scalelab::widgets {

class BlockItem;

class LinkItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };

    LinkItem(BlockItem* source, BlockItem* target);
    ~LinkItem() override;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    BlockItem* source() const { return m_source; }
    BlockItem* target() const { return m_target; }
    LinkKey key() const;
    void updatePath();
    // Live view: the link's width shows the flow through it, in requests per
    // second; `relative` (0..1) is the flow against the design's largest.
    void setFlow(double rps, double relative);
    void clearFlow();
    bool hasFlow() const { return m_flowWidth > 0; }

    // The curve between two port positions; also used for the link being dragged.
    static QPainterPath curve(QPointF from, QPointF to);
    static QPolygonF arrowHead(const QPainterPath& curve);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    BlockItem* m_source;
    BlockItem* m_target;
    QPolygonF m_arrow;
    bool m_hovered = false;
    double m_flowWidth = 0; // 0: not live
};

} // namespace scalelab::widgets
