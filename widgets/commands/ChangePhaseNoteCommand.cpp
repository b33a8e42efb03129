#include "ChangePhaseNoteCommand.h"

#include "MergeId.h"

#include <QObject>

namespace scalelab::widgets {

ChangePhaseNoteCommand::ChangePhaseNoteCommand(DesignDocument* document, int phase, std::string text,
                                               QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_phase(phase)
    , m_newText(std::move(text))
{
    if (const auto& interview = document->architecture().interview)
        m_oldText = interview->phaseNotes.at(size_t(phase));
    setText(QObject::tr("Edit notes (%1)").arg(QString::fromUtf8(model::kInterviewPhaseKeys.at(size_t(phase)))));
}

void ChangePhaseNoteCommand::redo() { m_document->setPhaseNote(m_phase, m_newText); }

void ChangePhaseNoteCommand::undo() { m_document->setPhaseNote(m_phase, m_oldText); }

int ChangePhaseNoteCommand::id() const { return static_cast<int>(MergeId::ChangePhaseNote); }

bool ChangePhaseNoteCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const ChangePhaseNoteCommand*>(other); // same id() => same class
    if (next->m_document != m_document || next->m_phase != m_phase)
        return false;
    m_newText = next->m_newText;
    setObsolete(m_newText == m_oldText);
    return true;
}

} // namespace scalelab::widgets
