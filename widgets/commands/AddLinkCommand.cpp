#include "AddLinkCommand.h"

#include "QtText.h"
#include "document/DesignDocument.h"

namespace scalelab::widgets {

AddLinkCommand::AddLinkCommand(DesignDocument* document, model::Link link, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Link %1 to %2").arg(toQString(link.from), toQString(link.to)), parent)
    , m_document(document)
    , m_link(std::move(link))
{
}

void AddLinkCommand::redo() { m_document->insertLink(m_document->architecture().links.size(), m_link); }

void AddLinkCommand::undo() { m_document->takeLink({m_link.from, m_link.to}); }

} // namespace scalelab::widgets
