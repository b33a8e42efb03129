#pragma once
// Where a design sits in the example library (File > Examples) and what a
// learner should try with it. Empty for the user's own designs.
#include <string>

namespace scalelab::model {

struct LibraryInfo {
    std::string topic;     // group in the gallery: "Scaling path", "Caching"...
    std::string whatToTry; // a few sentences: the experiment this design is for
    int order = 0;         // position within its topic (ascending)

    bool empty() const { return topic.empty() && whatToTry.empty(); }
    bool operator==(const LibraryInfo&) const = default;
};

} // namespace scalelab::model
