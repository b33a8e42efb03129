#include "ChangeBlockIdCommand.h"

#include "QtText.h"
#include "document/DesignDocument.h"

namespace scalelab::widgets {

ChangeBlockIdCommand::ChangeBlockIdCommand(DesignDocument* document, std::string oldId, std::string newId,
                                           QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Change id %1 to %2").arg(toQString(oldId), toQString(newId)), parent)
    , m_document(document)
    , m_oldId(std::move(oldId))
    , m_newId(std::move(newId))
{
}

void ChangeBlockIdCommand::redo() { m_document->setBlockId(m_oldId, m_newId); }

void ChangeBlockIdCommand::undo() { m_document->setBlockId(m_newId, m_oldId); }

} // namespace scalelab::widgets
