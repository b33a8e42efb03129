#include "RemoveItemsCommand.h"

#include "document/DesignDocument.h"

#include <algorithm>
#include <set>

namespace scalelab::widgets {

RemoveItemsCommand::RemoveItemsCommand(DesignDocument* document, const std::vector<std::string>& blockIds,
                                       const std::vector<LinkKey>& links, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
{
    const model::Architecture& design = document->architecture();
    const std::set<std::string> ids(blockIds.begin(), blockIds.end());
    const std::set<LinkKey> keys(links.begin(), links.end());
    for (size_t i = 0; i < design.blocks.size(); ++i)
        if (ids.count(design.blocks[i].id))
            m_blocks.emplace_back(i, design.blocks[i]);
    for (size_t i = 0; i < design.links.size(); ++i) {
        const model::Link& link = design.links[i];
        if (keys.count({link.from, link.to}) || ids.count(link.from) || ids.count(link.to))
            m_links.emplace_back(i, link);
    }
    const size_t count = m_blocks.size() + m_links.size();
    setText(m_blocks.empty() ? QObject::tr("Delete %n link(s)", nullptr, static_cast<int>(m_links.size()))
                             : QObject::tr("Delete %n block(s)", nullptr, static_cast<int>(m_blocks.size())));
    if (count == 0)
        setObsolete(true);
}

void RemoveItemsCommand::redo()
{
    for (auto it = m_links.rbegin(); it != m_links.rend(); ++it)
        m_document->takeLink({it->second.from, it->second.to});
    for (auto it = m_blocks.rbegin(); it != m_blocks.rend(); ++it)
        m_document->takeBlock(it->second.id);
}

void RemoveItemsCommand::undo()
{
    for (const auto& [index, block] : m_blocks)
        m_document->insertBlock(index, block);
    for (const auto& [index, link] : m_links)
        m_document->insertLink(index, link);
}

} // namespace scalelab::widgets
