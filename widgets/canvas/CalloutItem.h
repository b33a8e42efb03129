#pragma once
// A short message pinned to a point of the canvas (e.g. why a link was
// refused), shown where the user is looking rather than only in the status
// bar. It removes itself after a few seconds.
#include <QGraphicsObject>

namespace scalelab::widgets {

class CalloutItem : public QGraphicsObject {
    Q_OBJECT
public:
    CalloutItem(const QString& text, QColor colour, int lifetimeMs = 4000);

    QString text() const { return m_text; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString m_text;
    QColor m_colour;
    QRectF m_rect;
};

} // namespace scalelab::widgets
