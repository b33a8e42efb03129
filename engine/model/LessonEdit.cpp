#include "LessonEdit.h"

#include "ParamTarget.h"

#include <algorithm>

namespace scalelab::model {

std::string applyLessonAction(Architecture& design, const LessonAction& action)
{
    using Kind = LessonAction::Kind;
    switch (action.kind) {
    case Kind::SetParam:
        return setParam(design, action.block + "." + action.param, action.value);
    case Kind::AddBlock:
        if (design.findBlock(action.newBlock.id))
            return "the id \"" + action.newBlock.id + "\" is already used";
        design.blocks.push_back(action.newBlock);
        return {};
    case Kind::RemoveBlock: {
        auto index = design.blockIndex(action.block);
        if (!index)
            return "no block with id \"" + action.block + "\"";
        design.blocks.erase(design.blocks.begin() + static_cast<std::ptrdiff_t>(*index));
        std::erase_if(design.links, [&](const Link& link) { return link.from == action.block || link.to == action.block; });
        return {};
    }
    case Kind::AddLink:
        if (!design.findBlock(action.link.from) || !design.findBlock(action.link.to))
            return "no block with id \"" + (design.findBlock(action.link.from) ? action.link.to : action.link.from) + "\"";
        if (design.linkOrdinal(action.link.from, action.link.to))
            return "the link " + action.link.from + " -> " + action.link.to + " already exists";
        design.links.push_back(action.link);
        return {};
    case Kind::RemoveLink: {
        auto it = std::find_if(design.links.begin(), design.links.end(), [&](const Link& link) {
            return link.from == action.link.from && link.to == action.link.to;
        });
        if (it == design.links.end())
            return "no link " + action.link.from + " -> " + action.link.to;
        design.links.erase(it);
        return {};
    }
    case Kind::Fault:
    case Kind::Command:
        return {};
    }
    return {};
}

bool isLiveAction(const LessonAction& action)
{
    return action.kind == LessonAction::Kind::Fault || action.kind == LessonAction::Kind::Command;
}

} // namespace scalelab::model
