#include "BlockPalette.h"

#include "QtText.h"
#include "canvas/BlockIcons.h"
#include "model/Registry.h"

#include <QHeaderView>
#include <QMimeData>
#include <QScrollBar>
#include <QTreeWidgetItemIterator>

#include <algorithm>

namespace scalelab::widgets {

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
}

BlockPalette::BlockPalette(QWidget* parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(false);
    setIndentation(8);
    setIconSize(QSize(28, 28));
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setSelectionMode(SingleSelection);
    setUniformRowHeights(false);
    setAnimated(true);

    const auto& registry = model::Registry::instance();
    for (const auto& category : registry.categories()) {
        auto* group = new QTreeWidgetItem(this, {toQString(category)});
        group->setFlags(Qt::ItemIsEnabled); // headings are neither draggable nor selectable
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setForeground(0, palette().color(QPalette::PlaceholderText));
        for (const auto& spec : registry.blocks()) {
            if (spec.category != category)
                continue;
            auto* item = new QTreeWidgetItem(group, {toQString(spec.displayName)});
            item->setIcon(0, BlockIcons::icon(spec.icon));
            item->setData(0, kKindRole, toQString(spec.kind));
            item->setToolTip(0, QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                                    .arg(toQString(spec.displayName).toHtmlEscaped(),
                                         toQString(spec.summary).toHtmlEscaped(),
                                         tr("Pattern: %1").arg(toQString(spec.pattern)).toHtmlEscaped()));
            item->setStatusTip(0, toQString(spec.summary));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            item->setSizeHint(0, QSize(0, 34));
        }
    }
    expandAll();
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString kind = item->data(0, kKindRole).toString();
        if (!kind.isEmpty())
            emit blockActivated(kind);
    });
}

QTreeWidgetItem* BlockPalette::itemForKind(const std::string& kind) const
{
    for (QTreeWidgetItemIterator it(const_cast<BlockPalette*>(this)); *it; ++it)
        if ((*it)->data(0, kKindRole).toString() == toQString(kind))
            return *it;
    return nullptr;
}

QStringList BlockPalette::mimeTypes() const { return {kMimeType}; }

QMimeData* BlockPalette::mimeData(const QList<QTreeWidgetItem*>& items) const
{
    if (items.isEmpty() || items.first()->data(0, kKindRole).toString().isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(kMimeType, items.first()->data(0, kKindRole).toString().toUtf8());
    return data;
}

QSize BlockPalette::minimumSizeHint() const
{
    // Measured from the names themselves: the view's own column hint follows
    // the current column width, which is what a squeezed dock has shrunk.
    int widest = 0;
    for (QTreeWidgetItemIterator it(const_cast<BlockPalette*>(this)); *it; ++it) {
        const QTreeWidgetItem* item = *it;
        const int indent = item->parent() ? indentation() : 0;
        const int icon = item->icon(0).isNull() ? 0 : iconSize().width() + 8;
        widest = std::max(widest, indent + icon + QFontMetrics(item->font(0)).horizontalAdvance(item->text(0)));
    }
    QSize size = QTreeWidget::minimumSizeHint();
    const int margins = 16; // the item's own padding and focus frame
    size.setWidth(std::max(size.width(), widest + margins + 2 * frameWidth() + verticalScrollBar()->sizeHint().width()));
    return size;
}

} // namespace scalelab::widgets
