#pragma once
// Draws a QPicture inline in a QTextDocument, scaled to the page width, so
// plots and the design stay vector graphics when the document is printed
// to PDF (an image resource would be rasterised). Register it once per
// document with install(); insert pictures with insert().
//
// A Placement draws a part of a picture (one tile of a design too big for
// one page at a readable size), at a fixed scale, or turned a quarter turn
// counter-clockwise to use a portrait page's height for a wide design.
#include <QObject>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QTextObjectInterface>

class QPicture;
class QTextCursor;
class QTextDocument;

namespace scalelab::widgets {

// How PictureTextObject draws one picture (see above).
struct PicturePlacement {
    QRectF source;        // the part of the picture to draw; empty: all of it
    double scale = 0;     // document pixels per picture pixel; 0: fit the page width
    bool rotated = false; // drawn turned 90 degrees counter-clockwise
    QString role;         // what the picture is ("design"), for whoever reads the document
};

class PictureTextObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kType = QTextFormat::UserObject + 1;

    using Placement = PicturePlacement;

    // Registers the handler with `document`'s layout (the document owns it).
    static void install(QTextDocument* document);
    // Inserts `picture`, drawn at `size`, at the cursor.
    static void insert(QTextCursor& cursor, const QPicture& picture, QSizeF size, const Placement& placement = {});
    // The scale at which the object of `format` is drawn in `document`.
    static double drawnScale(QTextDocument* document, const QTextFormat& format);
    // The role given at insert(); empty when `format` is not one of these objects.
    static QString role(const QTextFormat& format);
    // The smallest text of the object of `format` as drawn, in points (0: no text).
    static double smallestTextPoints(QTextDocument* document, const QTextFormat& format);

    QSizeF intrinsicSize(QTextDocument* document, int position, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* document, int position,
                    const QTextFormat& format) override;

private:
    explicit PictureTextObject(QObject* parent) : QObject(parent) {}
};

} // namespace scalelab::widgets
