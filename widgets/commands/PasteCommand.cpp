#include "PasteCommand.h"

#include "document/DesignDocument.h"

#include <map>

namespace scalelab::widgets {

PasteCommand::PasteCommand(DesignDocument* document, const model::Architecture& fragment, QPointF offset,
                           const QString& text)
    : PasteCommand(document, rename(document, fragment, offset), text)
{
}

PasteCommand::PasteCommand(DesignDocument* document, Renamed renamed, const QString& text)
    : AddBlocksCommand(document, std::move(renamed.blocks), std::move(renamed.links), text)
{
}

PasteCommand::Renamed PasteCommand::rename(const DesignDocument* document, const model::Architecture& fragment,
                                           QPointF offset)
{
    // Work on a scratch copy so that ids and names chosen for earlier pasted
    // blocks count as taken for later ones.
    DesignDocument scratch;
    scratch.reset(document->architecture());
    Renamed result;
    std::map<std::string, std::string> newIds;
    for (model::Block block : fragment.blocks) {
        const std::string newId = scratch.architecture().uniqueId(block.id);
        newIds[block.id] = newId;
        block.id = newId;
        block.name = scratch.uniqueName(block.name);
        block.x += offset.x();
        block.y += offset.y();
        scratch.insertBlock(scratch.architecture().blocks.size(), block);
        result.blocks.push_back(std::move(block));
    }
    for (model::Link link : fragment.links) {
        auto from = newIds.find(link.from), to = newIds.find(link.to);
        if (from == newIds.end() || to == newIds.end())
            continue;
        link.from = from->second;
        link.to = to->second;
        result.links.push_back(std::move(link));
    }
    return result;
}

} // namespace scalelab::widgets
