#include "Architecture.h"

#include "Registry.h"

#include <stdexcept>
#include <utility>

namespace scalelab::model {

double Block::param(const std::string& key) const
{
    if (auto it = params.find(key); it != params.end())
        return it->second;
    if (const BlockSpec* spec = Registry::instance().find(kind))
        if (const ParamSpec* p = spec->param(key))
            return p->defaultValue;
    throw std::out_of_range("block " + id + " has no parameter " + key);
}

const std::string& Block::text(const std::string& key) const
{
    if (auto it = texts.find(key); it != texts.end())
        return it->second;
    if (const BlockSpec* spec = Registry::instance().find(kind))
        if (const ParamSpec* p = spec->param(key); p && p->isText())
            return p->defaultText;
    throw std::out_of_range("block " + id + " has no text parameter " + key);
}

double Link::param(const std::string& key) const
{
    if (auto it = params.find(key); it != params.end())
        return it->second;
    if (const ParamSpec* p = Registry::instance().linkParam(key))
        return p->defaultValue;
    throw std::out_of_range("links have no parameter " + key);
}

const Block* Architecture::findBlock(const std::string& id) const
{
    for (const auto& block : blocks)
        if (block.id == id)
            return &block;
    return nullptr;
}

Block* Architecture::findBlock(const std::string& id)
{
    return const_cast<Block*>(std::as_const(*this).findBlock(id));
}

std::optional<size_t> Architecture::blockIndex(const std::string& id) const
{
    for (size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].id == id)
            return i;
    return std::nullopt;
}

std::vector<const Link*> Architecture::linksFrom(const std::string& id) const
{
    std::vector<const Link*> result;
    for (const auto& link : links)
        if (link.from == id)
            result.push_back(&link);
    return result;
}

std::optional<size_t> Architecture::linkOrdinal(const std::string& from, const std::string& to) const
{
    size_t ordinal = 0;
    for (const auto& link : links) {
        if (link.from != from)
            continue;
        if (link.to == to)
            return ordinal;
        ++ordinal;
    }
    return std::nullopt;
}

std::string Architecture::uniqueId(const std::string& base) const
{
    if (!findBlock(base))
        return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + std::to_string(n);
        if (!findBlock(candidate))
            return candidate;
    }
}

Block makeBlock(const std::string& kind, const std::string& id, const std::string& name)
{
    const BlockSpec* spec = Registry::instance().find(kind);
    if (!spec)
        throw std::invalid_argument("unknown block kind " + kind);
    Block block;
    block.id = id;
    block.kind = kind;
    block.name = name.empty() ? spec->displayName : name;
    for (const auto& param : spec->params) {
        if (param.isText())
            block.texts[param.key] = param.defaultText;
        else
            block.params[param.key] = param.defaultValue;
    }
    return block;
}

Link makeLink(const std::string& from, const std::string& to)
{
    Link link;
    link.from = from;
    link.to = to;
    for (const auto& param : Registry::instance().linkParams())
        link.params[param.key] = param.defaultValue;
    return link;
}

} // namespace scalelab::model
