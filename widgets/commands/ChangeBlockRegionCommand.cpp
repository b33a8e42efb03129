#include "ChangeBlockRegionCommand.h"

#include "QtText.h"
#include "document/DesignDocument.h"

namespace scalelab::widgets {

ChangeBlockRegionCommand::ChangeBlockRegionCommand(DesignDocument* document, std::string id, std::string region,
                                                   QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Move %1 to region %2").arg(toQString(id), toQString(region)), parent)
    , m_document(document)
    , m_blockId(std::move(id))
    , m_newRegion(std::move(region))
{
    if (const model::Block* block = document->architecture().findBlock(m_blockId))
        m_oldRegion = block->region;
}

void ChangeBlockRegionCommand::redo() { m_document->setBlockRegion(m_blockId, m_newRegion); }

void ChangeBlockRegionCommand::undo() { m_document->setBlockRegion(m_blockId, m_oldRegion); }

bool ChangeBlockRegionCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const ChangeBlockRegionCommand*>(other);
    if (next->m_document != m_document || next->m_blockId != m_blockId)
        return false;
    m_newRegion = next->m_newRegion;
    setObsolete(m_newRegion == m_oldRegion);
    return true;
}

} // namespace scalelab::widgets
