#include "DesignEdit.h"

#include "Registry.h"

#include <algorithm>
#include <sstream>

namespace scalelab::model {

namespace {

std::string noBlock(const std::string& id) { return "no block with id \"" + id + "\""; }

const ParamSpec* blockParam(const Block& block, const std::string& key)
{
    const BlockSpec* spec = Registry::instance().find(block.kind);
    return spec ? spec->param(key) : nullptr;
}

std::string apply(Architecture& design, const DesignEdit::SetBlockParam& edit)
{
    Block* block = design.findBlock(edit.blockId);
    if (!block)
        return noBlock(edit.blockId);
    const ParamSpec* param = blockParam(*block, edit.key);
    if (!param || param->isText())
        return "a " + block->kind + " has no numeric parameter \"" + edit.key + "\"";
    if (std::string rule = param->checkValue(edit.value); !rule.empty())
        return edit.blockId + "." + edit.key + ": " + rule;
    block->params[edit.key] = edit.value;
    return {};
}

std::string apply(Architecture& design, const DesignEdit::SetBlockText& edit)
{
    Block* block = design.findBlock(edit.blockId);
    if (!block)
        return noBlock(edit.blockId);
    const ParamSpec* param = blockParam(*block, edit.key);
    if (!param || !param->isText())
        return "a " + block->kind + " has no text parameter \"" + edit.key + "\"";
    if (std::string rule = param->checkText(edit.text); !rule.empty())
        return edit.blockId + "." + edit.key + ": " + rule;
    block->texts[edit.key] = edit.text;
    return {};
}

std::string apply(Architecture& design, const DesignEdit::SetLinkParam& edit)
{
    const ParamSpec* param = Registry::instance().linkParam(edit.key);
    if (!param)
        return "links have no parameter \"" + edit.key + "\"";
    if (std::string rule = param->checkValue(edit.value); !rule.empty())
        return edit.from + "->" + edit.to + "." + edit.key + ": " + rule;
    if (!design.findBlock(edit.from))
        return noBlock(edit.from);
    const auto link = std::find_if(design.links.begin(), design.links.end(),
                                   [&](const Link& l) { return l.from == edit.from && l.to == edit.to; });
    if (link == design.links.end())
        return "no link " + edit.from + " -> " + edit.to;
    link->params[edit.key] = edit.value;
    return {};
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

std::string DesignEdit::applyTo(Architecture& design) const
{
    return std::visit([&](const auto& edit) { return apply(design, edit); }, change);
}

std::string DesignEdit::describe() const
{
    struct Describe {
        std::string operator()(const SetBlockParam& e) const { return e.blockId + "." + e.key + " = " + number(e.value); }
        std::string operator()(const SetBlockText& e) const { return e.blockId + "." + e.key + " = \"" + e.text + "\""; }
        std::string operator()(const SetLinkParam& e) const
        {
            return e.from + " -> " + e.to + "." + e.key + " = " + number(e.value);
        }
    };
    return std::visit(Describe{}, change);
}

} // namespace scalelab::model
