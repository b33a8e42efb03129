#include "PictureTextObject.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPicture>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

#include <algorithm>

namespace scalelab::widgets {

namespace {
enum Property { PictureProperty = QTextFormat::UserProperty + 1, SizeProperty };
// A picture never takes more of a page's height than this, so a tall design
// leaves room for its heading on the same page.
constexpr double kMaxPageHeightShare = 0.8;
} // namespace

void PictureTextObject::install(QTextDocument* document)
{
    document->documentLayout()->registerHandler(kType, new PictureTextObject(document));
}

void PictureTextObject::insert(QTextCursor& cursor, const QPicture& picture, QSizeF size)
{
    QTextCharFormat format;
    format.setObjectType(kType);
    format.setProperty(PictureProperty, QVariant::fromValue(picture));
    format.setProperty(SizeProperty, size);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
}

QSizeF PictureTextObject::intrinsicSize(QTextDocument* document, int, const QTextFormat& format)
{
    const QSizeF size = format.property(SizeProperty).toSizeF();
    if (size.isEmpty())
        return {};
    const double margin = document->rootFrame()->frameFormat().leftMargin()
                          + document->rootFrame()->frameFormat().rightMargin() + 2 * document->documentMargin();
    const double width = (document->pageSize().width() > 0 ? document->pageSize().width() : document->textWidth())
                         - margin - 2; // the line's own slack: a full-width object would wrap
    double scale = width / size.width();
    if (document->pageSize().height() > 0)
        scale = std::min(scale, document->pageSize().height() * kMaxPageHeightShare / size.height());
    return size * scale;
}

void PictureTextObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                   const QTextFormat& format)
{
    const auto picture = format.property(PictureProperty).value<QPicture>();
    const QSizeF size = format.property(SizeProperty).toSizeF();
    if (size.isEmpty())
        return;
    // A printed page clips to itself, but the pictures set clip rectangles of
    // their own (a plot clips to its axes) that replace the page's: a picture
    // that belongs to the next page must not be drawn at all.
    if (painter->hasClipping() && painter->clipBoundingRect().intersected(rect).height() < 1)
        return;
    painter->save();
    painter->translate(rect.topLeft());
    painter->scale(rect.width() / size.width(), rect.height() / size.height());
    painter->drawPicture(0, 0, picture);
    painter->restore();
}

} // namespace scalelab::widgets
