#include "LinkRouter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

constexpr double kStub = 20;      // straight run out of a port before the first turn
constexpr double kBendCost = 40;  // a bend costs as much as this much extra length
constexpr double kCornerRadius = 14;

using Polyline = std::vector<QPointF>;

// An axis-aligned segment against a rect: true if it passes through the inside.
bool crosses(QPointF a, QPointF b, const QRectF& r)
{
    const double left = std::min(a.x(), b.x()), right = std::max(a.x(), b.x());
    const double top = std::min(a.y(), b.y()), bottom = std::max(a.y(), b.y());
    return left < r.right() && right > r.left() && top < r.bottom() && bottom > r.top();
}

int crossings(const Polyline& line, const std::vector<QRectF>& obstacles)
{
    int count = 0;
    for (const QRectF& r : obstacles)
        for (size_t i = 1; i < line.size(); ++i)
            if (crosses(line[i - 1], line[i], r)) {
                ++count;
                break;
            }
    return count;
}

double cost(const Polyline& line)
{
    double length = 0;
    int bends = 0;
    for (size_t i = 1; i < line.size(); ++i) {
        length += std::abs(line[i].x() - line[i - 1].x()) + std::abs(line[i].y() - line[i - 1].y());
        if (i + 1 < line.size())
            ++bends;
    }
    return length + kBendCost * bends;
}

// Drops zero-length segments and merges straight runs, so bends are counted right.
Polyline simplified(const Polyline& line)
{
    Polyline out;
    for (const QPointF& p : line) {
        if (!out.empty() && QLineF(out.back(), p).length() < 0.5)
            continue;
        if (out.size() >= 2) {
            const QPointF a = out[out.size() - 2], b = out.back();
            const bool collinear = (std::abs(a.x() - b.x()) < 0.5 && std::abs(b.x() - p.x()) < 0.5)
                || (std::abs(a.y() - b.y()) < 0.5 && std::abs(b.y() - p.y()) < 0.5);
            if (collinear)
                out.back() = p;
            else
                out.push_back(p);
            continue;
        }
        out.push_back(p);
    }
    return out;
}

QPainterPath rounded(const Polyline& line)
{
    QPainterPath path(line.front());
    for (size_t i = 1; i + 1 < line.size(); ++i) {
        const QPointF prev = line[i - 1], corner = line[i], next = line[i + 1];
        const double r = std::min({kCornerRadius, QLineF(prev, corner).length() / 2, QLineF(corner, next).length() / 2});
        const QPointF in = corner + (prev - corner) * (r / QLineF(prev, corner).length());
        const QPointF out = corner + (next - corner) * (r / QLineF(corner, next).length());
        path.lineTo(in);
        path.quadTo(corner, out);
    }
    path.lineTo(line.back());
    return path;
}

// Sampled every few units rather than QPainterPath::intersects, which treats
// an open curve as the area between it and its chord.
bool curveIsClear(const QPainterPath& curve, const std::vector<QRectF>& obstacles)
{
    const int samples = std::max(8, static_cast<int>(curve.length() / 3));
    for (int i = 0; i <= samples; ++i) {
        const QPointF p = curve.pointAtPercent(static_cast<double>(i) / samples);
        for (const QRectF& r : obstacles)
            if (r.contains(p))
                return false;
    }
    return true;
}

} // namespace

QPainterPath LinkRouter::curve(QPointF from, QPointF to)
{
    // Horizontal tangents at both ports; the bulge grows with the distance so
    // that a link to a block on the left loops round instead of cutting through.
    const double dx = std::max(40.0, std::abs(to.x() - from.x()) / 2);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

QPainterPath LinkRouter::route(QPointF from, QPointF to, const std::vector<QRectF>& obstacles)
{
    std::vector<QRectF> padded;
    padded.reserve(obstacles.size());
    for (const QRectF& r : obstacles)
        padded.push_back(r.adjusted(-kClearance, -kClearance, kClearance, kClearance));
    // The ports sit on the rims of their own cards: keep the curve test off
    // the padding there, or every link would be "blocked" by its own ends.
    auto clearOfEnds = [&](const QRectF& r) { return !r.contains(from) && !r.contains(to); };
    std::vector<QRectF> curveObstacles;
    for (const QRectF& r : padded)
        curveObstacles.push_back(clearOfEnds(r) ? r : r.adjusted(kClearance, kClearance, -kClearance, -kClearance));
    const QPainterPath smooth = curve(from, to);
    if (curveIsClear(smooth, curveObstacles))
        return smooth;

    // Vertical channels: just out of the ports, or beside a card in between;
    // horizontal lanes: the ports' own heights, or above or below a card.
    std::vector<double> exits{from.x() + kStub}, entries{to.x() - kStub}, lanes{from.y(), to.y()};
    for (const QRectF& r : padded) {
        if (r.right() > from.x())
            exits.push_back(r.right() + 1);
        if (r.left() < to.x())
            entries.push_back(r.left() - 1);
        lanes.push_back(r.top() - 1);
        lanes.push_back(r.bottom() + 1);
    }
    Polyline best;
    double bestScore = std::numeric_limits<double>::max();
    for (double x1 : exits)
        for (double x2 : entries)
            for (double lane : lanes) {
                const Polyline line = simplified({from, {x1, from.y()}, {x1, lane}, {x2, lane}, {x2, to.y()}, to});
                // A crossing is allowed only when nothing clear exists; then the fewest.
                const double score = cost(line) + 1e6 * crossings(line, curveObstacles);
                if (score < bestScore) {
                    bestScore = score;
                    best = line;
                }
            }
    return rounded(best);
}

} // namespace scalelab::widgets
