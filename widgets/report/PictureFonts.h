#pragma once
// How small the text of a recorded picture comes out: replays a QPicture on
// a paint device that draws nothing and notes each text item's font, scaled
// by the painter's transform at that moment. The report uses it to keep the
// design's card text at a readable size on paper (7 pt at least), and its
// test to check that it did.
#include <QStringList>

class QPicture;

namespace scalelab::widgets {

class PictureFonts {
public:
    // The smallest font, in points at the picture's own scale; 0 when it has no text.
    static double smallestPointSize(const QPicture& picture);
    // Every text item drawn, in drawing order.
    static QStringList texts(const QPicture& picture);
};

} // namespace scalelab::widgets
