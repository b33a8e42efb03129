#pragma once
// Pastes (or duplicates) a fragment of a design: every block gets a fresh id
// and name so nothing clashes with the open design, links among the pasted
// blocks follow their new ids, and links to blocks left behind are dropped.
#include "AddBlocksCommand.h"

#include <QPointF>

namespace scalelab::widgets {

class PasteCommand : public AddBlocksCommand {
public:
    PasteCommand(DesignDocument* document, const model::Architecture& fragment, QPointF offset,
                 const QString& text);

private:
    struct Renamed {
        std::vector<model::Block> blocks;
        std::vector<model::Link> links;
    };
    static Renamed rename(const DesignDocument* document, const model::Architecture& fragment, QPointF offset);
    PasteCommand(DesignDocument* document, Renamed renamed, const QString& text);
};

} // namespace scalelab::widgets
