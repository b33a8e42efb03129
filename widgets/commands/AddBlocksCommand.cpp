#include "AddBlocksCommand.h"

#include "document/DesignDocument.h"

namespace scalelab::widgets {

AddBlocksCommand::AddBlocksCommand(DesignDocument* document, std::vector<model::Block> blocks,
                                   std::vector<model::Link> links, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_blocks(std::move(blocks))
    , m_links(std::move(links))
{
}

void AddBlocksCommand::redo()
{
    // Appending keeps the indices of existing blocks, so undo elsewhere stays valid.
    for (const auto& block : m_blocks)
        m_document->insertBlock(m_document->architecture().blocks.size(), block);
    for (const auto& link : m_links)
        m_document->insertLink(m_document->architecture().links.size(), link);
}

void AddBlocksCommand::undo()
{
    for (auto it = m_links.rbegin(); it != m_links.rend(); ++it)
        m_document->takeLink({it->from, it->to});
    for (auto it = m_blocks.rbegin(); it != m_blocks.rend(); ++it)
        m_document->takeBlock(it->id);
}

} // namespace scalelab::widgets
