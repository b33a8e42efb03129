#pragma once
// Where the learning path's steps live in the compiled-in resources, and the
// way back: the step a bundled file (or a file named like one) is.
//   lesson:caching        :/lessons/caching.scalelab
//   challenge:video-cdn   :/challenges/video-cdn.scalelab (its .naive and .solution files count as it)
//   interview:pastebin    :/interviews/pastebin.scalelab
//   tradeoff:NAME         :/tradeoffs/NAME.tradeoff
#include "model/LearningPath.h"

#include <QString>

namespace scalelab::widgets {

class PathFiles {
public:
    static constexpr const char* kPathResource = ":/path/learning-path.json";

    // The bundled path; throws io::LoadError (a broken bundle is a bug the tests catch).
    static model::LearningPath loadBundled();
    static QString resourcePath(const model::PathStep& step);
    // "lesson:caching" for ":/lessons/caching.scalelab" or ".../resources/lessons/caching.scalelab";
    // empty for a file that is no step's.
    static QString stepIdFor(const QString& filePath);
};

} // namespace scalelab::widgets
