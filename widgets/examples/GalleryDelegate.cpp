#include "GalleryDelegate.h"

#include "GalleryModel.h"
#include "ThumbnailCache.h"
#include "canvas/CanvasStyle.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace scalelab::widgets {

namespace {

constexpr int kMargin = 8;
constexpr int kTopicHeight = 34;

// Lays `text` out in `width`, at most `maxLines` lines, the last one elided;
// draws it at `topLeft` and returns the height used.
int drawWrapped(QPainter* painter, QPointF topLeft, int width, const QString& text, const QFont& font, int maxLines)
{
    const QFontMetricsF metrics(font);
    QTextLayout layout(text, font);
    layout.beginLayout();
    qreal y = 0;
    int lines = 0;
    painter->setFont(font);
    while (lines < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        ++lines;
        if (lines == maxLines && line.textStart() + line.textLength() < text.size()) {
            const QString rest = metrics.elidedText(text.mid(line.textStart()).simplified(), Qt::ElideRight, width);
            painter->drawText(QPointF(topLeft.x(), topLeft.y() + y + metrics.ascent()), rest);
        } else {
            line.draw(painter, QPointF(topLeft.x(), topLeft.y() + y));
        }
        y += metrics.lineSpacing();
    }
    layout.endLayout();
    return static_cast<int>(y);
}

} // namespace

GalleryDelegate::GalleryDelegate(const GalleryModel* model, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!index.parent().isValid())
        return {option.rect.width(), kTopicHeight};
    return {option.rect.width(), ThumbnailCache::kSize.height() + 2 * kMargin};
}

void GalleryDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    if (!index.parent().isValid())
        paintTopic(painter, option, index);
    else
        paintDesign(painter, option, index);
    painter->restore();
}

void GalleryDelegate::paintTopic(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QFont font = option.font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    painter->setFont(font);
    painter->setPen(style::textPrimary());
    const QRect text = option.rect.adjusted(kMargin, 0, -kMargin, -4);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom, index.data().toString());
    painter->setPen(style::cardBorder());
    painter->drawLine(text.left(), option.rect.bottom(), text.right(), option.rect.bottom());
}

void GalleryDelegate::paintDesign(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem panel = option;
    initStyleOption(&panel, index);
    panel.text.clear();
    panel.icon = {};
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);

    const QRect thumbRect(option.rect.left() + kMargin, option.rect.top() + kMargin, ThumbnailCache::kSize.width(),
                          ThumbnailCache::kSize.height());
    if (const ExampleLibrary::Example* example = m_model->example(index)) {
        const qreal ratio = widget ? widget->devicePixelRatioF() : 1.0;
        painter->drawPixmap(thumbRect.topLeft(), ThumbnailCache::thumbnail(example->path, example->design, ratio));
    }
    painter->setPen(style::cardBorder());
    painter->drawRect(thumbRect.adjusted(0, 0, -1, -1));

    const bool selected = option.state & QStyle::State_Selected;
    const QColor primary = selected ? option.palette.color(QPalette::HighlightedText) : style::textPrimary();
    const QColor secondary = selected ? option.palette.color(QPalette::HighlightedText) : style::textSecondary();
    const int left = thumbRect.right() + 2 * kMargin;
    const int width = option.rect.right() - kMargin - left;
    if (width <= 0)
        return;
    qreal y = option.rect.top() + kMargin;

    QFont nameFont = option.font;
    nameFont.setBold(true);
    painter->setPen(primary);
    y += drawWrapped(painter, {qreal(left), y}, width, index.data().toString(), nameFont, 1) + 2;

    painter->setPen(primary);
    y += drawWrapped(painter, {qreal(left), y}, width, index.data(GalleryModel::DescriptionRole).toString(),
                     option.font, 2) + 4;

    const QString whatToTry = index.data(GalleryModel::WhatToTryRole).toString();
    if (!whatToTry.isEmpty()) {
        QFont tryFont = option.font;
        tryFont.setItalic(true);
        painter->setPen(secondary);
        const int room = static_cast<int>((option.rect.bottom() - kMargin - y) / QFontMetricsF(tryFont).lineSpacing());
        if (room > 0)
            drawWrapped(painter, {qreal(left), y}, width, tr("Try: %1").arg(whatToTry), tryFont, room);
    }
}

} // namespace scalelab::widgets
