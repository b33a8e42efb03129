#pragma once
// The designs compiled in from resources/ (:/examples, :/lessons,
// :/challenges), read with the engine's parser like any other file.
#include "model/Architecture.h"

#include <QString>

#include <vector>

namespace scalelab::widgets {

class ExampleLibrary {
public:
    struct Example {
        QString path; // resource path, e.g. ":/examples/default.scalelab"
        model::Architecture design;
    };

    static constexpr const char* kDefaultExample = ":/examples/default.scalelab";
    static constexpr const char* kExamplesFolder = ":/examples";
    static constexpr const char* kLessonsFolder = ":/lessons";
    static constexpr const char* kChallengesFolder = ":/challenges";

    // Every example that loads, the default one first, then by name.
    static std::vector<Example> all();
    // Every design in `folder` that loads, by file name; none when the folder is missing.
    static std::vector<Example> inFolder(const QString& folder);
    // A challenge's reference solution sits beside it as NAME.solution.scalelab.
    static bool isSolution(const QString& path);
    // The solution's path for a challenge's start or naive file (it may not exist).
    static QString solutionPath(const QString& path);
    // Reads a design from a resource (or any Qt path); throws io::LoadError.
    static model::Architecture load(const QString& path);
};

} // namespace scalelab::widgets
