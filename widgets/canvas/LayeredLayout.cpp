#include "LayeredLayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cmath>
#include <mutex>
#include <set>

namespace scalelab::widgets {

namespace {

constexpr double kPointsPerInch = 72;

// Graphviz reports errors through a callback; keep the last one for the user.
std::string& lastError()
{
    static std::string text;
    return text;
}

int recordError(char* message)
{
    lastError() += message;
    return 0;
}

// One context for the whole program: creating it loads Graphviz's plugins,
// which is the slow part of a layout.
GVC_t* context()
{
    static GVC_t* gvc = [] {
        agseterrf(recordError);
        agseterr(AGMAX); // nothing on stderr: errors come back in Result::error
        return gvContext();
    }();
    return gvc;
}

std::string inches(double units)
{
    return std::to_string(units / kPointsPerInch);
}

// agsafeset takes char*; Graphviz does not write through them.
void set(void* object, const char* name, const std::string& value)
{
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

} // namespace

LayeredLayout::Result LayeredLayout::arrange(const std::vector<Node>& nodes, const std::vector<Edge>& edges,
                                              double rankGap, double nodeGap)
{
    static std::mutex lock; // Graphviz keeps global state
    const std::lock_guard guard(lock);
    Result result;
    if (nodes.empty()) {
        result.ok = true;
        return result;
    }
    GVC_t* gvc = context();
    if (!gvc) {
        result.error = "Graphviz could not start.";
        return result;
    }
    lastError().clear();
    Agraph_t* graph = agopen(const_cast<char*>("design"), Agdirected, nullptr);
    set(graph, "rankdir", "LR");
    set(graph, "ranksep", inches(rankGap));
    set(graph, "nodesep", inches(nodeGap));
    set(graph, "splines", "false"); // positions only: the canvas routes its own links
    std::map<std::string, Agnode_t*> byId;
    for (const Node& node : nodes) {
        Agnode_t* n = agnode(graph, const_cast<char*>(node.id.c_str()), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "label", "");
        set(n, "width", inches(node.width));
        set(n, "height", inches(node.height));
        byId[node.id] = n;
    }
    std::set<std::pair<std::string, std::string>> seen;
    for (const Edge& edge : edges) {
        auto from = byId.find(edge.from), to = byId.find(edge.to);
        // Dangling links are the Problems dock's business; duplicates add nothing to a layout.
        if (from == byId.end() || to == byId.end() || !seen.insert({edge.from, edge.to}).second)
            continue;
        agedge(graph, from->second, to->second, nullptr, 1);
    }
    if (gvLayout(gvc, graph, "dot") != 0) {
        result.error = lastError().empty() ? "Graphviz could not lay the design out." : lastError();
        agclose(graph);
        return result;
    }
    // Graphviz's y axis points up and its coordinates are node centres.
    const boxf box = GD_bb(graph);
    for (const Node& node : nodes) {
        const pointf centre = ND_coord(byId[node.id]);
        result.topLeft[node.id] = {centre.x - box.LL.x - node.width / 2, box.UR.y - centre.y - node.height / 2};
    }
    gvFreeLayout(gvc, graph);
    agclose(graph);
    result.ok = true;
    return result;
}

} // namespace scalelab::widgets
