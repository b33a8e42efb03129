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

// Checks every given value against its parameter's rule and fills the missing ones with defaults.
std::string completeParams(const std::vector<ParamSpec>& specs, ParamValues& params, TextValues* texts,
                           const std::string& owner)
{
    // The specs are found through a named key, not the structured binding:
    // clang before 16 cannot capture bindings in a lambda.
    auto specOf = [&](const std::string& key) {
        return std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& p) { return p.key == key; });
    };
    for (const auto& [key, value] : params) {
        const auto spec = specOf(key);
        if (spec == specs.end() || spec->isText())
            return owner + " has no numeric parameter \"" + key + "\"";
        if (std::string rule = spec->checkValue(value); !rule.empty())
            return owner + "." + key + ": " + rule;
    }
    if (texts)
        for (const auto& [key, text] : *texts) {
            const auto spec = specOf(key);
            if (spec == specs.end() || !spec->isText())
                return owner + " has no text parameter \"" + key + "\"";
            if (std::string rule = spec->checkText(text); !rule.empty())
                return owner + "." + key + ": " + rule;
        }
    for (const ParamSpec& spec : specs) {
        if (!spec.isText())
            params.try_emplace(spec.key, spec.defaultValue);
        else if (texts)
            texts->try_emplace(spec.key, spec.defaultText);
    }
    return {};
}

std::string apply(Architecture& design, const DesignEdit::AddBlock& edit)
{
    Block block = edit.block;
    if (block.id.empty())
        return "a block needs an id";
    if (design.findBlock(block.id))
        return "there is already a block with id \"" + block.id + "\"";
    const BlockSpec* spec = Registry::instance().find(block.kind);
    if (!spec)
        return "unknown block kind \"" + block.kind + "\"";
    if (std::string refusal = completeParams(spec->params, block.params, &block.texts, block.id); !refusal.empty())
        return refusal;
    design.blocks.insert(design.blocks.begin() + static_cast<std::ptrdiff_t>(std::min(edit.index, design.blocks.size())),
                         std::move(block));
    return {};
}

std::string apply(Architecture& design, const DesignEdit::RemoveBlock& edit)
{
    const auto index = design.blockIndex(edit.blockId);
    if (!index)
        return noBlock(edit.blockId);
    std::erase_if(design.links, [&](const Link& l) { return l.from == edit.blockId || l.to == edit.blockId; });
    design.blocks.erase(design.blocks.begin() + static_cast<std::ptrdiff_t>(*index));
    return {};
}

std::string apply(Architecture& design, const DesignEdit::AddLink& edit)
{
    Link link = edit.link;
    if (!design.findBlock(link.from))
        return noBlock(link.from);
    if (!design.findBlock(link.to))
        return noBlock(link.to);
    if (design.linkOrdinal(link.from, link.to))
        return "there is already a link " + link.from + " -> " + link.to;
    const std::string owner = link.from + "->" + link.to;
    if (std::string refusal = completeParams(Registry::instance().linkParams(), link.params, nullptr, owner);
        !refusal.empty())
        return refusal;
    design.links.insert(design.links.begin() + static_cast<std::ptrdiff_t>(std::min(edit.index, design.links.size())),
                        std::move(link));
    return {};
}

std::string apply(Architecture& design, const DesignEdit::RemoveLink& edit)
{
    const auto link = std::find_if(design.links.begin(), design.links.end(),
                                   [&](const Link& l) { return l.from == edit.from && l.to == edit.to; });
    if (link == design.links.end())
        return "no link " + edit.from + " -> " + edit.to;
    design.links.erase(link);
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
        std::string operator()(const AddBlock& e) const { return e.block.id + " added"; }
        std::string operator()(const RemoveBlock& e) const { return e.blockId + " removed"; }
        std::string operator()(const AddLink& e) const { return e.link.from + " -> " + e.link.to + " link added"; }
        std::string operator()(const RemoveLink& e) const { return e.from + " -> " + e.to + " link removed"; }
    };
    return std::visit(Describe{}, change);
}

} // namespace scalelab::model
