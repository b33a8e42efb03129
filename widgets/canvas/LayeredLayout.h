#pragma once
// Left-to-right layered layout of a design by Graphviz's `dot` (rankdir=LR):
// the one place the canvas talks to Graphviz. Plain data in (node sizes and
// edges), top-left positions out, so callers know nothing of Graphviz and
// Graphviz nothing of Qt. Units are the caller's (scene units); Graphviz sees
// them as points.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace scalelab::widgets {

class LayeredLayout {
public:
    struct Node {
        std::string id;
        double width = 0;
        double height = 0;
    };
    struct Edge {
        std::string from;
        std::string to;
    };
    struct Result {
        bool ok = false;
        std::string error; // why there is no layout (Graphviz's own message when it gave one)
        std::map<std::string, std::pair<double, double>> topLeft; // y grows downwards
    };

    // `rankGap`: the horizontal space between layers; `nodeGap`: between
    // neighbours in a layer. Positions start at (0, 0).
    static Result arrange(const std::vector<Node>& nodes, const std::vector<Edge>& edges, double rankGap,
                          double nodeGap);
};

} // namespace scalelab::widgets
