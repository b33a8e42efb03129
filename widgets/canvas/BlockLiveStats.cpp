#include "BlockLiveStats.h"

#include "BlockFigures.h"
#include "CanvasStyle.h"
#include "QtText.h"
#include "core/FigureNames.h"
#include "model/NumberText.h"
#include "model/Registry.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {

constexpr double kBadgeHeight = 17;
constexpr double kBadgeGap = 4;
constexpr double kBadgeTop = 5; // below the card

struct Badge {
    QString text;
    QColor fill;
    QColor textColor;
    bool operator==(const Badge&) const = default;
};

// The utilisation as drawn: the figure and the bar both show whole percents.
int percentOf(double utilization)
{
    return qRound(utilization * 100);
}

QFont badgeFont()
{
    QFont font;
    font.setPointSizeF(7.5);
    font.setBold(true);
    return font;
}

QString latencyText(double ms)
{
    return toQString(model::latencyText(ms));
}

std::vector<Badge> badgesOf(const BlockLiveStats& live)
{
    const QColor plain(0xff, 0xff, 0xff), plainText = style::textPrimary();
    std::vector<Badge> badges;
    if (!live.state.isEmpty())
        badges.push_back({live.state, live.stateAlarm ? style::error() : plain, live.stateAlarm ? QColor(Qt::white) : plainText});
    badges.push_back({BlockFigures::compactNumber(std::round(live.rps)) + " rps", plain, plainText});
    if (live.p95Ms > 0)
        badges.push_back({"p95 " + latencyText(live.p95Ms), plain, plainText});
    if (live.errorsPerSecond > 0)
        badges.push_back({BlockFigures::compactNumber(std::round(live.errorsPerSecond * 10) / 10) + " err/s",
                          style::error(), Qt::white});
    if (live.pooled) {
        // Calls waiting for a connection of the caller's pool: the wait is
        // part of their latency; amber once some give up (pool_timeout).
        badges.push_back({"pool wait " + latencyText(live.poolWaitMs), live.poolTimeouts ? style::warning() : plain,
                          live.poolTimeouts ? QColor(Qt::white) : plainText});
    }
    if (live.hasWorkers) {
        // A queue that builds up is the first sign of a bottleneck: make it stand out.
        const bool building = live.queue >= 1;
        badges.push_back({"queue " + BlockFigures::compactNumber(std::round(live.queue * 10) / 10),
                          building ? style::warning() : plain, building ? QColor(Qt::white) : plainText});
    }
    return badges;
}

// Lays the badges out left to right, wrapping at `width`; returns their rects.
std::vector<QRectF> layout(const std::vector<Badge>& badges, double left, double top, double width)
{
    const QFontMetricsF metrics(badgeFont());
    std::vector<QRectF> rects;
    double x = left, y = top;
    for (const Badge& badge : badges) {
        const double w = metrics.horizontalAdvance(badge.text) + 10;
        if (x > left && x + w > left + width) {
            x = left;
            y += kBadgeHeight + kBadgeGap;
        }
        rects.emplace_back(x, y, w, kBadgeHeight);
        x += w + kBadgeGap;
    }
    return rects;
}

} // namespace

std::optional<BlockLiveStats> BlockLiveStats::from(const stats::BlockSnapshot& block)
{
    if (block.series.empty())
        return std::nullopt;
    const stats::WindowSample& window = block.series.back();
    BlockLiveStats live;
    live.rps = window.arrivalsPerSecond;
    live.p95Ms = window.p95Ms;
    live.errorsPerSecond = window.errorsTotalPerSecond();
    live.queue = window.meanQueue;
    live.utilization = window.utilization;
    live.hasWorkers = block.hasWorkers;
    live.down = live.errorsPerSecond > 0 && window.throughputPerSecond == 0;
    live.pooled = block.extras.count(figures::kPoolCalls) > 0;
    live.poolWaitMs = window.poolWaitMs;
    live.poolTimeouts = window.errorsPerSecond[static_cast<size_t>(sim::Outcome::PoolTimeout) - 1] > 0;
    // The kind's own state (breaker state, instances wanted...), as its registry entry words it.
    if (const model::BlockSpec* spec = model::Registry::instance().find(block.kind); spec && spec->gauge.badge) {
        const model::StateBadge badge = spec->gauge.badge(window.gauge, block.extras);
        live.state = toQString(badge.text);
        live.stateAlarm = badge.alarm;
        live.down = live.down && !badge.refusing;
    }
    return live;
}

QColor BlockLiveStats::levelColor(double utilization)
{
    if (utilization < 0.6)
        return {0x2d, 0xa4, 0x4e};
    if (utilization < 0.85)
        return {0xd4, 0x8a, 0x00};
    return {0xcf, 0x22, 0x2e};
}

QColor BlockLiveStats::cardFill() const
{
    if (down)
        return {0xe6, 0xe8, 0xeb};
    if (!hasWorkers)
        return style::cardFill();
    // A light wash of the band colour keeps the card's text readable.
    if (utilization < 0.6)
        return {0xe6, 0xf6, 0xea};
    if (utilization < 0.85)
        return {0xfd, 0xf0, 0xcf};
    return {0xfb, 0xd9, 0xdb};
}

bool BlockLiveStats::looksLike(const BlockLiveStats& other) const
{
    return down == other.down && hasWorkers == other.hasWorkers && cardFill() == other.cardFill() &&
           levelColor(utilization) == levelColor(other.utilization) &&
           percentOf(utilization) == percentOf(other.utilization) && badgesOf(*this) == badgesOf(other);
}

double BlockLiveStats::badgesHeight(double width) const
{
    const auto rects = layout(badgesOf(*this), 0, kBadgeTop, width);
    return rects.empty() ? 0 : rects.back().bottom() + 1;
}

void BlockLiveStats::paintBadges(QPainter* painter, QRectF card) const
{
    const auto badges = badgesOf(*this);
    const auto rects = layout(badges, card.left(), card.bottom() + kBadgeTop, card.width());
    painter->setFont(badgeFont());
    for (size_t i = 0; i < badges.size(); ++i) {
        painter->setPen(QPen(style::cardBorder(), 1));
        painter->setBrush(badges[i].fill);
        painter->drawRoundedRect(rects[i], kBadgeHeight / 2, kBadgeHeight / 2);
        painter->setPen(badges[i].textColor);
        painter->drawText(rects[i], Qt::AlignCenter, badges[i].text);
    }
}

void BlockLiveStats::paintUtilization(QPainter* painter, QRectF card, bool withFigure) const
{
    if (!hasWorkers || down)
        return;
    const QColor level = levelColor(utilization);
    const QRectF track(card.left() + 8, card.bottom() - 7, card.width() - 16, 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 25));
    painter->drawRoundedRect(track, 2, 2);
    painter->setBrush(level);
    QRectF bar = track;
    bar.setWidth(track.width() * std::clamp(percentOf(utilization), 0, 100) / 100.0); // as the figure: whole percents
    painter->drawRoundedRect(bar, 2, 2);
    if (!withFigure)
        return;
    QFont font = painter->font();
    font.setPointSizeF(10);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(level.darker(115));
    painter->drawText(QRectF(card.right() - 58, card.top() + 12, 50, 20), Qt::AlignRight | Qt::AlignVCenter,
                      QStringLiteral("%1%").arg(percentOf(utilization)));
}

void BlockLiveStats::paintDown(QPainter* painter, QRectF card) const
{
    if (!down)
        return;
    const QRectF tag(card.right() - 56, card.top() + 12, 48, 18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style::error());
    painter->drawRoundedRect(tag, 4, 4);
    QFont font = painter->font();
    font.setPointSizeF(8);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(tag, Qt::AlignCenter, QCoreApplication::translate("BlockLiveStats", "DOWN"));
}

QStringList BlockLiveStats::badgeTexts() const
{
    QStringList texts;
    for (const Badge& badge : badgesOf(*this))
        texts << badge.text;
    return texts;
}

} // namespace scalelab::widgets
