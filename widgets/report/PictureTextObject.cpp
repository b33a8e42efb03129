#include "PictureTextObject.h"

#include "PictureFonts.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPicture>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

#include <algorithm>

namespace scalelab::widgets {

namespace {
enum Property {
    PictureProperty = QTextFormat::UserProperty + 1,
    SizeProperty,
    SourceProperty,
    ScaleProperty,
    RotatedProperty,
    RoleProperty
};
// A picture never takes more of a page's height than this, so a tall design
// leaves room for its heading on the same page.
constexpr double kMaxPageHeightShare = 0.8;
} // namespace

void PictureTextObject::install(QTextDocument* document)
{
    document->documentLayout()->registerHandler(kType, new PictureTextObject(document));
}

namespace {

QRectF sourceOf(const QTextFormat& format)
{
    const QRectF source = format.property(SourceProperty).toRectF();
    return source.isEmpty() ? QRectF(QPointF(0, 0), format.property(SizeProperty).toSizeF()) : source;
}

} // namespace

void PictureTextObject::insert(QTextCursor& cursor, const QPicture& picture, QSizeF size, const Placement& placement)
{
    QTextCharFormat format;
    format.setObjectType(kType);
    format.setProperty(PictureProperty, QVariant::fromValue(picture));
    format.setProperty(SizeProperty, size);
    format.setProperty(SourceProperty, placement.source);
    format.setProperty(ScaleProperty, placement.scale);
    format.setProperty(RotatedProperty, placement.rotated);
    format.setProperty(RoleProperty, placement.role);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
}

double PictureTextObject::drawnScale(QTextDocument* document, const QTextFormat& format)
{
    const QSizeF size = sourceOf(format).size();
    if (size.isEmpty())
        return 0;
    if (const double fixed = format.property(ScaleProperty).toDouble(); fixed > 0)
        return fixed;
    const double margin = document->rootFrame()->frameFormat().leftMargin()
                          + document->rootFrame()->frameFormat().rightMargin() + 2 * document->documentMargin();
    const double width = (document->pageSize().width() > 0 ? document->pageSize().width() : document->textWidth())
                         - margin - 2; // the line's own slack: a full-width object would wrap
    double scale = width / size.width();
    if (document->pageSize().height() > 0)
        scale = std::min(scale, document->pageSize().height() * kMaxPageHeightShare / size.height());
    return scale;
}

QString PictureTextObject::role(const QTextFormat& format)
{
    return format.objectType() == kType ? format.property(RoleProperty).toString() : QString();
}

double PictureTextObject::smallestTextPoints(QTextDocument* document, const QTextFormat& format)
{
    return PictureFonts::smallestPointSize(format.property(PictureProperty).value<QPicture>()) *
           drawnScale(document, format);
}

QSizeF PictureTextObject::intrinsicSize(QTextDocument* document, int, const QTextFormat& format)
{
    const QSizeF size = sourceOf(format).size() * drawnScale(document, format);
    return format.property(RotatedProperty).toBool() ? size.transposed() : size;
}

void PictureTextObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                   const QTextFormat& format)
{
    const auto picture = format.property(PictureProperty).value<QPicture>();
    const QRectF source = sourceOf(format);
    if (source.isEmpty())
        return;
    // A printed page clips to itself, but the pictures set clip rectangles of
    // their own (a plot clips to its axes) that replace the page's: a picture
    // that belongs to the next page must not be drawn at all.
    if (painter->hasClipping() && painter->clipBoundingRect().intersected(rect).height() < 1)
        return;
    painter->save();
    painter->setClipRect(rect, painter->hasClipping() ? Qt::IntersectClip : Qt::ReplaceClip);
    if (format.property(RotatedProperty).toBool()) {
        // The picture's top runs along the rect's left edge: turn the page clockwise to read it.
        painter->translate(rect.bottomLeft());
        painter->rotate(-90);
        painter->scale(rect.height() / source.width(), rect.width() / source.height());
    } else {
        painter->translate(rect.topLeft());
        painter->scale(rect.width() / source.width(), rect.height() / source.height());
    }
    painter->translate(-source.topLeft());
    painter->drawPicture(0, 0, picture);
    painter->restore();
}

} // namespace scalelab::widgets
