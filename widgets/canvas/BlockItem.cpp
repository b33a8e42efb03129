#include "BlockItem.h"

#include "BlockFigures.h"
#include "BlockIcons.h"
#include "CanvasScene.h"
#include "CanvasStyle.h"
#include "LinkItem.h"
#include "QtText.h"
#include "model/Registry.h"

#include <QCursor>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {

const model::BlockSpec* findSpec(const model::Block& block) { return model::Registry::instance().find(block.kind); }

QRectF cardRect() { return {QPointF(0, 0), style::kBlockSize}; }

// Greedy line filling: figures are joined with ", " and wrapped at a part
// boundary so that no number is cut in half; what does not fit is elided.
QStringList wrapFigures(const QStringList& parts, const QFontMetricsF& metrics, double width, int maxLines)
{
    QStringList lines;
    QString line;
    for (const QString& part : parts) {
        const QString candidate = line.isEmpty() ? part : line + ", " + part;
        // The trailing comma a wrapped line gets must fit too.
        if (line.isEmpty() || metrics.horizontalAdvance(candidate + ",") <= width) {
            line = candidate;
            continue;
        }
        lines << line + ",";
        line = part;
    }
    if (!line.isEmpty())
        lines << line;
    if (lines.size() > maxLines) {
        // Drop whole figures rather than cut one in half: "read time 2…" misleads.
        lines = lines.mid(0, maxLines);
        if (lines.last().endsWith(','))
            lines.last().chop(1);
        lines.last() += " …";
    }
    for (QString& l : lines)
        l = metrics.elidedText(l, Qt::ElideRight, width);
    return lines;
}

// Word wrapping; a word wider than `width` gets a line of its own (and the
// caller a line that does not fit, so it knows to shrink the font).
QStringList wrapWords(const QString& text, const QFontMetricsF& metrics, double width)
{
    QStringList lines;
    for (const QString& word : text.split(' ', Qt::SkipEmptyParts)) {
        if (!lines.isEmpty() && metrics.horizontalAdvance(lines.last() + ' ' + word) <= width)
            lines.last() += ' ' + word;
        else
            lines << word;
    }
    return lines;
}

struct FittedText {
    QFont font;
    QStringList lines;
};

// The name at the largest pixel size from `startPx` down to `minPx` at which
// it fits in `maxLines` lines of `width` and a height of `maxHeight`; only
// if even `minPx` is too big is the last line elided.
FittedText fitText(const QString& text, QFont font, double startPx, double minPx, double width, double maxHeight,
                   int maxLines)
{
    for (double px = startPx;; px *= 0.94) {
        px = std::max(px, minPx);
        font.setPixelSize(std::max(1, static_cast<int>(std::ceil(px - 1e-6)))); // never below the minimum
        const QFontMetricsF metrics(font);
        QStringList lines = wrapWords(text, metrics, width);
        const bool wide = std::any_of(lines.begin(), lines.end(),
                                      [&](const QString& l) { return metrics.horizontalAdvance(l) > width; });
        const bool fits = !wide && lines.size() <= maxLines && lines.size() * metrics.lineSpacing() <= maxHeight + 0.5;
        if (fits)
            return {font, lines};
        if (px <= minPx) {
            // Too long to show whole: the tooltip has the full name.
            const int keep = std::max(1, std::min<int>(maxLines, static_cast<int>(maxHeight / metrics.lineSpacing())));
            if (lines.size() > keep) {
                lines[keep - 1] = QStringList(lines.mid(keep - 1)).join(' ');
                lines = lines.mid(0, keep);
            }
            for (QString& l : lines)
                l = metrics.elidedText(l, Qt::ElideRight, width);
            return {font, lines};
        }
    }
}

// Scene-unit pixel size that appears as `screenPx` at this level of detail.
double scenePx(double screenPx, double levelOfDetail) { return screenPx / std::max(levelOfDetail, 0.05); }

} // namespace

BlockItem::BlockItem(const model::Block& block)
    : m_block(block)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setPos(block.x, block.y);
    setZValue(1);
    updateToolTip();
}

QString BlockItem::id() const { return toQString(m_block.id); }

QRectF BlockItem::boundingRect() const
{
    // Room for the ports that stick out of the card, the badge and the selection
    // outline, and while live for the badges under the card.
    const double below = m_live ? std::max(4.0, m_live->badgesHeight(cardRect().width())) : 4;
    return cardRect().adjusted(-style::kPortHitRadius, -12, style::kPortHitRadius, below);
}

QPainterPath BlockItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(cardRect(), 8, 8);
    if (hasOutputPort())
        path.addEllipse(mapFromScene(outputPortPos()), style::kPortHitRadius, style::kPortHitRadius);
    if (hasInputPort())
        path.addEllipse(mapFromScene(inputPortPos()), style::kPortHitRadius, style::kPortHitRadius);
    return path;
}

void BlockItem::setBlock(const model::Block& block)
{
    prepareGeometryChange();
    m_block = block;
    m_lowDetailCache.reset();
    updateToolTip();
    update();
}

void BlockItem::setProblems(std::vector<model::Problem> problems)
{
    m_problems = std::move(problems);
    updateToolTip();
    update();
}

void BlockItem::setHighlight(Highlight highlight)
{
    if (highlight != m_highlight) {
        m_highlight = highlight;
        update();
    }
}

void BlockItem::setLiveStats(const stats::BlockSnapshot& block)
{
    auto live = BlockLiveStats::from(block);
    // An autoscaler (or a crash) changed the pool: the card's "N x workers"
    // shows the parameter, so the badge shows what serves now.
    if (live && live->hasWorkers && m_block.params.count("instances") &&
        block.instances != static_cast<int>(m_block.param("instances")))
        live->state = QStringLiteral("%1 serving").arg(block.instances);
    // No new window, or nothing the card shows changed (the figures round
    // alike): keep what is shown and spare the repaint. The stats kept are
    // those drawn, so the card and its tooltip always agree.
    if (!live || (m_live && live->looksLike(*m_live)))
        return;
    const double width = cardRect().width();
    if (!m_live || live->badgesHeight(width) != m_live->badgesHeight(width))
        prepareGeometryChange(); // the badges wrapped onto another line: the bounds change
    m_live = live;
    m_lowDetailCache.reset();
    if (isUnderMouse())
        updateToolTip(); // the others build theirs when hovered: a snapshot a window
    update();
}

void BlockItem::clearLiveStats()
{
    if (!m_live)
        return;
    prepareGeometryChange();
    m_live.reset();
    m_lowDetailCache.reset();
    if (isUnderMouse())
        updateToolTip();
    update();
}

QString BlockItem::keyFigure() const
{
    if (m_live) {
        if (m_live->down)
            return QObject::tr("DOWN");
        const QString rate = BlockFigures::compactNumber(std::round(m_live->rps)) + " rps";
        return m_live->hasWorkers ? QStringLiteral("%1% · %2").arg(qRound(m_live->utilization * 100)).arg(rate) : rate;
    }
    // The first figure with a number up front ("2,000 rps", "4 × 16 workers")
    // says most about the block; a traffic model's shape ("open, ramp") less.
    const QStringList parts = BlockFigures::parts(m_block);
    for (const QString& part : parts)
        if (!part.isEmpty() && part.front().isDigit())
            return part;
    return parts.isEmpty() ? QString() : parts.front();
}

BlockItem::LowDetailText BlockItem::lowDetailText(double levelOfDetail) const
{
    if (m_lowDetailCache && m_lowDetailCache->first == levelOfDetail)
        return m_lowDetailCache->second;
    const QRectF card = cardRect();
    const double width = card.width() - 20;
    LowDetailText text;
    text.figure = keyFigure();
    const FittedText figure = fitText(text.figure, QFont(), scenePx(10 * m_textScale, levelOfDetail),
                                      scenePx(9, levelOfDetail), width, card.height(), 1);
    text.figureFont = figure.font;
    text.figure = figure.lines.value(0);
    const double figureHeight = text.figure.isEmpty() ? 0 : QFontMetricsF(text.figureFont).lineSpacing() + 2;
    QFont bold;
    bold.setBold(true);
    // Between the top stripe and the utilisation bar, above the figure.
    const FittedText name = fitText(toQString(m_block.name), bold, scenePx(13 * m_textScale, levelOfDetail),
                                    scenePx(9, levelOfDetail), width, card.height() - 20 - figureHeight, 2);
    text.nameFont = name.font;
    text.nameLines = name.lines;
    if (name.lines.join(' ') != toQString(m_block.name)) {
        // A very long name gets the figure's room too (the tooltip has the figure).
        const FittedText whole = fitText(toQString(m_block.name), bold, scenePx(13 * m_textScale, levelOfDetail),
                                         scenePx(9, levelOfDetail), width, card.height() - 20, 3);
        text.nameFont = whole.font;
        text.nameLines = whole.lines;
        text.figure.clear();
    }
    m_lowDetailCache.emplace(levelOfDetail, text);
    return text;
}

void BlockItem::setTextScale(double scale)
{
    if (scale == m_textScale)
        return;
    prepareGeometryChange();
    m_textScale = scale;
    m_lowDetailCache.reset();
    update();
}

QRectF BlockItem::obstacleRect() const
{
    // The problem badge pokes out of the top right corner; live badges hang below.
    const double below = m_live ? m_live->badgesHeight(cardRect().width()) : 0;
    return mapRectToScene(cardRect().adjusted(0, -8, 6, below));
}

bool BlockItem::hasInputPort() const
{
    const model::BlockSpec* spec = findSpec(m_block);
    return spec && spec->acceptsInput;
}

bool BlockItem::hasOutputPort() const
{
    const model::BlockSpec* spec = findSpec(m_block);
    return spec && !spec->allowedTargets.empty();
}

QPointF BlockItem::inputPortPos() const { return mapToScene(0, style::kBlockSize.height() / 2); }

QPointF BlockItem::outputPortPos() const
{
    return mapToScene(style::kBlockSize.width(), style::kBlockSize.height() / 2);
}

bool BlockItem::isOnOutputPort(QPointF scenePos) const
{
    if (!hasOutputPort())
        return false;
    const QPointF d = scenePos - outputPortPos();
    return std::hypot(d.x(), d.y()) <= style::kPortHitRadius;
}

void BlockItem::removeLink(LinkItem* link) { m_links.erase(std::remove(m_links.begin(), m_links.end(), link), m_links.end()); }

QVariant BlockItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionChange) {
        auto* canvas = dynamic_cast<CanvasScene*>(scene());
        if (canvas && canvas->snapsUserMoves()) {
            const QPointF p = value.toPointF();
            return QPointF(std::round(p.x() / style::kGrid) * style::kGrid,
                           std::round(p.y() / style::kGrid) * style::kGrid);
        }
    }
    if (change == ItemPositionHasChanged)
        for (LinkItem* link : m_links)
            link->updatePath();
    return QGraphicsItem::itemChange(change, value);
}

void BlockItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = true; // zoomed out a little, the hovered card shows its full detail
    updateToolTip();  // with the live figures as they are now
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void BlockItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void BlockItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    // The crosshair tells the user that dragging from here draws a link.
    setCursor(isOnOutputPort(event->scenePos()) ? Qt::CrossCursor : Qt::ArrowCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

void BlockItem::updateToolTip()
{
    setToolTip(toolTipText());
}

QString BlockItem::toolTipText() const
{
    const model::BlockSpec* spec = findSpec(m_block);
    const QString kind = spec ? toQString(spec->displayName) : toQString(m_block.kind);
    QString tip = QStringLiteral("<b>%1</b><br>%2 · %3").arg(toQString(m_block.name).toHtmlEscaped(),
                                                              kind.toHtmlEscaped(), id().toHtmlEscaped());
    if (const QStringList figures = BlockFigures::parts(m_block); !figures.isEmpty())
        tip += "<br>" + figures.join(", ").toHtmlEscaped();
    // Zoomed out the card has no room for its badges: the tooltip says them.
    if (m_live)
        tip += "<br><b>" + QObject::tr("Now: %1").arg(m_live->badgeTexts().join(" · ")).toHtmlEscaped() + "</b>";
    if (spec)
        tip += "<br><i>" + toQString(spec->summary).toHtmlEscaped() + "</i>";
    for (const auto& problem : m_problems)
        tip += QStringLiteral("<br><span style='color:%1'>%2: %3</span>")
                   .arg(problem.isError() ? style::error().name() : style::warning().name(),
                        problem.isError() ? QObject::tr("Error") : QObject::tr("Warning"),
                        toQString(problem.message).toHtmlEscaped());
    if (hasOutputPort())
        tip += "<br><i>" + QObject::tr("Drag from the right-hand port to link it to another block.") + "</i>";
    return tip;
}

void BlockItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    const model::BlockSpec* spec = findSpec(m_block);
    const QColor accent = style::categoryColor(spec ? spec->category : std::string{});
    const QRectF card = cardRect();
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);

    // Card with a soft shadow and a category stripe along the top.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 22));
    painter->drawRoundedRect(card.translated(0, 2), 8, 8);
    QColor border = style::cardBorder();
    if (m_highlight == Highlight::Accept)
        border = style::accepted();
    else if (m_highlight == Highlight::Refuse)
        border = style::error();
    else if (selected)
        border = style::selection();
    QPen borderPen(border, (selected || m_highlight != Highlight::None) ? 2.5 : 1);
    if (m_live && m_live->down && !selected && m_highlight == Highlight::None)
        borderPen = QPen(style::error(), 2, Qt::DashLine); // a down block must be seen from afar
    painter->setPen(borderPen);
    painter->setBrush(m_live ? m_live->cardFill() : style::cardFill());
    painter->drawRoundedRect(card, 8, 8);
    QPainterPath stripe;
    stripe.addRoundedRect(card.adjusted(1, 1, -1, 0), 7, 7);
    QPainterPath top;
    top.addRect(card.adjusted(0, 0, 0, -(card.height() - 6)));
    painter->fillPath(stripe.intersected(top), accent);

    const double lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const bool lowDetail = lod < kLowDetail && !(m_hovered && lod >= kHoverDetail);
    if (lowDetail)
        paintLowDetail(painter, card, lod);
    else
        paintFullDetail(painter, card, widget);

    // Ports: hollow input, filled output (the end a link is dragged from).
    painter->setPen(QPen(accent, 2));
    if (hasInputPort()) {
        painter->setBrush(Qt::white);
        painter->drawEllipse(mapFromScene(inputPortPos()), style::kPortRadius, style::kPortRadius);
    }
    if (hasOutputPort()) {
        painter->setBrush(accent);
        painter->drawEllipse(mapFromScene(outputPortPos()), style::kPortRadius, style::kPortRadius);
    }
    if (m_live) {
        // Zoomed out, the key figure carries the utilisation and the DOWN tag.
        m_live->paintUtilization(painter, card, !lowDetail);
        // The badges under the card keep their scene size, so zoomed out they
        // would be specks: the key figure stands for them, and hovering (full
        // detail) or the tooltip brings them back.
        if (!lowDetail) {
            m_live->paintDown(painter, card);
            m_live->paintBadges(painter, card);
        }
    }
    paintBadge(painter, card);
}

void BlockItem::paintLowDetail(QPainter* painter, QRectF card, double levelOfDetail) const
{
    const LowDetailText text = lowDetailText(levelOfDetail);
    painter->setFont(text.nameFont);
    painter->setPen(style::textPrimary());
    const QFontMetricsF nameMetrics(text.nameFont);
    // The name and the figure as one block, centred between the stripe and
    // the utilisation bar (10 px each side at least, the room lowDetailText kept).
    const double figureHeight =
        text.figure.isEmpty() ? 0 : QFontMetricsF(text.figureFont).lineSpacing() + 2;
    const double textHeight = text.nameLines.size() * nameMetrics.lineSpacing() + figureHeight;
    double baseline = card.top() + std::max(10.0, (card.height() - textHeight) / 2) + nameMetrics.ascent();
    for (const QString& line : text.nameLines) {
        painter->drawText(QPointF(card.left() + 10, baseline), line);
        baseline += nameMetrics.lineSpacing();
    }
    if (text.figure.isEmpty())
        return;
    const QFontMetricsF figureMetrics(text.figureFont);
    QColor colour = style::textSecondary();
    if (m_live && m_live->down)
        colour = style::error();
    else if (m_live && m_live->hasWorkers)
        colour = BlockLiveStats::levelColor(m_live->utilization).darker(115);
    painter->setFont(text.figureFont);
    painter->setPen(colour);
    // `baseline` is now where a further name line would sit: the figure
    // starts where that line's top would be, the room lowDetailText kept.
    painter->drawText(QPointF(card.left() + 10, baseline - nameMetrics.ascent() + 2 + figureMetrics.ascent()),
                      text.figure);
}

void BlockItem::paintFullDetail(QPainter* painter, QRectF card, QWidget* widget) const
{
    const model::BlockSpec* spec = findSpec(m_block);
    // Icon, name and kind.
    const QRectF iconRect(10, 16, 32, 32);
    // The icon's pixmap at the size it appears on screen, from QIcon's cache:
    // rendering the SVG on every paint made the live view's repaints slow.
    const double scale = painter->worldTransform().m11() * (widget ? widget->devicePixelRatioF() : 1.0);
    const int side = std::max(8, qRound(iconRect.width() * scale));
    painter->drawPixmap(iconRect, BlockIcons::icon(spec ? spec->icon : m_block.kind).pixmap(side, side),
                        QRectF(0, 0, side, side));
    const double textLeft = iconRect.right() + 8;
    // While live the top right corner holds the utilisation figure or the DOWN tag.
    const double textWidth = card.width() - textLeft - 8 - (m_live && (m_live->hasWorkers || m_live->down) ? 44 : 0);
    // Point sizes of the normal card; a long name shrinks a little (to 85%) before it is elided.
    QFont nameFont;
    nameFont.setPointSizeF(9.5 * m_textScale);
    nameFont.setBold(true);
    const double namePx = QFontInfo(nameFont).pixelSize();
    const FittedText name =
        fitText(toQString(m_block.name), nameFont, namePx, namePx * 0.85, textWidth, card.height(), 1);
    const QFontMetricsF nameMetrics(name.font);
    painter->setFont(name.font);
    painter->setPen(style::textPrimary());
    painter->drawText(QPointF(textLeft, 16 + nameMetrics.ascent()), name.lines.value(0));
    QFont smallFont;
    smallFont.setPointSizeF(8.5 * m_textScale);
    QFontMetricsF smallMetrics(smallFont);
    painter->setFont(smallFont);
    painter->setPen(style::textSecondary());
    const QString kind = spec ? toQString(spec->displayName) : toQString(m_block.kind);
    const QString subtitle = kind == toQString(m_block.name) ? id() : kind + " · " + id();
    const double subtitleBaseline = 16 + nameMetrics.height() + 2 + smallMetrics.ascent();
    painter->drawText(QPointF(textLeft, subtitleBaseline), smallMetrics.elidedText(subtitle, Qt::ElideRight, textWidth));

    // Key figures, up to two lines across the bottom of the card (fewer if
    // presenter mode's larger text leaves room for only one).
    painter->setPen(style::textPrimary());
    // Three figures at most: the card is a summary, the property dock has the rest.
    const QStringList lines = wrapFigures(BlockFigures::parts(m_block).mid(0, 3), smallMetrics, card.width() - 20, 2);
    double baseline = std::max(60.0, subtitleBaseline + smallMetrics.descent() + 4) + smallMetrics.ascent();
    for (const QString& line : lines) {
        if (baseline + smallMetrics.descent() > card.bottom() - 4)
            break;
        painter->drawText(QPointF(10, baseline), line);
        baseline += smallMetrics.lineSpacing();
    }
}

void BlockItem::paintBadge(QPainter* painter, QRectF card) const
{
    if (m_problems.empty())
        return;
    const bool error = std::any_of(m_problems.begin(), m_problems.end(), [](const auto& p) { return p.isError(); });
    const QPointF centre(card.right() - 4, card.top() + 2);
    painter->setPen(QPen(Qt::white, 2));
    painter->setBrush(error ? style::error() : style::warning());
    painter->drawEllipse(centre, 10, 10);
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(9);
    painter->setFont(font);
    painter->setPen(Qt::white);
    const int count = static_cast<int>(m_problems.size());
    painter->drawText(QRectF(centre - QPointF(10, 10), QSizeF(20, 20)), Qt::AlignCenter,
                      count > 1 ? QString::number(count) : QStringLiteral("!"));
}

} // namespace scalelab::widgets
