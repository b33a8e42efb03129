#pragma once
// Names one link of a design by its ends. The validator rejects two links
// with the same ends, so (from, to) is a stable identity that, unlike an
// index, survives the insertion and removal of other links.
#include <string>

namespace scalelab::widgets {

struct LinkKey {
    std::string from;
    std::string to;

    bool operator==(const LinkKey&) const = default;
    auto operator<=>(const LinkKey&) const = default;
};

} // namespace scalelab::widgets
