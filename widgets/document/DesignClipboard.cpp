#include "DesignClipboard.h"

#include "io/LoadError.h"
#include "io/ScenarioFile.h"

#include <QMimeData>

#include <set>

namespace scalelab::widgets {

model::Architecture DesignClipboard::fragment(const model::Architecture& design,
                                              const std::vector<std::string>& blockIds)
{
    const std::set<std::string> ids(blockIds.begin(), blockIds.end());
    model::Architecture result;
    result.name = "Clipboard";
    for (const auto& block : design.blocks)
        if (ids.count(block.id))
            result.blocks.push_back(block);
    for (const auto& link : design.links)
        if (ids.count(link.from) && ids.count(link.to))
            result.links.push_back(link);
    return result;
}

QMimeData* DesignClipboard::toMimeData(const model::Architecture& fragment)
{
    auto* data = new QMimeData;
    const QByteArray text = QByteArray::fromStdString(io::serializeScenario(fragment));
    data->setData(kMimeType, text);
    data->setText(QString::fromUtf8(text));
    return data;
}

std::optional<model::Architecture> DesignClipboard::fromMimeData(const QMimeData* data)
{
    if (!data)
        return std::nullopt;
    QByteArray bytes = data->data(kMimeType);
    if (bytes.isEmpty() && data->hasText())
        bytes = data->text().toUtf8(); // a design copied from a text editor pastes too
    if (bytes.isEmpty() || bytes.size() > static_cast<qsizetype>(io::kMaxScenarioBytes))
        return std::nullopt;
    try {
        return io::parseScenario(bytes.toStdString(), "clipboard");
    } catch (const io::LoadError&) {
        return std::nullopt;
    }
}

} // namespace scalelab::widgets
