#pragma once
// Where a link runs between two ports without crossing the cards (and their
// badges) in between. A link whose plain S-curve is clear keeps it; one that
// would cut through a card runs orthogonally instead: out of the source port,
// along a free lane between the cards, into the target port, with rounded
// corners. The route is the cheapest of a small set of candidate lanes and
// channels (length plus a cost per bend); pure geometry, no scene needed.
#include <QPainterPath>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace scalelab::widgets {

class LinkRouter {
public:
    // `from` is just right of the source's output port, `to` just left of the
    // target's input port; `obstacles` are the rects to keep clear of, those of
    // the source and target cards included (the route leaves and enters them
    // only through the ports).
    static QPainterPath route(QPointF from, QPointF to, const std::vector<QRectF>& obstacles);
    // The plain S-curve with horizontal tangents at both ports.
    static QPainterPath curve(QPointF from, QPointF to);
    // Clearance kept between a link and a card it passes.
    static constexpr double kClearance = 10;
};

} // namespace scalelab::widgets
