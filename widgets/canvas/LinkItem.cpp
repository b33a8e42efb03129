#include "LinkItem.h"

#include "BlockFigures.h"
#include "BlockItem.h"
#include "CanvasStyle.h"
#include "LinkRouter.h"
#include "model/Registry.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace scalelab::widgets {

LinkItem::LinkItem(BlockItem* source, BlockItem* target)
    : m_source(source)
    , m_target(target)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(0); // under the cards, so a link never hides a block's text
    m_source->addLink(this);
    m_target->addLink(this);
    updatePath();
}

LinkItem::~LinkItem()
{
    m_source->removeLink(this);
    m_target->removeLink(this);
}

LinkKey LinkItem::key() const { return {m_source->block().id, m_target->block().id}; }

QPainterPath LinkItem::curve(QPointF from, QPointF to) { return LinkRouter::curve(from, to); }

QPolygonF LinkItem::arrowHead(const QPainterPath& curve)
{
    const QPointF tip = curve.pointAtPercent(1);
    const double angle = -curve.angleAtPercent(1) * std::numbers::pi / 180;
    const double length = 11, half = 5.5;
    const QPointF back(std::cos(angle) * length, std::sin(angle) * length);
    const QPointF side(-std::sin(angle) * half, std::cos(angle) * half);
    return QPolygonF({tip, tip - back + side, tip - back - side, tip});
}

void LinkItem::updatePath()
{
    // Stop at the rim of the input port so the arrow tip stays visible.
    const QPointF end = m_target->inputPortPos() - QPointF(style::kPortRadius + 1, 0);
    // Around the other cards, and out of and into its own ends only through the ports.
    std::vector<QRectF> obstacles;
    if (scene())
        for (QGraphicsItem* item : scene()->items())
            if (item->type() == BlockItem::Type)
                obstacles.push_back(static_cast<BlockItem*>(item)->obstacleRect());
    QPainterPath path = LinkRouter::route(m_source->outputPortPos() + QPointF(style::kPortRadius, 0), end, obstacles);
    prepareGeometryChange(); // the arrow is part of the bounding rect
    m_arrow = arrowHead(path);
    setPath(path);
}

void LinkItem::setFlow(double rps, double relative)
{
    // 1.5 px for a trickle up to 9 px for the busiest link: thick enough to
    // tell the main path at a glance, thin enough not to cover the cards.
    const double width = 1.5 + 7.5 * std::clamp(relative, 0.0, 1.0);
    setToolTip(QObject::tr("≈ %1 requests/s").arg(BlockFigures::compactNumber(std::round(rps))));
    if (std::abs(width - m_flowWidth) < 0.05)
        return; // no visible change: spare the repaint
    prepareGeometryChange();
    m_flowWidth = width;
    update();
}

void LinkItem::clearFlow()
{
    if (m_flowWidth == 0)
        return;
    prepareGeometryChange();
    m_flowWidth = 0;
    setToolTip({});
    update();
}

QRectF LinkItem::boundingRect() const
{
    const double margin = std::max(2.0, m_flowWidth / 2 + 1);
    return shape().boundingRect().united(m_arrow.boundingRect()).adjusted(-margin, -margin, margin, margin);
}

QPainterPath LinkItem::shape() const
{
    // A wide invisible band around the curve, so a thin link is easy to click.
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    return stroker.createStroke(path());
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = option->state & QStyle::State_Selected;
    const QColor colour = selected ? style::selection() : style::link();
    painter->setRenderHint(QPainter::Antialiasing);
    const double width = m_flowWidth > 0 ? m_flowWidth + (selected || m_hovered ? 1 : 0) : (selected || m_hovered ? 3 : 2);
    // An autoscaler's link steers its target instead of carrying calls: dashed.
    const model::BlockSpec* spec = model::Registry::instance().find(m_source->block().kind);
    const Qt::PenStyle line = spec && spec->controlLinks ? Qt::DashLine : Qt::SolidLine;
    painter->setPen(QPen(colour, width, line, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
}

void LinkItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = true;
    update();
    QGraphicsPathItem::hoverEnterEvent(event);
}

void LinkItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = false;
    update();
    QGraphicsPathItem::hoverLeaveEvent(event);
}

} // namespace scalelab::widgets
