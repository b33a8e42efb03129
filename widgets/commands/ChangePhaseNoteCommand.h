#pragma once
// Changes the candidate's notes for one interview phase. Each keystroke is a
// command; consecutive ones on the same phase merge into one undo step, and a
// step that ends where it started is dropped.
#include "document/DesignDocument.h"

#include <QUndoCommand>

#include <string>

namespace scalelab::widgets {

class ChangePhaseNoteCommand : public QUndoCommand {
public:
    ChangePhaseNoteCommand(DesignDocument* document, int phase, std::string text, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    DesignDocument* m_document;
    int m_phase;
    std::string m_oldText;
    std::string m_newText;
};

} // namespace scalelab::widgets
