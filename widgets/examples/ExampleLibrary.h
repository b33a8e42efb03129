#pragma once
// The example designs compiled in from resources/examples (:/examples/*.scalelab),
// read with the engine's parser like any other file.
#include "model/Architecture.h"

#include <QString>

#include <optional>
#include <vector>

namespace scalelab::widgets {

class ExampleLibrary {
public:
    struct Example {
        QString path; // resource path, e.g. ":/examples/default.scalelab"
        model::Architecture design;
    };

    static constexpr const char* kDefaultExample = ":/examples/default.scalelab";

    // Every example that loads, the default one first, then by name.
    static std::vector<Example> all();
    // Reads a design from a resource (or any Qt path); throws io::LoadError.
    static model::Architecture load(const QString& path);
};

} // namespace scalelab::widgets
