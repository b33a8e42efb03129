#include "RenameBlockCommand.h"

#include "QtText.h"
#include "document/DesignDocument.h"

namespace scalelab::widgets {

RenameBlockCommand::RenameBlockCommand(DesignDocument* document, std::string id, std::string name,
                                       QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Rename %1").arg(toQString(id)), parent)
    , m_document(document)
    , m_blockId(std::move(id))
    , m_newName(std::move(name))
{
    if (const model::Block* block = document->architecture().findBlock(m_blockId))
        m_oldName = block->name;
}

void RenameBlockCommand::redo() { m_document->setBlockName(m_blockId, m_newName); }

void RenameBlockCommand::undo() { m_document->setBlockName(m_blockId, m_oldName); }

bool RenameBlockCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const RenameBlockCommand*>(other);
    if (next->m_document != m_document || next->m_blockId != m_blockId)
        return false;
    m_newName = next->m_newName;
    setObsolete(m_newName == m_oldName);
    return true;
}

} // namespace scalelab::widgets
