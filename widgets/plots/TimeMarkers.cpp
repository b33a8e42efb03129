#include "TimeMarkers.h"

#include "QtText.h"
#include "RunHistory.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {

constexpr double kLabelGap = 3;       // between a line and its label, and between labels
constexpr double kLabelPadding = 3;   // inside a label's box
constexpr double kMaxLabelWidth = 190;
constexpr double kTwoRowsHeight = 110; // axis rect height from which labels use two rows
constexpr double kNoLabelsHeight = 45; // below this, lines only

} // namespace

TimeMarkers::Style TimeMarkers::styleOf(stats::EventLogEntry::Kind kind)
{
    using Kind = stats::EventLogEntry::Kind;
    switch (kind) {
    case Kind::Fault: return {QColor(0xc0, 0x1c, 0x28), Qt::SolidLine};
    case Kind::Recovery: return {QColor(0x2a, 0x9d, 0x5c), Qt::DashLine};
    case Kind::Reaction: return {QColor(0x6a, 0x3d, 0x9a), Qt::DashLine};
    case Kind::Design: break;
    }
    return {QColor(0x1f, 0x4e, 0x79), Qt::SolidLine}; // design changes: the user's own edits
}

QString TimeMarkers::shortText(const stats::EventLogEntry& entry)
{
    // "scaler: 98.5 rps per instance, adding 83 to web (10 -> 93)" reads
    // "scaler: adding 83 to web": the action, without the figures and
    // reasons that follow (the read-out has the whole text).
    QString text = toQString(entry.text);
    for (const QString& cut : {QStringLiteral(" ("), QStringLiteral("; ")})
        if (const qsizetype at = text.indexOf(cut); at > 0)
            text.truncate(at);
    QString prefix;
    if (const qsizetype colon = text.indexOf(QStringLiteral(": ")); colon > 0) {
        prefix = text.left(colon + 2);
        text = text.mid(colon + 2);
    }
    const QStringList clauses = text.split(QStringLiteral(", "));
    QString shown = clauses.front();
    // The clause that says what was done: "adding ...", "removing ...", "answering 429".
    for (const QString& clause : clauses.mid(1))
        if (clause.section(' ', 0, 0).endsWith(QStringLiteral("ing")))
            shown = clause;
    return prefix + shown;
}

TimeMarkers::TimeMarkers(QCustomPlot* plot)
    : QCPLayerable(plot)
{
    const QString layer = QStringLiteral("markers");
    if (!plot->layer(layer))
        plot->addLayer(layer, plot->layer("grid"), QCustomPlot::limAbove);
    setLayer(layer);
    setAntialiased(false); // crisp one-pixel lines
}

void TimeMarkers::append(const std::vector<stats::EventLogEntry>& log)
{
    RunHistory::appendNewer(m_entries, log);
}

void TimeMarkers::clear()
{
    m_entries.clear();
    m_placed.clear();
}

void TimeMarkers::setBlockFilter(const QString& id)
{
    m_blockFilter = id;
}

bool TimeMarkers::passes(const stats::EventLogEntry& entry) const
{
    if (m_blockFilter.isEmpty() || entry.blocks.empty())
        return true;
    const std::string id = toStdString(m_blockFilter);
    return std::find(entry.blocks.begin(), entry.blocks.end(), id) != entry.blocks.end();
}

std::vector<stats::EventLogEntry> TimeMarkers::shown() const
{
    std::vector<stats::EventLogEntry> result;
    std::copy_if(m_entries.begin(), m_entries.end(), std::back_inserter(result),
                 [this](const auto& entry) { return passes(entry); });
    return result;
}

QStringList TimeMarkers::textsNear(double seconds, double toleranceSeconds) const
{
    QStringList texts;
    for (const auto& entry : m_entries)
        if (passes(entry) && std::abs(entry.atS - seconds) <= toleranceSeconds)
            texts << toQString(entry.text);
    return texts;
}

void TimeMarkers::avoid(QCPItemText* item)
{
    m_avoided.emplace_back(item);
}

void TimeMarkers::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    applyAntialiasingHint(painter, mAntialiased, QCP::aeOther);
}

QRect TimeMarkers::clipRect() const
{
    return mParentPlot->axisRect()->rect();
}

void TimeMarkers::draw(QCPPainter* painter)
{
    m_placed.clear();
    QCPAxis* axis = mParentPlot->xAxis;
    const QRectF area = mParentPlot->axisRect()->rect();
    const QCPRange range = axis->range();
    QFont font = mParentPlot->legend->font();
    font.setPointSizeF(font.pointSizeF() * 0.95);
    const QFontMetricsF metrics(font);
    const double rowHeight = metrics.height() + 2;
    const int rows = area.height() >= kTwoRowsHeight ? 2 : area.height() >= kNoLabelsHeight ? 1 : 0;
    const double maxWidth = std::min(kMaxLabelWidth, area.width() * 0.45);
    std::vector<std::vector<QRectF>> taken(static_cast<size_t>(rows));
    for (const QPointer<QCPItemText>& item : m_avoided)
        if (item && item->visible()) {
            const QRectF rect = QRectF(item->topLeft->pixelPosition(), item->bottomRight->pixelPosition()).normalized();
            for (auto& row : taken)
                row.push_back(rect);
        }
    painter->setFont(font);

    int index = -1;
    double lastPixel = -1;
    stats::EventLogEntry::Kind lastKind{};
    for (const stats::EventLogEntry& entry : m_entries) {
        if (!passes(entry))
            continue;
        ++index;
        if (entry.atS < range.lower || entry.atS > range.upper)
            continue;
        const double x = std::round(axis->coordToPixel(entry.atS)) + 0.5;
        const Style style = styleOf(entry.kind);
        // Many entries on one pixel column (a burst of reactions) draw one line.
        if (x != lastPixel || entry.kind != lastKind) {
            QColor lineColor = style.color;
            lineColor.setAlpha(150);
            painter->setPen(QPen(lineColor, 1, style.line));
            painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
            lastPixel = x;
            lastKind = entry.kind;
        }
        if (rows == 0)
            continue;
        const QString text = metrics.elidedText(shortText(entry), Qt::ElideRight, maxWidth - 2 * kLabelPadding);
        const double width = metrics.horizontalAdvance(text) + 2 * kLabelPadding;
        // Right of the line; left of it where the right edge would cut it.
        double left = x + kLabelGap;
        if (left + width > area.right())
            left = x - kLabelGap - width;
        if (left < area.left())
            continue;
        for (int row = 0; row < rows; ++row) {
            const QRectF rect(left, area.top() + 2 + row * rowHeight, width, rowHeight - 1);
            auto& placed = taken[static_cast<size_t>(row)];
            const QRectF spaced = rect.adjusted(-kLabelGap, 0, kLabelGap, 0);
            if (std::any_of(placed.begin(), placed.end(), [&](const QRectF& r) { return r.intersects(spaced); }))
                continue;
            placed.push_back(rect);
            m_placed.push_back({rect, index});
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(255, 255, 255, 215));
            painter->drawRect(rect);
            painter->setPen(style.color.darker(120));
            painter->drawText(rect.adjusted(kLabelPadding, 0, -kLabelPadding, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
            break;
        }
    }
}

} // namespace scalelab::widgets
