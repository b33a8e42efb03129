#include "DesignDiff.h"

#include <algorithm>

namespace scalelab::model {

namespace {

const Link* findLink(const Architecture& design, const std::string& from, const std::string& to)
{
    const auto it = std::find_if(design.links.begin(), design.links.end(),
                                 [&](const Link& l) { return l.from == from && l.to == to; });
    return it == design.links.end() ? nullptr : &*it;
}

} // namespace

std::optional<std::vector<DesignEdit>> diff(const Architecture& from, const Architecture& to)
{
    if (from.cells != to.cells || from.faults != to.faults)
        return std::nullopt;
    for (const Block& before : from.blocks)
        if (const Block* after = to.findBlock(before.id); after && (after->kind != before.kind || after->region != before.region))
            return std::nullopt;

    std::vector<DesignEdit> edits;
    for (const Link& link : from.links)
        if (!findLink(to, link.from, link.to))
            edits.push_back({DesignEdit::RemoveLink{link.from, link.to}});
    for (const Block& block : from.blocks)
        if (!to.findBlock(block.id))
            edits.push_back({DesignEdit::RemoveBlock{block.id}});
    for (size_t i = 0; i < to.blocks.size(); ++i)
        if (!from.findBlock(to.blocks[i].id))
            edits.push_back({DesignEdit::AddBlock{to.blocks[i], i}});
    for (size_t i = 0; i < to.links.size(); ++i)
        if (!findLink(from, to.links[i].from, to.links[i].to))
            edits.push_back({DesignEdit::AddLink{to.links[i], i}});
    for (const Block& after : to.blocks) {
        const Block* before = from.findBlock(after.id);
        if (!before)
            continue;
        for (const auto& [key, value] : after.params)
            if (auto it = before->params.find(key); it == before->params.end() || it->second != value)
                edits.push_back({DesignEdit::SetBlockParam{after.id, key, value}});
        for (const auto& [key, text] : after.texts)
            if (auto it = before->texts.find(key); it == before->texts.end() || it->second != text)
                edits.push_back({DesignEdit::SetBlockText{after.id, key, text}});
    }
    for (const Link& after : to.links) {
        const Link* before = findLink(from, after.from, after.to);
        if (!before)
            continue;
        for (const auto& [key, value] : after.params)
            if (auto it = before->params.find(key); it == before->params.end() || it->second != value)
                edits.push_back({DesignEdit::SetLinkParam{after.from, after.to, key, value}});
    }
    return edits;
}

} // namespace scalelab::model
