#include "CalloutItem.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QTimer>

namespace scalelab::widgets {

CalloutItem::CalloutItem(const QString& text, QColor colour, int lifetimeMs)
    : m_text(text)
    , m_colour(colour)
{
    const QFontMetricsF metrics(QGuiApplication::font());
    const QRectF textRect = metrics.boundingRect(QRectF(0, 0, 320, 200), Qt::TextWordWrap, m_text);
    m_rect = textRect.adjusted(-10, -7, 10, 7).translated(10, 7);
    setZValue(10); // above blocks and links
    QTimer::singleShot(lifetimeMs, this, &QObject::deleteLater);
}

QRectF CalloutItem::boundingRect() const { return m_rect.adjusted(-1, -1, 1, 1); }

void CalloutItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_colour);
    painter->drawRoundedRect(m_rect, 6, 6);
    painter->setPen(Qt::white);
    painter->setFont(QGuiApplication::font());
    painter->drawText(m_rect.adjusted(10, 7, -10, -7), Qt::TextWordWrap, m_text);
}

} // namespace scalelab::widgets
