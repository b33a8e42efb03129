#pragma once
// Draws a QPicture inline in a QTextDocument, scaled to the page width, so
// plots and the design stay vector graphics when the document is printed
// to PDF (an image resource would be rasterised). Register it once per
// document with install(); insert pictures with insert().
#include <QObject>
#include <QSizeF>
#include <QTextObjectInterface>

class QPicture;
class QTextCursor;
class QTextDocument;

namespace scalelab::widgets {

class PictureTextObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kType = QTextFormat::UserObject + 1;

    // Registers the handler with `document`'s layout (the document owns it).
    static void install(QTextDocument* document);
    // Inserts `picture`, drawn at `size`, at the cursor.
    static void insert(QTextCursor& cursor, const QPicture& picture, QSizeF size);

    QSizeF intrinsicSize(QTextDocument* document, int position, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* document, int position,
                    const QTextFormat& format) override;

private:
    explicit PictureTextObject(QObject* parent) : QObject(parent) {}
};

} // namespace scalelab::widgets
