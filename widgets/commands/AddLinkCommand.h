#pragma once
// Links two blocks. The scene checks Registry::linkRefusal before pushing,
// so a command never creates a link the registry forbids.
#include "model/Architecture.h"

#include <QUndoCommand>

namespace scalelab::widgets {

class DesignDocument;

class AddLinkCommand : public QUndoCommand {
public:
    AddLinkCommand(DesignDocument* document, model::Link link, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    DesignDocument* m_document;
    model::Link m_link;
};

} // namespace scalelab::widgets
