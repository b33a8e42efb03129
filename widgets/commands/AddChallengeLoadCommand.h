#pragma once
// Adds a load to the design's challenge: a requirement change announced in
// the interview, which the design is graded under from then on (and which
// the saved file keeps). Undo removes it again.
#include "document/DesignDocument.h"

#include <QUndoCommand>

namespace scalelab::widgets {

class AddChallengeLoadCommand : public QUndoCommand {
public:
    AddChallengeLoadCommand(DesignDocument* document, model::ChallengeLoad load, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    DesignDocument* m_document;
    model::ChallengeLoad m_load;
    size_t m_index = 0;
};

} // namespace scalelab::widgets
