#pragma once
// Copy and paste carry a design fragment as a .scalelab document: the
// engine's writer and reader do the work (no second format or parser), and
// a fragment pasted into a text editor is a valid design file.
#include "model/Architecture.h"

#include <optional>

class QMimeData;

namespace scalelab::widgets {

class DesignClipboard {
public:
    static constexpr const char* kMimeType = "application/x-scalelab";

    // The blocks named by `blockIds` and the links among them.
    static model::Architecture fragment(const model::Architecture& design, const std::vector<std::string>& blockIds);
    static QMimeData* toMimeData(const model::Architecture& fragment);
    // nullopt when the data holds no design (or one the reader refuses).
    static std::optional<model::Architecture> fromMimeData(const QMimeData* data);
};

} // namespace scalelab::widgets
