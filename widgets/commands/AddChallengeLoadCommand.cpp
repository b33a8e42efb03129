#include "AddChallengeLoadCommand.h"

#include "QtText.h"

#include <QObject>

namespace scalelab::widgets {

AddChallengeLoadCommand::AddChallengeLoadCommand(DesignDocument* document, model::ChallengeLoad load,
                                                 QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_load(std::move(load))
{
    if (const auto& challenge = document->architecture().challenge)
        m_index = challenge->loads.size();
    setText(QObject::tr("Requirement change: %1").arg(toQString(m_load.name)));
}

void AddChallengeLoadCommand::redo() { m_document->insertChallengeLoad(m_index, m_load); }

void AddChallengeLoadCommand::undo() { m_load = m_document->takeChallengeLoad(m_index); }

} // namespace scalelab::widgets
