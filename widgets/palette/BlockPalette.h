#pragma once
// The block palette: every block kind of the engine registry, grouped by
// category, with its icon and name; the one-line summary is the tooltip.
// Drag an entry onto the canvas, or double-click it to add one at the centre.
#include <QTreeWidget>

#include <string>

namespace scalelab::widgets {

class BlockPalette : public QTreeWidget {
    Q_OBJECT
public:
    // Drag payload: the block kind, as UTF-8.
    static constexpr const char* kMimeType = "application/x-scalelab-block-kind";

    explicit BlockPalette(QWidget* parent = nullptr);

    // The entry for `kind`, for tests and keyboard focus; null when unknown.
    QTreeWidgetItem* itemForKind(const std::string& kind) const;
    // Wide enough for every name: a wide dock beside it (an interview's)
    // squeezes the palette to its minimum, and a clipped name is a guess.
    QSize minimumSizeHint() const override;

signals:
    void blockActivated(const QString& kind);

protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
    QStringList mimeTypes() const override;
};

} // namespace scalelab::widgets
